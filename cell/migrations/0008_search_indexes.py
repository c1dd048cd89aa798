from django.db import migrations

from cmcoord.search import trigram_indexes


class Migration(migrations.Migration):
    """Trigram GIN indexes on the unaccented searched columns (PostgreSQL only; see cmcoord.search)."""

    dependencies = [("cell", "0007_indexes_for_list_orders"), ("cmcoord", "0013_search_extensions")]

    operations = [
        trigram_indexes("meetings_cellrequest", ["title", "description"]),
    ]
