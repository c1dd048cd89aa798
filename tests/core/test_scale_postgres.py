"""At the size of a global deployment, the main scoped lists read an index, not the whole scope.

About 110k rows are seeded once for the module with ``INSERT ... SELECT generate_series`` (a
few seconds), then ANALYZEd. For an officer in two operations, field staff and a partner token,
each API list's page query (as the view runs it) is EXPLAINed: it must not read its table with
a sequential scan nor sort the scope. Search goes through the trigram indexes and ignores
accents. PostgreSQL only (the point is its planner); under CI=true a missing PostgreSQL fails.
"""

import datetime as dt
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from actors.models import Actor, Mandate
from assets.models import AssetDeployment, Dependency
from cell.models import CellRequest
from cmcoord.roles import Role
from cmcoord.services import partner_token_create, role_grant
from contacts.models import Contact
from meetings.models import ActionPoint, Meeting
from tests.factories import (
    ActionPointFactory,
    ActorFactory,
    AssetFactory,
    CellRequestFactory,
    ContactFactory,
    DependencyFactory,
    MandateFactory,
    MeetingFactory,
    OperationFactory,
    UserFactory,
)

pytestmark = [pytest.mark.postgres, pytest.mark.django_db]

OPERATIONS = 5
ROWS = {Actor: 40_000, Mandate: 10_000, Contact: 10_000, Meeting: 10_000, AssetDeployment: 10_000}
ROWS |= {Dependency: 10_000, ActionPoint: 10_000, CellRequest: 10_000}
SMALL_SORT = 1_000  # rows a page query may sort (the scopes hold thousands to tens of thousands)
SENSITIVITY = "(ARRAY['shareable','internal','restricted'])[1 + mod(g, 3)]"


