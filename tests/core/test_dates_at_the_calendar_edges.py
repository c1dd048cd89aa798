"""Dates people can mean (1900-2200) in every date field, and records stored before that rule
(year 1, year 9999) still show everywhere: pages, feeds, exports, reminders (issue 12, point 2)."""

import datetime as dt

import pytest
from django.apps import apps
from django.db import models

from actors.models import Actor, Mandate
from assets.models import AssetDeployment
from cmcoord.reminders import dispatch
from cmcoord.validators import validate_calendar_range
from contacts.models import Contact
from meetings.models import ActionPoint, Meeting, Participant
from tests.pages import form_errors, page
from tests.reminders.conftest import eager_celery  # noqa: F401 (a fixture)

RANGE_MESSAGE = "Enter a date between 1900-01-01 and 2200-12-31."
# Set by the server from its clock, never typed by a person.
SERVER_SET = {
    "created_at",
    "updated_at",
    "responded_at",
    "response_seen_at",
    "endorsed_at",
    "closed_at",
    "decided_at",
    "read_at",
    "claimed_at",
    "sent_at",
    "expires_at",
    "revoked_at",
    "last_used_at",
    "history_date",
    "last_login",
    "date_joined",
    "occasion",
    "action_time",
    "expire_date",
    "next_attempt_at",
    "notified_at",
    "email_attempt_at",
    "watched_since",
    "completed_at",
    "last_used",
    "expiry",
    "created",
}
PROJECT_APPS = {"cmcoord", "actors", "contacts", "meetings", "cell", "assets"}


def test_every_date_a_person_types_carries_the_range_check():
    unchecked = [
        f"{model.__name__}.{field.name}"
        for model in apps.get_models()
        if model._meta.app_label in PROJECT_APPS
        for field in model._meta.concrete_fields
        if isinstance(field, models.DateField)
        and field.name not in SERVER_SET
        and validate_calendar_range not in field.validators
    ]
    assert unchecked == []


@pytest.mark.parametrize("due", ["0001-01-01", "9999-12-31", "1899-12-31", "2201-01-01"])
def test_the_api_refuses_a_date_outside_the_range_with_a_message(world, api, field, due):
    body = {"operation": world.operation.pk, "title": "Far off", "owner": field.pk, "due_date": due}
    response = api("officer").post("/api/v1/action-points/", body)
    assert response.status_code == 400
    assert response.json()["due_date"] == [RANGE_MESSAGE]


def test_the_api_refuses_a_meeting_in_the_last_minute_of_the_calendar(world, api):
    body = {
        "operation": world.operation.pk,
        "kind": "bilateral",
        "title": "Never",
        "starts_at": "9999-12-31T22:00:00Z",
        "ends_at": "9999-12-31T23:59:59-10:00",
    }
    response = api("officer").post("/api/v1/meetings/", body)
    assert response.status_code == 400
    assert RANGE_MESSAGE in str(response.json())


def test_the_edit_page_refuses_a_date_outside_the_range_next_to_the_field(browser, operation, field):
    data = {"title": "Far off", "owner": field.pk, "due_date": "0001-01-01", "status": "open"}
    errors = form_errors(browser.post(page("meetings:action-point-create", operation), data))
    assert RANGE_MESSAGE in str(errors)
    assert not ActionPoint.objects.filter(title="Far off").exists()


def test_the_first_and_last_days_people_mean_are_accepted(world, api, field):
    for due in ("1900-01-01", "2200-12-31"):
        body = {"operation": world.operation.pk, "title": f"Due {due}", "owner": field.pk, "due_date": due}
        assert api("officer").post("/api/v1/action-points/", body).status_code == 201


def _store_at_the_edge(world, field, day, start, end):
    """As a record written before the check (or by a script) would be: straight to the database."""
    Meeting.objects.filter(pk=world.meeting.pk).update(starts_at=start, ends_at=end)
    Participant.objects.get_or_create(meeting=world.meeting, user=field)
    ActionPoint.objects.all().update(due_date=day)
    AssetDeployment.objects.filter(pk=world.asset.pk).update(phase_out_on=day, deployed_on=day)
    Mandate.objects.all().update(in_force_from=day, in_force_until=day)
    Actor.objects.filter(pk=world.actor_shareable.pk).update(interlocutor_decided_on=day)
    Contact.objects.filter(pk=world.contact_approved.pk).update(last_verified_on=day)


