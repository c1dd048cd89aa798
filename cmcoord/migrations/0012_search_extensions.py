from django.db import migrations

from cmcoord.search import search_extensions, trigram_indexes


class Migration(migrations.Migration):
    """unaccent, pg_trgm and cmcoord_unaccent() for indexed search (PostgreSQL only)."""

    dependencies = [("cmcoord", "0011_user_language_operation_default_language")]

    operations = [
        search_extensions(),
        trigram_indexes("cmcoord_area", ["name", "pcode"]),
        trigram_indexes("cmcoord_securityassessment", ["association_risks"]),
        trigram_indexes("cmcoord_notification", ["title", "body"]),
    ]
