"""A record a reader may see must not name a record they may not: pages, notifications, e-mails,
filters. Found by review; each test failed before its fix."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cmcoord.models import Notification, NotificationKind
from cmcoord.reminders.messages import build_message
from meetings.models import AgendaItem, Participant
from tests.factories import ActionPointFactory, ForumFactory, MeetingFactory
from tests.permissions.world import CANARY, build_world


@pytest.fixture
def world(db):
    return build_world()


def _reminder(user, kind, subject, occasion):
    delivery = SimpleNamespace(recipient=user, kind=kind, subject=subject, occasion=occasion)
    message = build_message(delivery, timezone.now())
    return message.title + message.body + message.email_text


def _meeting_in_a_hidden_forum(world, **extra):
    forum = ForumFactory(operation=world.operation, name=f"Forum {CANARY}", sensitivity="restricted")
    return MeetingFactory(forum=forum, title="Open sitting", sensitivity="internal", **extra)


def test_tabling_a_request_at_a_restricted_meeting_does_not_name_it_to_the_sender(world):
    item = AgendaItem.objects.get(meeting=world.meeting_restricted)
    response = world.client("officer").post(
        f"/api/v1/cell-requests/{world.cell_request_of_field.pk}/table/",
        {"agenda_item": item.pk},
        content_type="application/json",
    )
    assert response.status_code == 200
    titles = list(Notification.objects.filter(recipient=world.users["field"]).values_list("title", flat=True))
    assert any("tabled at a cell meeting" in t for t in titles)
    assert CANARY not in world.client("field").get("/notifications/").content.decode()


def test_an_action_point_page_does_not_name_a_restricted_meeting(world):
    point = ActionPointFactory(
        operation=world.operation, owner=world.users["field"], meeting=world.meeting_restricted
    )
    page = world.client("field").get(point.get_absolute_url())
    assert page.status_code == 200 and CANARY not in page.content.decode()


def test_meeting_pages_do_not_name_a_restricted_forum(world):
    meeting = _meeting_in_a_hidden_forum(world)
    field = world.client("field")
    for url in [
        reverse("meetings:list", args=[world.operation.pk]),
        meeting.get_absolute_url(),
    ]:
        response = field.get(url)
        assert response.status_code == 200 and CANARY not in response.content.decode(), url


def test_a_phase_out_reminder_to_a_field_focal_point_leaves_a_hidden_provider_out(world):
    asset = world.asset_of_hidden_unit
    asset.focal_point = world.users["field"]
    asset.phase_out_on = timezone.localdate() + dt.timedelta(days=7)
    asset.save()
    text = _reminder(
        world.users["field"], NotificationKind.PHASE_OUT, f"asset:{asset.pk}", asset.phase_out_on
    )
    assert "Engineers, Dondo" in text and CANARY not in text
    officer_text = _reminder(
        world.users["officer"], NotificationKind.PHASE_OUT, f"asset:{asset.pk}", asset.phase_out_on
    )
    assert CANARY in officer_text


def test_an_action_point_reminder_does_not_name_a_restricted_meeting(world):
    point = ActionPointFactory(
        operation=world.operation,
        owner=world.users["field"],
        meeting=world.meeting_restricted,
        due_date=timezone.localdate() + dt.timedelta(days=1),
    )
    text = _reminder(
        world.users["field"], NotificationKind.ACTION_POINT_DUE, f"action_point:{point.pk}", point.due_date
    )
    assert point.title in text and CANARY not in text


def test_a_meeting_reminder_does_not_name_a_restricted_forum(world):
    start = timezone.now() + dt.timedelta(hours=20)
    meeting = _meeting_in_a_hidden_forum(world, starts_at=start, ends_at=start + dt.timedelta(hours=1))
    Participant.objects.create(meeting=meeting, user=world.users["field"])
    day = start.astimezone(world.operation.zone).date()
    text = _reminder(world.users["field"], NotificationKind.MEETING_TOMORROW, f"meeting:{meeting.pk}", day)
    assert "Open sitting" in text and CANARY not in text


def test_filtering_by_a_hidden_records_id_finds_nothing(world):
    field = world.client("field")
    hidden = world.actor_restricted.pk
    assert field.get(f"/api/v1/assets/?provider={hidden}").json()["count"] == 0
    assert field.get(f"/api/v1/actors/?parent={hidden}").json()["count"] == 0
    officer = world.client("officer")
    assert officer.get(f"/api/v1/assets/?provider={hidden}").json()["count"] == 1


@pytest.mark.parametrize(
    "query",
    [
        "action-points/new/?meeting=%C2%B2",
        "dependencies/new/?asset=%C2%B2",
        "contacts/new/?actor=99999999999999999999999",
    ],
)
def test_odd_ids_in_the_address_are_ignored_not_a_server_error(world, query):
    response = world.client("officer").get(f"/operations/{world.operation.pk}/{query}")
    assert response.status_code == 200


def test_revoking_a_member_with_a_malformed_id_is_not_found(world):
    url = reverse("cmcoord:members", args=[world.operation.pk])
    response = world.client("officer").post(url, {"revoke": "abc"})
    assert response.status_code == 404


def test_rate_limits_count_the_real_address_not_a_forged_forwarded_for(world):
    client = Client()
    codes = [
        client.post(
            "/api/v1/auth/token/",
            {"username": f"sprayed{i}", "password": "guess"},
            content_type="application/json",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{i}",
        ).status_code
        for i in range(12)
    ]
    assert 429 in codes


def test_a_reminder_of_a_shared_meeting_names_nothing_hidden_it_points_at(world):
    meeting = world.meeting_shared
    meeting.starts_at = timezone.now() + dt.timedelta(hours=20)
    meeting.ends_at = meeting.starts_at + dt.timedelta(hours=1)
    meeting.save()
    Participant.objects.create(meeting=meeting, user=world.users["officer"])
    day = meeting.starts_at.astimezone(world.operation.zone).date()
    text = _reminder(world.users["field"], NotificationKind.MEETING_TOMORROW, f"meeting:{meeting.pk}", day)
    assert "Corridor talks" in text and CANARY not in text
    officer_text = _reminder(
        world.users["officer"], NotificationKind.MEETING_TOMORROW, f"meeting:{meeting.pk}", day
    )
    assert CANARY in officer_text
