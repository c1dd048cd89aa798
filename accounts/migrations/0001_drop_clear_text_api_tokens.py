"""User API tokens moved from rest_framework.authtoken (clear text) to knox (digests only).

The old table held every token in clear text: it is dropped, not migrated (a digest cannot be
made for a token nobody will send again without the clear key). Users get new tokens.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("knox", "0009_extend_authtoken_field")]

    operations = [
        migrations.RunSQL("DROP TABLE IF EXISTS authtoken_token", reverse_sql=migrations.RunSQL.noop),
    ]
