# Cell requests and RFAs, moved here from ``meetings`` with their data. State only: the tables
# already exist (created by meetings.0001) and keep their names through ``db_table``; the index
# names are those meetings.0001 gave them. meetings.0002 first removed the models from meetings'
# state; this migration depends on it (and on meetings' AgendaItem, assets' AssetDeployment).

import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('assets', '0001_mcda_deployments_and_dependencies'),
        ('cmcoord', '0004_notification_kind_action_point_assigned'),
        ('meetings', '0002_cell_requests_move_to_cell'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='CellRequest',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('updated_at', models.DateTimeField(auto_now=True, db_index=True)),
                        ('kind', models.CharField(choices=[('assistance', 'Request for military assistance (RFA)'), ('access', 'Access concern'), ('security', 'Security concern'), ('information', 'Information request')], max_length=16)),
                        ('title', models.CharField(max_length=300)),
                        ('description', models.TextField()),
                        ('status', models.CharField(choices=[('submitted', 'Submitted'), ('tabled', 'Tabled at a meeting'), ('answered', 'Answered'), ('closed', 'Closed')], default='submitted', max_length=12)),
                        ('response', models.TextField(blank=True, help_text='Visible to the sender.')),
                        ('responded_at', models.DateTimeField(blank=True, null=True)),
                        ('sensitivity', models.CharField(choices=[('shareable', 'Shareable (partners may read)'), ('internal', 'Internal (all members of the operation)'), ('restricted', 'Restricted (officers and HCT only)')], default='internal', max_length=16)),
                        ('area', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='cmcoord.area')),
                        ('operation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='cell_requests', to='cmcoord.operation')),
                        ('responded_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('submitted_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='cell_requests', to=settings.AUTH_USER_MODEL)),
                        ('tabled_at', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='cell_requests', to='meetings.agendaitem')),
                    ],
                    options={
                        'db_table': 'meetings_cellrequest',
                        'ordering': ['-created_at', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='HistoricalAssistanceRequest',
                    fields=[
                        ('requesting_organisation', models.CharField(max_length=200)),
                        ('requesting_person', models.CharField(max_length=200)),
                        ('task_type', models.CharField(choices=[('air_transport', 'Air transport'), ('sea_transport', 'Sea transport'), ('land_transport', 'Land transport'), ('engineering', 'Engineering'), ('medical', 'Medical'), ('logistics', 'Logistics'), ('escort', 'Escort / security')], max_length=20)),
                        ('cargo_or_passengers', models.TextField(blank=True)),
                        ('pickup_location', models.CharField(blank=True, max_length=200)),
                        ('delivery_location', models.CharField(blank=True, max_length=200)),
                        ('needed_by', models.DateField()),
                        ('duration_days', models.PositiveSmallIntegerField()),
                        ('priority', models.CharField(choices=[('life_saving', 'Life-saving'), ('life_sustaining', 'Life-sustaining'), ('other', 'Other')], max_length=16)),
                        ('civilian_alternatives_tried', models.TextField(blank=True)),
                        ('why_alternatives_fail', models.TextField(blank=True)),
                        ('unique_capability', models.TextField(blank=True, help_text='The unique capability or timeliness.')),
                        ('complements_civilian_capacity', models.BooleanField(default=False)),
                        ('exit_plan', models.TextField(blank=True, help_text='Planned duration and exit plan.')),
                        ('endorsement', models.CharField(choices=[('pending', 'Awaiting HCT decision'), ('endorsed', 'Endorsed by the HCT'), ('declined', 'Declined by the HCT')], default='pending', max_length=12)),
                        ('endorsed_at', models.DateTimeField(blank=True, null=True)),
                        ('endorsement_note', models.TextField(blank=True)),
                        ('military_response', models.CharField(choices=[('not_sent', 'Not sent to the military'), ('pending', "Awaiting the military's answer"), ('accepted', 'Accepted'), ('declined', 'Declined')], default='not_sent', max_length=12)),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('cell_request', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='cell.cellrequest')),
                        ('endorsed_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('resulting_asset', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='assets.assetdeployment')),
                    ],
                    options={
                        'verbose_name': 'historical request for military assistance',
                        'verbose_name_plural': 'historical requests for military assistance',
                        'db_table': 'meetings_historicalassistancerequest',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='HistoricalCellRequest',
                    fields=[
                        ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                        ('created_at', models.DateTimeField(blank=True, editable=False)),
                        ('updated_at', models.DateTimeField(blank=True, db_index=True, editable=False)),
                        ('kind', models.CharField(choices=[('assistance', 'Request for military assistance (RFA)'), ('access', 'Access concern'), ('security', 'Security concern'), ('information', 'Information request')], max_length=16)),
                        ('title', models.CharField(max_length=300)),
                        ('description', models.TextField()),
                        ('status', models.CharField(choices=[('submitted', 'Submitted'), ('tabled', 'Tabled at a meeting'), ('answered', 'Answered'), ('closed', 'Closed')], default='submitted', max_length=12)),
                        ('response', models.TextField(blank=True, help_text='Visible to the sender.')),
                        ('responded_at', models.DateTimeField(blank=True, null=True)),
                        ('sensitivity', models.CharField(choices=[('shareable', 'Shareable (partners may read)'), ('internal', 'Internal (all members of the operation)'), ('restricted', 'Restricted (officers and HCT only)')], default='internal', max_length=16)),
                        ('history_id', models.AutoField(primary_key=True, serialize=False)),
                        ('history_date', models.DateTimeField(db_index=True)),
                        ('history_change_reason', models.CharField(max_length=100, null=True)),
                        ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
                        ('area', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='cmcoord.area')),
                        ('history_user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('operation', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='cmcoord.operation')),
                        ('responded_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('submitted_by', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('tabled_at', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='meetings.agendaitem')),
                    ],
                    options={
                        'verbose_name': 'historical cell request',
                        'verbose_name_plural': 'historical cell requests',
                        'db_table': 'meetings_historicalcellrequest',
                        'ordering': ('-history_date', '-history_id'),
                        'get_latest_by': ('history_date', 'history_id'),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name='AssistanceRequest',
                    fields=[
                        ('cell_request', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='rfa', serialize=False, to='cell.cellrequest')),
                        ('requesting_organisation', models.CharField(max_length=200)),
                        ('requesting_person', models.CharField(max_length=200)),
                        ('task_type', models.CharField(choices=[('air_transport', 'Air transport'), ('sea_transport', 'Sea transport'), ('land_transport', 'Land transport'), ('engineering', 'Engineering'), ('medical', 'Medical'), ('logistics', 'Logistics'), ('escort', 'Escort / security')], max_length=20)),
                        ('cargo_or_passengers', models.TextField(blank=True)),
                        ('pickup_location', models.CharField(blank=True, max_length=200)),
                        ('delivery_location', models.CharField(blank=True, max_length=200)),
                        ('needed_by', models.DateField()),
                        ('duration_days', models.PositiveSmallIntegerField()),
                        ('priority', models.CharField(choices=[('life_saving', 'Life-saving'), ('life_sustaining', 'Life-sustaining'), ('other', 'Other')], max_length=16)),
                        ('civilian_alternatives_tried', models.TextField(blank=True)),
                        ('why_alternatives_fail', models.TextField(blank=True)),
                        ('unique_capability', models.TextField(blank=True, help_text='The unique capability or timeliness.')),
                        ('complements_civilian_capacity', models.BooleanField(default=False)),
                        ('exit_plan', models.TextField(blank=True, help_text='Planned duration and exit plan.')),
                        ('endorsement', models.CharField(choices=[('pending', 'Awaiting HCT decision'), ('endorsed', 'Endorsed by the HCT'), ('declined', 'Declined by the HCT')], default='pending', max_length=12)),
                        ('endorsed_at', models.DateTimeField(blank=True, null=True)),
                        ('endorsement_note', models.TextField(blank=True)),
                        ('military_response', models.CharField(choices=[('not_sent', 'Not sent to the military'), ('pending', "Awaiting the military's answer"), ('accepted', 'Accepted'), ('declined', 'Declined')], default='not_sent', max_length=12)),
                        ('endorsed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('resulting_asset', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='rfa', to='assets.assetdeployment')),
                    ],
                    options={
                        'verbose_name': 'request for military assistance',
                        'verbose_name_plural': 'requests for military assistance',
                        'db_table': 'meetings_assistancerequest',
                    },
                ),
                migrations.AddIndex(
                    model_name='cellrequest',
                    index=models.Index(fields=['operation', 'status', 'kind'], name='meetings_ce_operati_e9bc3c_idx'),
                ),
                migrations.AddIndex(
                    model_name='cellrequest',
                    index=models.Index(fields=['submitted_by', 'status'], name='meetings_ce_submitt_51b9d2_idx'),
                ),
                migrations.AddConstraint(
                    model_name='cellrequest',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'tabled'), _negated=True), ('tabled_at__isnull', False), _connector='OR'), name='cell_request_tabled_has_agenda_item'),
                ),
                migrations.AddConstraint(
                    model_name='cellrequest',
                    constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'answered'), _negated=True), models.Q(('response', ''), _negated=True), _connector='OR'), name='cell_request_answered_has_response'),
                ),
                migrations.AddConstraint(
                    model_name='assistancerequest',
                    constraint=models.CheckConstraint(condition=models.Q(('endorsement', 'pending'), models.Q(('endorsed_at__isnull', False), ('endorsed_by__isnull', False)), _connector='OR'), name='rfa_decision_names_who_and_when'),
                ),
                migrations.AddConstraint(
                    model_name='assistancerequest',
                    constraint=models.CheckConstraint(condition=models.Q(('military_response', 'not_sent'), ('endorsement', 'endorsed'), _connector='OR'), name='rfa_only_endorsed_goes_to_military'),
                ),
                migrations.AddConstraint(
                    model_name='assistancerequest',
                    constraint=models.CheckConstraint(condition=models.Q(('duration_days__gte', 1)), name='rfa_duration_positive'),
                ),
            ],
            database_operations=[],
        ),
    ]
