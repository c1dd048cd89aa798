from django.db import migrations

from cmcoord.search import trigram_indexes


class Migration(migrations.Migration):
    """Trigram GIN indexes for the operation-wide search (cmcoord.site_search; PostgreSQL only)."""

    dependencies = [("meetings", "0009_history_of_meeting_parts"), ("cmcoord", "0013_search_extensions")]

    operations = [trigram_indexes("meetings_meeting", ["minutes"])]
