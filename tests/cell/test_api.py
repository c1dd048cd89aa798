"""Cell requests and RFAs over the API: field staff send and follow their own; the cell triages;
the HCT/UNCT endorses or declines RFAs."""

import pytest

from cell.models import AssistanceRequest, CellRequest
from tests.api_world import ids, make_rfa

RFA_DETAILS = {
    "requesting_organisation": "WFP",
    "requesting_person": "Logistics officer",
    "task_type": "air_transport",
    "needed_by": "2026-12-05",
    "duration_days": 4,
    "priority": "life_saving",
    "civilian_alternatives_tried": "UNHAS, commercial charters.",
    "why_alternatives_fail": "None available before 10 December.",
    "unique_capability": "Heavy-lift helicopters.",
    "complements_civilian_capacity": True,
    "exit_plan": "Four days; UNHAS from 10 December.",
}


def _new_rfa(world):
    return {
        "operation": world.operation.pk,
        "kind": "assistance",
        "title": "Airlift to Buzi",
        "description": "Food for 4,000 people cut off by floods.",
        "area": "MZ0701",
        "rfa": RFA_DETAILS,
    }


@pytest.mark.parametrize(
    ("principal", "expected"),
    [
        ("officer", {"cell_request_of_field", "rfa"}),
        ("hct", {"cell_request_of_field", "rfa"}),
        ("field", {"cell_request_of_field", "rfa"}),
        ("partner", set()),
        ("field_other", set()),
    ],
)
def test_each_principal_lists_exactly_the_requests_they_may_read(world, api, principal, expected):
    assert ids(api(principal).get("/api/v1/cell-requests/")) == {getattr(world, n).pk for n in expected}


def test_field_staff_send_an_rfa_with_its_checklist(world, api):
    response = api("field").post("/api/v1/cell-requests/", _new_rfa(world))
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["status"] == "submitted" and data["area"] == "MZ0701"
    assert data["rfa"]["endorsement"] == "pending"
    assert data["rfa"]["missing_last_resort_items"] == []


def test_an_rfa_without_details_is_refused_and_nothing_is_written(world, api):
    before = CellRequest.objects.count()
    response = api("field").post("/api/v1/cell-requests/", {**_new_rfa(world), "rfa": None})
    assert response.status_code == 400
    assert "rfa" in response.json()
    assert CellRequest.objects.count() == before


def test_a_request_in_an_area_outside_the_callers_countries_is_refused(world, api):
    from tests.factories import AreaFactory

    AreaFactory(pcode="MW01", name="Northern", country="MWI", parent=None, level=0)
    response = api("field").post("/api/v1/cell-requests/", {**_new_rfa(world), "area": "MW01"})
    assert response.status_code == 400
    assert "area" in response.json()


@pytest.mark.parametrize("principal", ["hct", "partner", "outsider"])
def test_those_who_do_not_send_requests_cannot(world, api, principal):
    assert api(principal).post("/api/v1/cell-requests/", _new_rfa(world)).status_code == 403


def test_field_staff_follow_only_their_own_requests(world, api, officer):
    others = make_rfa(world.operation, officer)
    assert api("field").get(f"/api/v1/cell-requests/{others.pk}/").status_code == 404


def test_the_cell_tables_answers_and_closes_a_request(world, api):
    client, url = api("officer"), f"/api/v1/cell-requests/{world.cell_request_of_field.pk}"
    tabled = client.post(f"{url}/table/", {"agenda_item": world.agenda_item.pk})
    assert tabled.status_code == 200 and tabled.json()["status"] == "tabled"
    answered = client.post(f"{url}/answer/", {"response": "The checkpoint opens at 06:00."})
    assert answered.json()["status"] == "answered"
    field_view = api("field").get(f"{url}/").json()
    assert field_view["response"] == "The checkpoint opens at 06:00."
    assert api("field").post(f"{url}/close/").json()["status"] == "closed"


def test_field_staff_cannot_table_or_answer(world, api):
    url = f"/api/v1/cell-requests/{world.cell_request_of_field.pk}"
    assert api("field").post(f"{url}/table/", {"agenda_item": world.agenda_item.pk}).status_code == 403
    assert api("field").post(f"{url}/answer/", {"response": "Me"}).status_code == 403
    world.cell_request_of_field.refresh_from_db()
    assert world.cell_request_of_field.status == "submitted"


def test_tabling_at_an_agenda_item_the_caller_cannot_see_is_refused(world, api):
    from meetings.models import AgendaItem
    from tests.factories import MeetingFactory

    elsewhere = AgendaItem.objects.create(
        meeting=MeetingFactory(forum__operation=world.other_operation), position=1, title="Elsewhere"
    )
    url = f"/api/v1/cell-requests/{world.cell_request_of_field.pk}/table/"
    response = api("officer").post(url, {"agenda_item": elsewhere.pk})
    assert response.status_code == 400
    assert "does not exist" in response.json()["agenda_item"][0]


def test_the_hct_endorses_an_rfa_with_a_complete_checklist(world, api):
    response = api("hct").post(f"/api/v1/cell-requests/{world.rfa.pk}/endorse/", {"note": "Last resort."})
    assert response.status_code == 200
    assert response.json()["rfa"]["endorsement"] == "endorsed"
    assert response.json()["rfa"]["endorsed_by"] is not None


def test_an_rfa_with_an_incomplete_checklist_cannot_be_endorsed(world, api, field):
    incomplete = make_rfa(world.operation, field, exit_plan="")
    response = api("hct").post(f"/api/v1/cell-requests/{incomplete.pk}/endorse/", {})
    assert response.status_code == 400
    assert "exit plan" in str(response.json())
    assert AssistanceRequest.objects.get(pk=incomplete.pk).endorsement == "pending"


def test_the_hct_declines_an_rfa_and_must_say_why(world, api):
    url = f"/api/v1/cell-requests/{world.rfa.pk}/decline/"
    assert api("hct").post(url, {"note": ""}).status_code == 400
    response = api("hct").post(url, {"note": "Civilian helicopters available on 2 December."})
    assert response.json()["rfa"]["endorsement"] == "declined"


@pytest.mark.parametrize("principal", ["officer", "field"])
def test_only_the_hct_endorses(world, api, principal):
    assert api(principal).post(f"/api/v1/cell-requests/{world.rfa.pk}/endorse/", {}).status_code == 403
    assert AssistanceRequest.objects.get(pk=world.rfa.pk).endorsement == "pending"


def test_a_request_that_is_not_an_rfa_cannot_be_endorsed(world, api):
    url = f"/api/v1/cell-requests/{world.cell_request_of_field.pk}/endorse/"
    assert api("hct").post(url, {}).status_code == 400


def test_requests_filter_by_owner_kind_and_endorsement(world, api):
    assert ids(api("officer").get("/api/v1/cell-requests/?owner=me")) == set()
    assert ids(api("field").get("/api/v1/cell-requests/?owner=me&kind=assistance")) == {world.rfa.pk}
    assert ids(api("officer").get("/api/v1/cell-requests/?endorsement=pending")) == {world.rfa.pk}
    assert ids(api("officer").get("/api/v1/cell-requests/?area=MZ07")) == {world.cell_request_of_field.pk}
