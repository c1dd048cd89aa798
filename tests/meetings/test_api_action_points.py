"""Action points over the API: officers write them; field staff read and move their own."""

import pytest

from meetings.models import ActionPoint
from tests.api_world import ids


@pytest.mark.parametrize(
    ("principal", "expected"),
    [
        ("officer", {"action_point_of_field", "action_point_of_officer"}),
        ("hct", {"action_point_of_field", "action_point_of_officer"}),
        ("field", {"action_point_of_field"}),
        ("partner", set()),
        ("outsider", set()),
    ],
)
def test_each_principal_lists_exactly_the_action_points_they_may_read(world, api, principal, expected):
    assert ids(api(principal).get("/api/v1/action-points/")) == {getattr(world, n).pk for n in expected}


def test_field_staff_cannot_read_someone_elses_action_point(world, api):
    assert api("field").get(f"/api/v1/action-points/{world.action_point_of_officer.pk}/").status_code == 404


def test_field_staff_update_the_status_of_their_own_action_point(world, api):
    url = f"/api/v1/action-points/{world.action_point_of_field.pk}/"
    response = api("field").patch(url, {"status": "in_progress", "progress_note": "Bridge visited."})
    assert response.status_code == 200
    assert response.json()["status"] == "in_progress"
    done = api("field").patch(url, {"status": "done"}).json()
    assert done["status"] == "done" and done["closed_at"]


def test_field_staff_cannot_rewrite_their_action_point_and_nothing_changes(world, api):
    url = f"/api/v1/action-points/{world.action_point_of_field.pk}/"
    response = api("field").patch(url, {"title": "Something easier", "status": "done"})
    assert response.status_code == 403
    world.action_point_of_field.refresh_from_db()
    assert world.action_point_of_field.status == "open"
    assert world.action_point_of_field.title != "Something easier"


def test_field_staff_cannot_delete_their_action_point(world, api):
    assert api("field").delete(f"/api/v1/action-points/{world.action_point_of_field.pk}/").status_code == 403
    assert ActionPoint.objects.filter(pk=world.action_point_of_field.pk).exists()


def test_the_owner_closes_an_action_point(world, api):
    url = f"/api/v1/action-points/{world.action_point_of_field.pk}/close/"
    response = api("field").post(url, {"progress_note": "Done on Tuesday."})
    assert response.status_code == 200
    assert response.json()["status"] == "done"
    assert api("hct").post(url, {}).status_code == 403


def test_an_officer_creates_an_action_point_for_field_staff(world, api, field):
    body = {
        "operation": world.operation.pk,
        "meeting": world.meeting.pk,
        "title": "Share the convoy schedule",
        "owner": field.pk,
        "due_date": "2026-12-10",
    }
    response = api("officer").post("/api/v1/action-points/", body)
    assert response.status_code == 201, response.json()
    assert response.json()["status"] == "open"
    assert api("field").post("/api/v1/action-points/", body).status_code == 403


def test_an_owner_who_is_not_a_member_is_refused_as_not_existing(world, api, outsider):
    body = {"operation": world.operation.pk, "title": "X", "owner": outsider.pk, "due_date": "2026-12-10"}
    response = api("officer").post("/api/v1/action-points/", body)
    assert response.status_code == 400
    assert "does not exist" in response.json()["owner"][0]


def test_owner_me_filters_the_callers_own(world, api):
    assert ids(api("officer").get("/api/v1/action-points/?owner=me")) == {world.action_point_of_officer.pk}
    assert api("officer").get("/api/v1/action-points/?owner=someone").status_code == 400