def _paths(world):
    op = world.operation.pk
    base = f"/operations/{op}"
    lists = ["actors", "contacts", "meetings", "action-points", "requests", "assets", "dependencies"]
    paths = [f"{base}/{name}/" for name in lists] + [f"{base}/", "/notifications/", "/"]
    paths += [
        f"{base}/meetings/{world.meeting.pk}/",
        f"{base}/meetings/{world.meeting.pk}/edit/details/",
        f"{base}/meetings/{world.meeting.pk}/edit/participants/",
        f"{base}/meetings/{world.meeting.pk}/print/",
        f"{base}/meetings/{world.meeting.pk}/record.docx",
        f"{base}/meetings/{world.meeting.pk}/send-summary/",
        f"/api/v1/meetings/{world.meeting.pk}/ics/",
        f"{base}/action-points/{world.action_point_of_field.pk}/",
        f"{base}/assets/{world.asset.pk}/",
        f"{base}/actors/{world.actor_shareable.pk}/",
        f"{base}/contacts/{world.contact_approved.pk}/",
        f"/api/v1/contacts/{world.contact_approved.pk}/vcf/",
        "/api/v1/contacts/?format=vcf",
        f"/api/v1/feeds/{world.feed_token_of_field}.ics",
        f"/api/v1/operations/{op}/meetings.ics",
    ]
    for resource in ["actors", "contacts", "meetings", "action-points", "assets", "dependencies", "mandates"]:
        paths += [f"/api/v1/{resource}/", f"/api/v1/{resource}/?format=hxl"]
    return paths


EDGES = {
    "year 1": (dt.date.min, dt.datetime.min.replace(tzinfo=dt.UTC)),
    "year 9999": (dt.date.max, dt.datetime.max.replace(tzinfo=dt.UTC) - dt.timedelta(hours=1)),
}


@pytest.mark.parametrize("edge", EDGES)
@pytest.mark.usefixtures("eager_celery")  # the reminders run in this process, Redis or not
def test_records_stored_at_the_edges_of_the_calendar_still_show_everywhere(
    world, client, officer, field, edge, django_capture_on_commit_callbacks
):
    day, start = EDGES[edge]
    _store_at_the_edge(world, field, day, start, start + dt.timedelta(minutes=30))
    for user in (officer, field):
        client.force_login(user)
        for path in _paths(world):
            response = client.get(path)
            assert response.status_code in (200, 403, 404), (user, path, response.status_code)
    client.force_login(officer)
    meeting_page = client.get(page("meetings:detail", world.operation, pk=world.meeting.pk))
    assert str(start.year) in meeting_page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        dispatch()  # overdue reminders of year-1 records: day arithmetic without an overflow
    if edge == "year 1":
        assert field.notifications.filter(title__contains=world.action_point_of_field.title).exists()


@pytest.mark.parametrize(
    "query",
    [
        "updated_since=9999-12-31T23:59:59-10:00",
        "updated_since=0001-01-01T00:00:00%2B10:00",
        "starts_after=9999-12-31T23:59:59-10:00",
        "starts_before=0001-01-01T00:00:00%2B14:00",
        "due_before=0001-01-01",
        "phase_out_before=9999-12-31",
    ],
)
def test_a_date_filter_at_the_edge_of_the_calendar_is_refused_not_a_crash(world, api, client, officer, query):
    name = query.split("=")[0]
    for resource in ("meetings", "action-points", "assets", "actors"):
        response = api("officer").get(f"/api/v1/{resource}/?{query}")
        if name in ("updated_since",) or response.status_code == 400:
            assert response.status_code == 400, (resource, response.status_code)
            assert RANGE_MESSAGE in response.json()[name]
    client.force_login(officer)
    for resource in ("meetings", "action-points", "assets", "actors"):
        response = client.get(f"/operations/{world.operation.pk}/{resource}/?{query}")
        assert response.status_code == 200
        if name == "updated_since" or resource in ("meetings",) and name.startswith("starts"):
            assert RANGE_MESSAGE in response.content.decode()
