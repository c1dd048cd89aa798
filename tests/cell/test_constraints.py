"""The cell's rules hold in the models (readable clean() messages) and in the database."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cell.models import AssistanceRequest, CellRequest
from tests.factories import CellRequestFactory


def messages(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def test_a_tabled_request_names_its_agenda_item(operation, field):
    request = CellRequestFactory(operation=operation, submitted_by=field)
    request.status = CellRequest.Status.TABLED
    with pytest.raises(ValidationError, match="Choose the agenda item"):
        request.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        CellRequest.objects.filter(pk=request.pk).update(status="tabled")


def test_an_rfa_cannot_be_endorsed_on_an_incomplete_last_resort_checklist(operation, field, hct):
    request = CellRequestFactory(operation=operation, submitted_by=field, kind="assistance")
    rfa = AssistanceRequest(
        cell_request=request,
        requesting_organisation="WFP",
        requesting_person="A. Banda",
        task_type="air_transport",
        needed_by=dt.date(2026, 12, 1),
        duration_days=3,
        priority="life_saving",
        civilian_alternatives_tried="UNHAS",
        endorsement="endorsed",
        endorsed_by=hct,
    )
    with pytest.raises(ValidationError) as exc:
        rfa.full_clean()
    assert "why the civilian alternatives fail" in messages(exc.value)
    assert "exit plan" in messages(exc.value)


def test_only_an_endorsed_rfa_goes_to_the_military(operation, field):
    request = CellRequestFactory(operation=operation, submitted_by=field, kind="assistance")
    with pytest.raises(IntegrityError), transaction.atomic():
        AssistanceRequest.objects.create(
            cell_request=request,
            requesting_organisation="WFP",
            requesting_person="A. Banda",
            task_type="air_transport",
            needed_by=dt.date(2026, 12, 1),
            duration_days=3,
            priority="life_saving",
            military_response="pending",
        )
