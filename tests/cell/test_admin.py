"""The Django admin shows the cell's triage and the HCT/UNCT's endorsement, and never writes them."""

import pytest
from django.urls import reverse

from cell.models import AssistanceRequest, CellRequest
from tests.api_world import make_rfa
from tests.core.test_admin_decisions import post_change_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


def test_an_rfa_is_not_endorsed_through_its_change_form(admin_client, administrator, operation, field):
    rfa = make_rfa(operation, field).rfa
    url = reverse("admin:cell_assistancerequest_change", args=[rfa.pk])
    response = post_change_form(
        admin_client,
        url,
        endorsement=AssistanceRequest.Endorsement.ENDORSED,
        endorsed_by=administrator.pk,
        endorsement_note="Typed into the admin.",
        requesting_person="WASH cluster coordinator",
    )
    assert response.status_code == 302
    rfa.refresh_from_db()
    assert rfa.requesting_person == "WASH cluster coordinator"  # the form was saved ...
    assert rfa.endorsement == AssistanceRequest.Endorsement.PENDING  # ... but not the decision
    assert rfa.endorsed_by is None and rfa.endorsement_note == ""


def test_a_request_is_not_answered_through_its_change_form(admin_client, operation, field):
    request = make_rfa(operation, field, status=CellRequest.Status.SUBMITTED)
    url = reverse("admin:cell_cellrequest_change", args=[request.pk])
    response = post_change_form(admin_client, url, status="answered", response="Done.", title="Airlift")
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.title == "Airlift"
    assert (request.status, request.response) == (CellRequest.Status.SUBMITTED, "")
