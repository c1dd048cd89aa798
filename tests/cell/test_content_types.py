"""Moving cell requests out of meetings kept their content types, and with them every grant."""

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from cell.models import CellRequest
from tests.factories import UserFactory

MOVED = ("cellrequest", "assistancerequest", "historicalcellrequest", "historicalassistancerequest")
relabel = importlib.import_module("cell.migrations.0002_content_types_follow_the_models")


@pytest.fixture(autouse=True)
def _fresh_content_type_cache():
    ContentType.objects.clear_cache()
    yield
    ContentType.objects.clear_cache()


def _types(app_label):
    return dict(ContentType.objects.filter(app_label=app_label, model__in=MOVED).values_list("model", "pk"))


def _run_forwards():
    relabel.forwards(apps, SimpleNamespace(connection=connection))
    ContentType.objects.clear_cache()


def _as_before_the_move():
    """The database of a deployment from before: the content types are labelled 'meetings'."""
    ContentType.objects.filter(app_label="cell", model__in=MOVED).delete()
    for model in MOVED:
        old = ContentType.objects.create(app_label="meetings", model=model)
        Permission.objects.create(content_type=old, codename=f"view_{model}", name=f"Can view {model}")
    return _types("meetings")


def test_the_content_types_of_a_deployment_are_relabelled_in_place_with_their_grants(db):
    before = _as_before_the_move()
    reader = UserFactory()
    reader.user_permissions.add(Permission.objects.get(content_type_id=before["cellrequest"]))
    _run_forwards()
    assert _types("cell") == before
    assert _types("meetings") == {}
    assert ContentType.objects.get_for_model(CellRequest).pk == before["cellrequest"]
    reader = type(reader).objects.get(pk=reader.pk)  # a fresh permission cache
    assert reader.has_perm("cell.view_cellrequest")


def test_cell_rows_made_in_between_are_folded_into_the_deployments_rows(db):
    before = _as_before_the_move()
    # A post_migrate ran before the relabelling: it made 'cell' rows of its own.
    newer = {model: ContentType.objects.create(app_label="cell", model=model).pk for model in MOVED}
    officer = UserFactory()
    officer.user_permissions.add(
        Permission.objects.create(content_type_id=newer["cellrequest"], codename="export_cellrequest"),
        Permission.objects.create(content_type_id=newer["cellrequest"], codename="view_cellrequest"),
    )
    _run_forwards()
    assert _types("cell") == before and _types("meetings") == {}
    assert not ContentType.objects.filter(pk__in=newer.values()).exists()
    assert set(officer.user_permissions.values_list("content_type_id", "codename")) == {
        (before["cellrequest"], "export_cellrequest"),
        (before["cellrequest"], "view_cellrequest"),
    }


def test_a_fresh_database_has_nothing_to_relabel(db):
    before = _types("cell")
    assert set(before) == set(MOVED)
    _run_forwards()
    assert _types("cell") == before and _types("meetings") == {}


@pytest.mark.django_db(transaction=True)
def test_after_migrate_the_cell_owns_its_content_types_and_none_are_left_under_meetings():
    ContentType.objects.get_for_model(CellRequest)
    reader = UserFactory()
    reader.user_permissions.add(Permission.objects.get(codename="view_cellrequest"))
    try:
        MigrationExecutor(connection).migrate([("cell", "0001_initial")])
        ContentType.objects.clear_cache()
        assert set(_types("meetings")) == set(MOVED) and _types("cell") == {}
        labelled_meetings = _types("meetings")
    finally:
        executor = MigrationExecutor(connection)
        # Forward to the latest migration of every app, so later tests find every column.
        executor.migrate(executor.loader.graph.leaf_nodes())
        ContentType.objects.clear_cache()
    assert ContentType.objects.get(app_label="cell", model="cellrequest")
    assert not ContentType.objects.filter(app_label="meetings", model__in=MOVED).exists()
    assert _types("cell") == labelled_meetings
    reader = type(reader).objects.get(pk=reader.pk)
    assert reader.has_perm("cell.view_cellrequest")
