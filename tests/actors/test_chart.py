"""The picture of the operation: the chain of command as a nested list and the links between
actors; hidden actors never appear, and its cost does not grow with the number of actors."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from actors.models import ActorLink
from tests.factories import ActorFactory, MilitaryActorFactory
from tests.pages import page
from tests.permissions.world import CANARY, build_world


def _chart(client, operation) -> str:
    response = client.get(page("actors:chart", operation))
    assert response.status_code == 200
    return response.content.decode()


def _tree_of(html: str, actor) -> str:
    """The <li> of one actor with everything under it (the nested list is well formed)."""
    start = html.index(f'<li id="actor-{actor.pk}">')
    depth, position = 0, start
    for tag in re.finditer(r"<(/?)li[ >]", html[start:]):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            position = start + tag.end()
            break
    return html[start:position]


@pytest.fixture
def force(operation):
    hq = MilitaryActorFactory(operation=operation, name="Joint Task Force HQ", echelon="operational")
    brigade = MilitaryActorFactory(
        operation=operation, name="Engineer Brigade", parent=hq, echelon="formation"
    )
    battalion = MilitaryActorFactory(
        operation=operation, name="Bridging Battalion", parent=brigade, echelon="unit"
    )
    return hq, brigade, battalion


def test_the_chain_of_command_is_a_nested_list_with_echelons_and_links_to_each_actor(
    client, field, operation, force
):
    hq, brigade, battalion = force
    client.force_login(field)
    html = _chart(client, operation)
    assert "<h1>Chain of command and links</h1>" in html
    under_hq = _tree_of(html, hq)
    assert brigade.get_absolute_url() in under_hq and battalion.get_absolute_url() in under_hq
    assert battalion.get_absolute_url() in _tree_of(html, brigade)
    assert brigade.get_absolute_url() not in _tree_of(html, battalion)
    assert "Formation (division, brigade)" in under_hq and "Operational (force or joint HQ)" in under_hq
    assert len(re.findall(r"<ul[ >]", html)) == html.count("</ul>")
    assert len(re.findall(r"<li[ >]", html)) == html.count("</li>")


def test_the_links_show_their_kind_and_both_actors(client, field, operation, force):
    hq, _, _ = force
    wfp = ActorFactory(operation=operation, name="World Food Programme", acronym="WFP")
    ActorLink.objects.create(
        operation=operation, source=wfp, target=hq, kind="liaison", mechanism="Daily call"
    )
    client.force_login(field)
    html = _chart(client, operation)
    links = html[html.index('id="links"') :]
    assert "Liaison" in links and "Daily call" in links
    assert wfp.get_absolute_url() in links and hq.get_absolute_url() in links


def test_field_staff_see_neither_a_restricted_actor_nor_its_links_and_its_units_stand_at_the_top(db):
    world = build_world()
    field = _chart(world.client("field"), world.operation)
    assert CANARY not in field
    assert world.actor_restricted.get_absolute_url() not in field
    platoon = world.actor_restricted.children.get()
    assert platoon.get_absolute_url() in field  # internal: field staff read it, at the top level
    officer = _chart(world.client("officer"), world.operation)
    assert CANARY in officer
    assert platoon.get_absolute_url() in _tree_of(officer, world.actor_restricted)


def test_a_visible_unit_under_a_hidden_one_is_not_nested_in_anything(db):
    world = build_world()
    field = _chart(world.client("field"), world.operation)
    platoon = world.actor_restricted.children.get()
    item = f'<li id="actor-{platoon.pk}">'
    before = field[: field.index(item)]
    # Every list opened before it in its tree is closed or it is the top list: no open <li> above it.
    tree_start = before.rindex("<h3>")
    opened = before[tree_start:].count("<li ") - before[tree_start:].count("</li>")
    assert opened == 0


@pytest.mark.parametrize("principal, status", [("outsider", 404), ("field_other", 404), ("anonymous", 302)])
def test_the_chart_of_an_operation_is_not_found_by_those_outside_it(db, principal, status):
    world = build_world()
    assert world.client(principal).get(page("actors:chart", world.operation)).status_code == status


def _queries(client, operation) -> int:
    with CaptureQueriesContext(connection) as queries:
        _chart(client, operation)
    return len(queries)


def _grow(operation, count: int, start: int):
    parent = None
    for n in range(start, start + count):
        actor = MilitaryActorFactory(operation=operation, name=f"Unit {n}", parent=parent, echelon="unit")
        other = ActorFactory(operation=operation, name=f"Agency {n}", sensitivity="shareable")
        ActorLink.objects.create(operation=operation, source=other, target=actor, kind="liaison")
        parent = actor if n % 3 else None


@pytest.mark.parametrize("principal", ["field", "officer"])
def test_the_chart_costs_the_same_queries_for_3_or_40_actors(client, operation, field, officer, principal):
    client.force_login({"field": field, "officer": officer}[principal])
    _grow(operation, 3, 0)
    small = _queries(client, operation)
    _grow(operation, 40, 100)
    assert _queries(client, operation) == small
    assert small <= 25  # sign-in, role, operation, header counters; the actors and the links: one each
