# Cell requests and RFAs move to the ``cell`` app. Only Django's idea of which app owns them
# changes: their tables (meetings_cellrequest, meetings_assistancerequest and the two historical
# tables) stay as they are, with their rows. ``cell.0001_initial`` takes them over (state only,
# ``db_table`` keeps the names) and depends on this migration, so meetings never depends on cell.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0001_forums_meetings_action_points_and_cell_requests'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                # What points at CellRequest goes first, then CellRequest itself.
                migrations.DeleteModel(name='AssistanceRequest'),
                migrations.DeleteModel(name='HistoricalAssistanceRequest'),
                migrations.DeleteModel(name='HistoricalCellRequest'),
                migrations.DeleteModel(name='CellRequest'),
            ],
            database_operations=[],
        ),
    ]
