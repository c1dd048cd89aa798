# The content types of the moved models follow them from ``meetings`` to ``cell``: the same rows
# get the new app label, so permissions, grants (guardian) and admin log entries that point at
# them stay attached.
#
# On a fresh database there are no such rows yet (post_migrate creates them as ``cell``):
# nothing to do. If the ``cell`` rows already exist beside the ``meetings`` ones (a post_migrate
# ran in between), the ``meetings`` row is kept, since it is the one the existing grants name: what
# points at the newer ``cell`` row (its permissions, and anything granted through them) is moved
# onto the kept row and its permissions, then the newer row goes. Reversing renames them back.

from django.db import IntegrityError, migrations, transaction

MOVED = ("cellrequest", "assistancerequest", "historicalcellrequest", "historicalassistancerequest")


def _point_at(apps, db, target, old_pk, new_pk):
    """Every foreign key to row ``old_pk`` of ``target`` points at ``new_pk`` instead. A row that
    would then repeat another (the same grant given through both) is dropped: it says nothing new."""
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            if not (field.is_relation and field.related_model is target):
                continue
            rows = model._base_manager.using(db)
            for pk in list(rows.filter(**{field.attname: old_pk}).values_list("pk", flat=True)):
                try:
                    with transaction.atomic(using=db):
                        rows.filter(pk=pk).update(**{field.attname: new_pk})
                except IntegrityError:
                    rows.filter(pk=pk).delete()


def _merge(apps, db, newer, kept):
    """Fold content type ``newer`` into ``kept``: permissions by codename, then every reference."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.using(db)
    for permission in permissions.filter(content_type_id=newer.pk):
        twin = permissions.filter(content_type_id=kept.pk, codename=permission.codename).first()
        if twin is None:
            permissions.filter(pk=permission.pk).update(content_type_id=kept.pk)
        else:
            _point_at(apps, db, Permission, permission.pk, twin.pk)
            permissions.filter(pk=permission.pk).delete()
    _point_at(apps, db, ContentType, newer.pk, kept.pk)
    ContentType.objects.using(db).filter(pk=newer.pk).delete()


def _relabel(apps, schema_editor, old_label, new_label):
    ContentType = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    types = ContentType.objects.using(db)
    for model in MOVED:
        moving = types.filter(app_label=old_label, model=model).first()
        if moving is None:
            continue  # a fresh database: post_migrate creates the row under the new label
        newer = types.filter(app_label=new_label, model=model).first()
        if newer is not None:
            _merge(apps, db, newer=newer, kept=moving)
        types.filter(pk=moving.pk).update(app_label=new_label)


def forwards(apps, schema_editor):
    _relabel(apps, schema_editor, "meetings", "cell")


def backwards(apps, schema_editor):
    _relabel(apps, schema_editor, "cell", "meetings")


class Migration(migrations.Migration):

    dependencies = [
        ("cell", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        # Whatever else points at content types or permissions must be known here.
        ("admin", "0003_logentry_add_action_flag_choices"),
        ("guardian", "0003_remove_groupobjectpermission_guardian_gr_content_ae6aec_idx_and_more"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
