from django.db import migrations

from cmcoord.search import trigram_indexes


class Migration(migrations.Migration):
    """Trigram GIN indexes for the operation-wide search (cmcoord.site_search; PostgreSQL only)."""

    dependencies = [("cell", "0010_history_keeps_operation"), ("cmcoord", "0013_search_extensions")]

    operations = [trigram_indexes("meetings_cellrequest", ["response"])]
