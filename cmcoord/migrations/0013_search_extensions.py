from django.db import migrations

from cmcoord.search import search_extensions, trigram_indexes


class Migration(migrations.Migration):
    """unaccent, pg_trgm and cmcoord_unaccent() for indexed search (PostgreSQL only)."""

    dependencies = [("cmcoord", "0012_queues_answer_days_digest_and_queue_kinds")]

    operations = [
        search_extensions(),
        trigram_indexes("cmcoord_area", ["name", "pcode"]),
        trigram_indexes("cmcoord_securityassessment", ["association_risks"]),
        trigram_indexes("cmcoord_notification", ["title", "body"]),
    ]
