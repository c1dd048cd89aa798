from django.db import migrations

from cmcoord.search import trigram_indexes


class Migration(migrations.Migration):
    """Trigram GIN indexes on the unaccented searched columns (PostgreSQL only; see cmcoord.search)."""

    dependencies = [("assets", "0006_indexes_for_list_orders"), ("cmcoord", "0013_search_extensions")]

    operations = [
        trigram_indexes("assets_assetdeployment", ["name", "base", "phase_out_plan"]),
        trigram_indexes("assets_dependency", ["activity", "alternative_provider", "notes"]),
    ]
