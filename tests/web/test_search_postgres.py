"""On PostgreSQL the search also forgives typos, ranks by full-text weight, and every searched
column is served by an index (no sequential scan of a source's table, whatever the reader)."""

import datetime as dt

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from cmcoord import site_search
from tests.factories import ActionPointFactory, ActorFactory
from tests.permissions.world import build_world

pytestmark = pytest.mark.usefixtures("require_postgres")


def titles(response):
    return [hit.title for group in response.context["found"] for hit in group.hits]


def test_a_typo_still_finds_the_name(client, operation, officer):
    ActorFactory(operation=operation, name="Búzi district administration")
    ActorFactory(operation=operation, name="Beira port authority")
    client.force_login(officer)
    response = client.get(reverse("web:search", args=[operation.pk]), {"q": "Buzzi"})
    assert titles(response) == ["Búzi district administration"]


def test_a_word_in_a_heavier_field_ranks_first(client, operation, officer):
    today = timezone.localdate()
    in_note = ActionPointFactory(
        operation=operation, owner=officer, title="Fuel", progress_note="Generator delivered.", due_date=today
    )
    in_description = ActionPointFactory(
        operation=operation,
        owner=officer,
        title="Power",
        description="Find a generator for the clinic.",
        due_date=today + dt.timedelta(days=3),
    )
    client.force_login(officer)
    response = client.get(reverse("web:search", args=[operation.pk]), {"q": "generator"})
    assert titles(response) == [in_description.title, in_note.title]


@pytest.mark.parametrize("principal", ["officer", "field"])
def test_every_source_reads_its_indexes_not_its_whole_table(db, principal):
    world = build_world()
    user, operation = world.users[principal], world.operation
    query = site_search.parse("buzi convoy")
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
    try:
        for source in site_search.sources():
            fields = source.readable(user, operation.pk)
            qs = source.queryset(user).filter(operation=operation)
            qs = qs.filter(site_search._matching(fields, query))
            plan = qs.explain()
            table = source.model._meta.db_table
            assert f"Seq Scan on {table}" not in plan, f"{source.key}:\n{plan}"
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET enable_seqscan = on")
