from django.db import migrations

from cmcoord.search import trigram_indexes


class Migration(migrations.Migration):
    """Trigram GIN indexes on the unaccented searched columns (PostgreSQL only; see cmcoord.search)."""

    dependencies = [("actors", "0005_indexes_for_list_orders"), ("cmcoord", "0013_search_extensions")]

    operations = [
        trigram_indexes("actors_actor", ["name", "acronym", "notes"]),
        trigram_indexes("actors_mandate", ["title", "reference", "scope"]),
        trigram_indexes("actors_actorlink", ["mechanism", "notes"]),
    ]
