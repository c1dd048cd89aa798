from django.db import migrations

from cmcoord.search import trigram_indexes


class Migration(migrations.Migration):
    """Trigram GIN indexes for the operation-wide search (cmcoord.site_search; PostgreSQL only)."""

    dependencies = [("contacts", "0007_interlocutor_questions"), ("cmcoord", "0013_search_extensions")]

    operations = [trigram_indexes("contacts_contact", ["radio_call_sign", "notes"])]
