"""The cell's rules are stated once: the last-resort checklist asks the sender and stops the HCT/UNCT
with the same items; one rule says what an RFA is."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from cell import rules
from cell.forms import AssistanceRequestForm
from cell.models import AssistanceRequest, CellRequest
from cell.services import cell_request_submit, cell_request_triage, rfa_decide
from tests.factories import CellRequestFactory

CHECKLIST = rules.LAST_RESORT_CHECKLIST
COMPLETE_CASE = {
    "civilian_alternatives_tried": "UNHAS, two charter companies.",
    "why_alternatives_fail": "No civilian helicopter before 10 December.",
    "unique_capability": "Heavy lift into a flooded district.",
    "complements_civilian_capacity": True,
    "exit_plan": "Four days; UNHAS takes over from 10 December.",
}


def _details(**case):
    return {
        "requesting_organisation": "WFP",
        "requesting_person": "Ana Macuácua",
        "task_type": "air_transport",
        "priority": "life_saving",
        "needed_by": timezone.localdate() + dt.timedelta(days=5),
        "duration_days": 4,
        **COMPLETE_CASE,
        **case,
    }


def _lacking(item):
    return {item.field: False if item.field == "complements_civilian_capacity" else "  "}


def test_the_checklist_covers_the_fields_the_sender_fills_in():
    fields = [item.field for item in CHECKLIST]
    assert fields == list(COMPLETE_CASE)
    assert set(fields) <= set(AssistanceRequestForm.base_fields)
    assert all(AssistanceRequest._meta.get_field(name) for name in fields)


@pytest.mark.parametrize("item", CHECKLIST, ids=lambda item: item.field)
def test_an_rfa_lacking_an_item_is_refused_with_that_items_message(operation, field, item):
    with pytest.raises(ValidationError) as refused:
        cell_request_submit(
            operation=operation,
            by=field,
            kind=CellRequest.Kind.ASSISTANCE,
            title="Airlift to Buzi",
            description="Road cut at km 40.",
            sensitivity="internal",
            rfa=_details(**_lacking(item)),
        )
    assert refused.value.message_dict == {item.field: [item.message]}
    assert not CellRequest.objects.exists()


@pytest.mark.parametrize("item", CHECKLIST, ids=lambda item: item.field)
def test_the_hct_cannot_endorse_an_rfa_lacking_an_item_and_is_told_which(operation, field, hct, item):
    request = CellRequestFactory(
        operation=operation, submitted_by=field, kind=CellRequest.Kind.ASSISTANCE, status="triaged"
    )
    rfa = AssistanceRequest.objects.create(cell_request=request, **_details(**_lacking(item)))
    assert rfa.missing_last_resort_items() == [item.label]
    with pytest.raises(ValidationError) as refused:
        rfa_decide(rfa=rfa, endorse=True, note="", by=hct)
    assert refused.value.messages == [f"The last-resort checklist is incomplete: {item.label}."]
    rfa.refresh_from_db()
    assert rfa.endorsement == AssistanceRequest.Endorsement.PENDING
    # The model refuses the same endorsement for the same reason, whoever writes it.
    rfa.endorsement, rfa.endorsed_by, rfa.endorsed_at = "endorsed", hct, timezone.now()
    with pytest.raises(ValidationError) as cleaned:
        rfa.full_clean()
    assert cleaned.value.messages == refused.value.messages


def test_an_rfa_with_its_case_made_is_sent_triaged_and_endorsed(operation, field, officer, hct):
    request = cell_request_submit(
        operation=operation,
        by=field,
        kind=CellRequest.Kind.ASSISTANCE,
        title="Airlift to Buzi",
        description="Road cut at km 40.",
        sensitivity="internal",
        rfa=_details(),
    )
    assert request.rfa.missing_last_resort_items() == []
    cell_request_triage(cell_request=request, by=officer)
    assert rfa_decide(rfa=request.rfa, endorse=True, note="", by=hct).endorsement == "endorsed"


@pytest.mark.parametrize("kind", CellRequest.Kind.values)
def test_one_rule_says_which_requests_are_rfas(operation, field, kind):
    request = CellRequestFactory(operation=operation, submitted_by=field, kind=kind)
    is_rfa = kind == CellRequest.Kind.ASSISTANCE
    assert rules.is_rfa(kind) is is_rfa and request.is_rfa is is_rfa
    assert list(CellRequest.objects.rfas()) == ([request] if is_rfa else [])
