"""Each list issues the same number of queries for 1 row and for 50 (no N+1)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from actors.models import ActorPresence
from cmcoord.models import Notification, SecurityAssessment
from meetings.models import AgendaItem, Decision, ForumMember, Participant
from tests.api_world import make_rfa
from tests.factories import (
    ActionPointFactory,
    ActorFactory,
    AssetFactory,
    CellRequestFactory,
    ContactFactory,
    DependencyFactory,
    ForumFactory,
    MandateFactory,
    MeetingFactory,
    MilitaryActorFactory,
)


def _grow(world, officer, field, path, n):
    op = world.operation
    for i in range(n):
        tag = f"{path}-{i}-{timezone.now().timestamp()}"
        if path == "actors":
            actor = ActorFactory(operation=op, name=tag, parent=world.actor_internal)
            ActorPresence.objects.create(actor=actor, area=world.district, sector=world.sector)
        elif path == "mandates":
            MandateFactory(actor=world.actor_internal, title=tag)
        elif path == "contacts":
            ContactFactory(actor=world.actor_shareable, full_name=tag)
        elif path == "forums":
            forum = ForumFactory(operation=op, name=tag, chair=officer)
            ForumMember.objects.create(forum=forum, actor=world.actor_internal)
        elif path == "meetings":
            meeting = MeetingFactory(forum=world.forum, title=tag, chair=officer)
            item = AgendaItem.objects.create(meeting=meeting, position=1, title="Item")
            Participant.objects.create(meeting=meeting, user=field, actor=world.actor_internal)
            Decision.objects.create(meeting=meeting, agenda_item=item, text="Agreed")
        elif path == "action-points":
            ActionPointFactory(operation=op, owner=field, title=tag, meeting=world.meeting)
        elif path == "cell-requests":
            if i % 2:
                make_rfa(op, field)
            else:
                CellRequestFactory(operation=op, submitted_by=field, area=world.district)
        elif path == "assets":
            asset = AssetFactory(
                provider=MilitaryActorFactory(operation=op, name=tag), name=tag, focal_point=officer
            )
            asset.areas.set([world.district])
            asset.sectors.set([world.sector])
        elif path == "dependencies":
            DependencyFactory(asset=world.asset, activity=tag, area=world.district, sector=world.sector)
        elif path == "security-assessments":
            SecurityAssessment.objects.create(
                operation=op,
                area=world.district,
                level=2,
                association_risks=tag,
                assessed_on="2026-11-01",
                assessed_by=officer,
            )
        elif path == "notifications":
            Notification.objects.create(recipient=officer, operation=op, kind="meeting_tomorrow", title=tag)


PATHS = [
    "operations",
    "areas",
    "sectors",
    "actors",
    "mandates",
    "actor-links",
    "contacts",
    "forums",
    "meetings",
    "action-points",
    "cell-requests",
    "assets",
    "dependencies",
    "security-assessments",
    "notifications",
]


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


HXL_PATHS = ["actors", "contacts", "meetings", "action-points", "cell-requests", "assets", "dependencies"]


@pytest.mark.parametrize(("path", "fmt"), [(p, "json") for p in PATHS] + [(p, "hxl") for p in HXL_PATHS])
def test_a_list_issues_the_same_number_of_queries_for_1_and_for_50_rows(
    world, api, officer, field, path, fmt
):
    client = api("officer")
    url = f"/api/v1/{path}/?page_size=200" + ("&format=hxl" if fmt == "hxl" else "")
    _grow(world, officer, field, path, 1)
    client.get(url)  # warm caches (content types, permissions)
    few = _count(client, url)
    _grow(world, officer, field, path, 49)
    many = _count(client, url)
    assert many == few, f"{path}: {few} queries for a few rows, {many} for 50 more"


def test_an_ics_list_is_constant_too(world, api, officer, field):
    client = api("officer")
    url = "/api/v1/meetings/?format=ics"
    _grow(world, officer, field, "meetings", 1)
    client.get(url)  # a token's first use records its last-used time (then at most once a minute)
    few = _count(client, url)
    _grow(world, officer, field, "meetings", 30)
    assert _count(client, url) == few


def test_the_feed_is_constant_too(world, api, officer, field):
    url = f"/api/v1/feeds/{field.calendar_feed_token}.ics"
    few = _count(api("anonymous"), url)
    _grow(world, officer, field, "meetings", 20)
    _grow(world, officer, field, "action-points", 20)
    assert _count(api("anonymous"), url) == few
