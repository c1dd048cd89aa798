"""Meetings over the API: schedule, summary and decisions for field staff; minutes for the cell."""

import datetime as dt

import icalendar
import pytest
from django.utils import timezone

from meetings.models import Meeting
from tests.api_world import ids


@pytest.mark.parametrize(
    ("principal", "expected"),
    [
        ("officer", {"meeting", "meeting_restricted"}),
        ("hct", {"meeting", "meeting_restricted"}),
        ("field", {"meeting"}),
        ("partner", set()),
        ("outsider", set()),
    ],
)
def test_each_principal_lists_exactly_the_meetings_they_may_read(world, api, principal, expected):
    assert ids(api(principal).get("/api/v1/meetings/")) == {getattr(world, n).pk for n in expected}


def test_field_staff_read_the_summary_and_agenda_but_not_the_minutes(world, api):
    data = api("field").get(f"/api/v1/meetings/{world.meeting.pk}/").json()
    assert data["summary"] == "Airlift agreed."
    assert data["minutes"] is None
    assert [item["title"] for item in data["agenda_items"]] == ["Airlift requests"]
    assert (
        api("officer").get(f"/api/v1/meetings/{world.meeting.pk}/").json()["minutes"] == "Frank discussion."
    )


def test_field_staff_cannot_read_a_restricted_meeting(world, api):
    assert api("field").get(f"/api/v1/meetings/{world.meeting_restricted.pk}/").status_code == 404


def test_an_officer_schedules_a_meeting_and_records_minutes(world, api):
    starts = timezone.now() + dt.timedelta(days=3)
    body = {
        "operation": world.operation.pk,
        "kind": "bilateral",
        "title": "Bilateral with JTF-S",
        "starts_at": starts.isoformat(),
        "ends_at": (starts + dt.timedelta(hours=1)).isoformat(),
    }
    response = api("officer").post("/api/v1/meetings/", body)
    assert response.status_code == 201, response.json()
    url = f"/api/v1/meetings/{response.json()['id']}/"
    assert (
        api("officer").patch(url, {"minutes": "Agreed on convoys."}).json()["minutes"] == "Agreed on convoys."
    )


def test_field_staff_cannot_schedule_or_change_meetings(world, api):
    before = Meeting.objects.count()
    assert api("field").post("/api/v1/meetings/", {"operation": world.operation.pk}).status_code == 403
    assert api("field").patch(f"/api/v1/meetings/{world.meeting.pk}/", {"title": "Mine"}).status_code == 403
    assert Meeting.objects.count() == before


def test_a_meeting_ending_before_it_starts_is_refused_with_a_field_message(world, api):
    url = f"/api/v1/meetings/{world.meeting.pk}/"
    response = api("officer").patch(url, {"ends_at": "2020-01-01T00:00:00Z"})
    assert response.status_code == 400
    assert "ends_at" in response.json()


def test_meetings_filter_by_date_range(world, api):
    soon = (timezone.now() + dt.timedelta(days=1)).isoformat()
    later = (timezone.now() + dt.timedelta(days=10)).isoformat()
    assert ids(api("field").get("/api/v1/meetings/", {"starts_after": soon, "starts_before": later})) == {
        world.meeting.pk
    }
    assert ids(api("field").get("/api/v1/meetings/", {"starts_after": later})) == set()


def test_one_meeting_as_icalendar(world, api):
    response = api("field").get(f"/api/v1/meetings/{world.meeting.pk}/ics/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    event = icalendar.Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == world.meeting.title
    assert str(event["DESCRIPTION"]) == "Airlift agreed."
    assert event.decoded("DTSTART") == world.meeting.starts_at.replace(microsecond=0)
    assert b"Frank discussion" not in response.content


def test_the_meeting_list_as_icalendar_respects_the_reader(world, api):
    field = icalendar.Calendar.from_ical(api("field").get("/api/v1/meetings/?format=ics").getvalue())
    assert len(field.walk("VEVENT")) == 1
    officer = icalendar.Calendar.from_ical(api("officer").get("/api/v1/meetings/?format=ics").getvalue())
    assert len(officer.walk("VEVENT")) == 2


def test_an_operations_meetings_as_icalendar(world, api):
    url = f"/api/v1/operations/{world.operation.pk}/meetings.ics"
    calendar = icalendar.Calendar.from_ical(api("field").get(url).getvalue())
    assert [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")] == [world.meeting.title]
    assert api("outsider").get(url).status_code == 404
    assert api("anonymous").get(url).status_code == 401


def test_partner_systems_read_no_forum_even_a_shareable_one(world, api):
    from cmcoord.models import Sensitivity
    from tests.factories import ForumFactory

    shared = ForumFactory(operation=world.operation, name="HuMOCC Beira", sensitivity=Sensitivity.SHAREABLE)
    assert api("partner").get("/api/v1/forums/").json()["results"] == []
    assert api("partner").get(f"/api/v1/forums/{shared.pk}/").status_code == 404
    assert shared.pk in {row["id"] for row in api("field").get("/api/v1/forums/").json()["results"]}
