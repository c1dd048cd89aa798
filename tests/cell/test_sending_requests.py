"""Field staff send requests and concerns to the cell from one server-rendered page."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

from cell.models import CellRequest
from cell.services import cell_request_triage

RFA = {
    "rfa-requesting_organisation": "WFP",
    "rfa-requesting_person": "Ana Macuácua",
    "rfa-task_type": "air_transport",
    "rfa-priority": "life_saving",
    "rfa-needed_by": "",
    "rfa-duration_days": "4",
    "rfa-civilian_alternatives_tried": "UNHAS, two charter companies",
    "rfa-why_alternatives_fail": "No civilian helicopter before 10 December",
    "rfa-unique_capability": "Heavy lift into a flooded district",
    "rfa-complements_civilian_capacity": "on",
    "rfa-exit_plan": "Four days; UNHAS takes over from 10 December",
}


def _url(operation):
    return reverse("cell:request-create", kwargs={"op": operation.pk})


def test_the_rfa_part_does_not_stop_the_browser_sending_an_access_concern(client, operation, field):
    client.force_login(field)
    page = client.get(_url(operation)).content.decode()
    rfa_part = page.split("<fieldset>")[1]
    assert " required" not in rfa_part
    response = client.post(
        _url(operation),
        {
            "kind": "access",
            "title": "Checkpoint at Nhamatanda",
            "description": "Trucks held 6 hours.",
            "sensitivity": "internal",
        },
    )
    assert response.status_code == 302
    assert CellRequest.objects.get().title == "Checkpoint at Nhamatanda"


def test_an_rfa_without_its_last_resort_case_is_refused_next_to_each_field(client, operation, field):
    client.force_login(field)
    needed = (timezone.localdate() + dt.timedelta(days=5)).isoformat()
    data = {**RFA, "rfa-needed_by": needed, "rfa-why_alternatives_fail": "", "rfa-exit_plan": ""}
    data.pop("rfa-complements_civilian_capacity")
    page = client.post(
        _url(operation),
        {
            "kind": "assistance",
            "title": "Airlift to Buzi",
            "description": "Road cut at km 40.",
            "sensitivity": "internal",
            **data,
        },
    ).content.decode()
    assert "Say why the civilian means cannot do it." in page
    assert "Give the planned duration" in page
    assert "may only complement civilian capacity" in page
    assert "UNHAS, two charter companies" in page  # what was typed is still there
    assert not CellRequest.objects.exists()


def test_an_rfa_for_a_date_already_passed_is_refused(client, operation, field):
    client.force_login(field)
    past = (timezone.localdate() - dt.timedelta(days=5)).isoformat()
    page = client.post(
        _url(operation),
        {
            "kind": "assistance",
            "title": "Airlift",
            "description": "x",
            "sensitivity": "internal",
            **RFA,
            "rfa-needed_by": past,
        },
    ).content.decode()
    assert "This date has passed." in page
    assert not CellRequest.objects.exists()


def test_a_complete_rfa_reaches_the_cell_pending_hct_endorsement(client, operation, field):
    client.force_login(field)
    needed = (timezone.localdate() + dt.timedelta(days=5)).isoformat()
    response = client.post(
        _url(operation),
        {
            "kind": "assistance",
            "title": "Airlift to Buzi",
            "description": "Road cut.",
            "sensitivity": "internal",
            **RFA,
            "rfa-needed_by": needed,
        },
    )
    assert response.status_code == 302
    request = CellRequest.objects.get()
    assert request.rfa.endorsement == "pending" and request.rfa.missing_last_resort_items() == []


def test_the_hct_sees_the_rfas_awaiting_its_decision_on_the_overview(client, operation, hct, field, officer):
    client.force_login(field)
    needed = (timezone.localdate() + dt.timedelta(days=5)).isoformat()
    client.post(
        _url(operation),
        {
            "kind": "assistance",
            "title": "Airlift to Buzi",
            "description": "Road cut.",
            "sensitivity": "internal",
            **RFA,
            "rfa-needed_by": needed,
        },
    )
    overview = reverse("web:dashboard", kwargs={"op": operation.pk})
    assert "Airlift to Buzi" not in client.get(overview).content.decode().split("My requests")[0]
    # The HCT/UNCT decides once the cell has triaged it (before, it is the officer's to triage).
    cell_request_triage(cell_request=CellRequest.objects.get(title="Airlift to Buzi"), by=officer)
    client.force_login(hct)
    page = client.get(overview).content.decode()
    assert "awaiting your decision" in page and "Airlift to Buzi" in page


def test_the_officer_sees_which_meeting_each_agenda_item_belongs_to(client, operation, officer, field):
    from meetings.models import AgendaItem
    from tests.factories import CellRequestFactory, MeetingFactory

    meeting = MeetingFactory(forum__operation=operation, title="Weekly MCDA review")
    AgendaItem.objects.create(meeting=meeting, position=1, title="Assets phasing out")
    request = CellRequestFactory(operation=operation, submitted_by=field)
    client.force_login(officer)
    page = client.get(
        reverse("cell:request-detail", kwargs={"op": operation.pk, "pk": request.pk})
    ).content.decode()
    assert "Weekly MCDA review — item 1: Assets phasing out" in page


def test_declining_an_rfa_without_a_reason_keeps_the_choice_and_asks_for_one(client, operation, hct, field):
    from cell.models import AssistanceRequest
    from tests.factories import CellRequestFactory

    request = CellRequestFactory(
        operation=operation, submitted_by=field, kind="assistance", title="Airlift", status="triaged"
    )
    AssistanceRequest.objects.create(
        cell_request=request,
        requesting_organisation="WFP",
        requesting_person="A. Banda",
        task_type="air_transport",
        needed_by=timezone.localdate(),
        duration_days=2,
        priority="life_saving",
    )
    client.force_login(hct)
    url = reverse("cell:request-endorse", kwargs={"op": operation.pk, "pk": request.pk})
    response = client.post(url, {"decision": "decline", "note": ""})
    page = response.content.decode()
    assert response.status_code == 400 and "Say why the request is declined." in page
    assert "checked" in page.split('value="decline"')[1].split(">")[0]
    assert AssistanceRequest.objects.get().endorsement == "pending"
    client.post(url, {"decision": "decline", "note": "A civilian charter is available on Friday."})
    assert AssistanceRequest.objects.get().endorsement == "declined"
