"""Personal calendar feeds: a secret address, the owner's scope, a reset that revokes the old one."""

import icalendar

from tests.factories import ActionPointFactory


def _events(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("text/calendar")
    return {str(event["SUMMARY"]) for event in icalendar.Calendar.from_ical(response.content).walk("VEVENT")}


def test_the_feed_is_readable_without_signing_in_and_shows_the_owners_scope(world, api, field):
    events = _events(api("anonymous").get(f"/api/v1/feeds/{field.calendar_feed_token}.ics"))
    assert world.meeting.title in events
    assert world.meeting_restricted.title not in events
    assert f"Action point due: {world.action_point_of_field.title}" in events
    assert f"Action point due: {world.action_point_of_officer.title}" not in events


def test_an_officers_feed_holds_restricted_meetings_but_only_their_own_action_points(world, api, officer):
    ActionPointFactory(operation=world.operation, owner=officer, title="Officer's second")
    events = _events(api("anonymous").get(f"/api/v1/feeds/{officer.calendar_feed_token}.ics"))
    assert world.meeting_restricted.title in events
    assert f"Action point due: {world.action_point_of_field.title}" not in events


def test_a_user_finds_and_resets_their_feed_address(world, api, field):
    old = field.calendar_feed_token
    url = api("field").get("/api/v1/feeds/").json()["url"]
    assert url.endswith(f"/api/v1/feeds/{old}.ics")
    response = api("field").post("/api/v1/feeds/reset/")
    assert response.status_code == 200
    field.refresh_from_db()
    assert field.calendar_feed_token != old
    assert response.json()["url"].endswith(f"/api/v1/feeds/{field.calendar_feed_token}.ics")
    assert api("anonymous").get(f"/api/v1/feeds/{old}.ics").status_code == 404
    assert api("anonymous").get(f"/api/v1/feeds/{field.calendar_feed_token}.ics").status_code == 200


def test_an_unknown_feed_is_404_in_json(world, api):
    response = api("anonymous").get("/api/v1/feeds/not-a-real-token.ics")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_a_deactivated_users_feed_stops(world, api, field):
    field.is_active = False
    field.save()
    assert api("anonymous").get(f"/api/v1/feeds/{field.calendar_feed_token}.ics").status_code == 404


def test_partners_have_no_feed(world, api):
    assert api("partner").get("/api/v1/feeds/").status_code == 403
    assert api("partner").post("/api/v1/feeds/reset/").status_code == 403
    assert api("anonymous").post("/api/v1/feeds/reset/").status_code == 401


def test_an_action_point_due_on_the_last_day_of_the_calendar_keeps_the_feed_readable(world, api, field):
    import datetime as dt

    ActionPointFactory(operation=world.operation, owner=field, title="Far ahead", due_date=dt.date.max)
    response = api("anonymous").get(f"/api/v1/feeds/{field.calendar_feed_token}.ics")
    assert response.status_code == 200
    assert "Action point due: Far ahead" in _events(response)