def _seed(template, n: int, varying: dict[str, str]) -> None:
    """n copies of an unsaved ``template`` row, with SQL expressions of ``g`` for some columns."""
    model = type(template)
    columns, values, params = [], [], []
    for field in model._meta.concrete_fields:
        if field.primary_key:
            continue
        columns.append(f'"{field.column}"')
        if field.attname in varying:
            values.append(varying[field.attname])
        else:
            values.append("%s")
            params.append(field.get_db_prep_save(getattr(template, field.attname), connection))
    # Names from the model's own metadata and this module's expressions: no outside input.
    sql = (
        f'INSERT INTO "{model._meta.db_table}" ({", ".join(columns)}) '  # noqa: S608
        f"SELECT {', '.join(values)} FROM generate_series(1, {n}) AS g"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


def _ids(ops) -> str:
    return f"(ARRAY[{','.join(str(op.pk) for op in ops)}])[1 + mod(g, {len(ops)})]"


def _first(model) -> int:
    return model.objects.order_by("pk").values_list("pk", flat=True).first()


def _stamps(seconds="g") -> dict[str, str]:
    moment = f"now() - ({seconds}) * interval '1 second'"
    return {"created_at": moment, "updated_at": moment}


@pytest.fixture(scope="module")
def big(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        if connection.vendor != "postgresql":
            yield None
            return
        ops = [OperationFactory(name=f"Operation {n}") for n in range(OPERATIONS)]
        officer, field = UserFactory(username="big-officer"), UserFactory(username="big-field")
        for op in ops[:2]:
            role_grant(user=officer, operation=op, role=Role.OFFICER)
        role_grant(user=field, operation=ops[0], role=Role.FIELD_STAFF)
        _, partner = partner_token_create(
            operation=ops[0], name="big", expires_at=timezone.now() + dt.timedelta(days=1), by=officer
        )
        an_actor = ActorFactory(operation=ops[0], name="Búzi Relief Committee")
        common = {"operation_id": _ids(ops), "sensitivity": SENSITIVITY, **_stamps()}
        _seed(ActorFactory.build(operation=ops[0]), ROWS[Actor], {**common, "name": "'Actor ' || g"})
        actor = f"{_first(Actor)} + g"  # an actor of the same operation: ids follow g % OPERATIONS
        _seed(
            MandateFactory.build(actor=an_actor),
            ROWS[Mandate],
            {"actor_id": actor, "sensitivity": SENSITIVITY, **_stamps()},
        )
        _seed(
            ContactFactory.build(actor=an_actor, operation=ops[0]),
            ROWS[Contact],
            {**common, "actor_id": actor, "full_name": "'Person ' || g"},
        )
        _seed(
            MeetingFactory.build(operation=ops[0], kind="bilateral", forum=None),
            ROWS[Meeting],
            {
                **common,
                "starts_at": "now() - g * interval '1 hour'",
                "ends_at": "now() - g * interval '1 hour' + interval '30 minutes'",
            },
        )
        asset_template = AssetFactory.build(operation=ops[0], provider=an_actor)
        _seed(
            asset_template, ROWS[AssetDeployment], {**common, "name": "'Asset ' || g", "provider_id": actor}
        )
        asset = f"{_first(AssetDeployment)} + g - 1"
        _seed(
            DependencyFactory.build(operation=ops[0], asset=AssetDeployment.objects.first()),
            ROWS[Dependency],
            {**common, "asset_id": asset, "activity": "'Activity ' || g"},
        )
        _seed(
            ActionPointFactory.build(operation=ops[0], owner=field),
            ROWS[ActionPoint],
            {"operation_id": _ids(ops), **_stamps(), "due_date": "current_date + mod(g, 400)"},
        )
        _seed(
            CellRequestFactory.build(operation=ops[0], submitted_by=field),
            ROWS[CellRequest],
            {"operation_id": _ids(ops), **_stamps()},
        )
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        yield {"officer": officer, "field": field, "partner": partner, "ops": ops}
        # Fast deletes (no history rows, no per-row signals) of what the seed made.
        Mandate.objects.filter(actor__operation__in=ops)._raw_delete(connection.alias)
        for model in (Dependency, AssetDeployment, Contact, ActionPoint, Meeting, CellRequest, Actor):
            model.objects.filter(operation__in=ops)._raw_delete(connection.alias)
        for op in ops:
            op.delete()
        officer.delete()
        field.delete()


def _client(big, who):
    client = APIClient()
    if who == "partner":
        client.credentials(HTTP_AUTHORIZATION=f"Token {big['partner']}")
    else:
        client.force_authenticate(user=big[who])
    return client


def _page_query(big, who, url, table):
    with CaptureQueriesContext(connection) as queries:
        response = _client(big, who).get(url)
    assert response.status_code == 200, response.content
    pages = [q["sql"] for q in queries if f'FROM "{table}"' in q["sql"] and "LIMIT 51" in q["sql"]]
    assert pages, [q["sql"] for q in queries]
    return response, pages[0]


def _plan(sql):
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}")
        (row,) = cursor.fetchone()
    return row[0]["Plan"] if isinstance(row, list) else json.loads(row)[0]["Plan"]


def _nodes(plan):
    yield plan
    for child in plan.get("Plans", []):
        yield from _nodes(child)


LISTS = [
    ("/api/v1/actors/", Actor, ("officer", "field", "partner")),
    ("/api/v1/mandates/", Mandate, ("officer", "field", "partner")),
    ("/api/v1/contacts/", Contact, ("officer",)),
    ("/api/v1/meetings/", Meeting, ("officer", "field")),
    ("/api/v1/assets/", AssetDeployment, ("officer", "field", "partner")),
    ("/api/v1/dependencies/", Dependency, ("officer", "field", "partner")),
    ("/api/v1/action-points/", ActionPoint, ("officer", "field")),
    ("/api/v1/cell-requests/", CellRequest, ("officer", "field")),
]
CASES = [(url, model, who) for url, model, principals in LISTS for who in principals]


@pytest.mark.parametrize(("url", "model", "who"), CASES, ids=[f"{c[0].split('/')[3]}-{c[2]}" for c in CASES])
def test_the_first_page_of_a_large_list_is_read_through_an_index(big, require_postgres, url, model, who):
    table = model._meta.db_table
    _, sql = _page_query(big, who, url, table)
    nodes = list(_nodes(_plan(sql)))
    scans = [n for n in nodes if n["Node Type"] == "Seq Scan" and n.get("Relation Name") == table]
    # Sorting a few hundred matches (a partner's mandates, joined to their actors) is fine;
    # sorting the scope is what must not happen.
    sorts = [n for n in nodes if n["Node Type"] == "Sort" and n["Plan Rows"] > SMALL_SORT]
    assert not scans and not sorts, json.dumps(nodes[0], indent=1)[:4000]


def test_a_cursor_page_deep_in_the_list_is_read_through_an_index(big, require_postgres):
    client = _client(big, "officer")
    body = client.get("/api/v1/actors/?cursor=&page_size=200").json()
    body = client.get(body["next"]).json()
    assert len(body["results"]) == 200
    _, sql = _page_query(big, "officer", f"/api/v1/actors/?cursor={body['cursor']}", "actors_actor")
    nodes = list(_nodes(_plan(sql)))
    assert not [n for n in nodes if n["Node Type"] in ("Seq Scan", "Sort")], json.dumps(nodes[0])[:3000]


def test_search_ignores_accents_and_reads_the_trigram_index(big, require_postgres):
    response, sql = _page_query(big, "officer", "/api/v1/actors/?search=buzi", "actors_actor")
    assert [row["name"] for row in response.json()["results"]] == ["Búzi Relief Committee"]
    indexes = {n.get("Index Name") for n in _nodes(_plan(sql))}
    assert "actors_actor_name_trgm" in indexes


def test_a_large_list_does_not_count_its_whole_scope(big, require_postgres):
    body = _client(big, "officer").get("/api/v1/actors/").json()
    assert body["count"] is None and body["next"]
    assert _client(big, "officer").get("/api/v1/actors/?count=exact").json()["count"] > 15_000
