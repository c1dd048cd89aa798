"""An RFA from the field to its end, over the API and the pages: each step by the role that owns
it, from the state it needs, kept in the history, and the sender told (in the app and by e-mail)."""

import pytest
from django.core import mail
from django.urls import reverse

from assets.models import AssetDeployment
from cell.models import AssistanceRequest, CellRequest
from cmcoord.models import Notification
from tests.api_world import make_rfa
from tests.factories import ContactFactory

pytestmark = pytest.mark.django_db


def _post(api, who, rfa_request, step, body=None):
    return api(who).post(f"/api/v1/cell-requests/{rfa_request.pk}/{step}/", body or {}, format="json")


SEND = "send"
ANSWER = "military-answer"


def _send_body(world):
    return {"actor": world.actor_shareable.pk, "contact": world.contact_approved.pk}


ACCEPTED = {"response": "accepted", "offer": "Two helicopters, three days.", "offer_from": "2026-12-02"}


def test_the_rfa_goes_from_the_field_to_the_deployment_created_from_it(
    world, api, field, django_capture_on_commit_callbacks
):
    request = make_rfa(world.operation, field, status=CellRequest.Status.SUBMITTED)

    def step(who, name, body=None):  # each step its own request: its e-mail leaves after its commit
        with django_capture_on_commit_callbacks(execute=True):
            return _post(api, who, request, name, body)

    assert step("officer", "triage").json()["status"] == "triaged"
    assert step("hct", "endorse", {"note": "Last resort."}).status_code == 200
    sent = step("officer", SEND, _send_body(world)).json()["rfa"]
    assert (sent["military_response"], sent["sent_to_actor"]) == ("pending", world.actor_shareable.pk)
    answered = step("officer", ANSWER, ACCEPTED).json()["rfa"]
    assert (answered["military_response"], answered["military_offer"]) == ("accepted", ACCEPTED["offer"])
    created = step("officer", "deployment", {"quantity": 2, "capability": "helicopter"})
    assert created.status_code == 201, created.json()
    closed = step("officer", "close", {"outcome": "delivered", "note": "Kits delivered."})
    asset = AssetDeployment.objects.get(pk=created.json()["id"])
    # The deployment took the RFA's fields: the provider it went to, the area, the offer's dates.
    assert (asset.provider, asset.quantity, str(asset.deployed_on)) == (
        world.actor_shareable,
        2,
        "2026-12-02",
    )
    assert asset.name == request.title and list(asset.areas.all()) == [request.area] * bool(request.area_id)
    rfa = AssistanceRequest.objects.get(pk=request.pk)
    assert (rfa.resulting_asset, rfa.outcome) == (asset, "delivered")
    assert closed.json()["status"] == "closed"
    # Kept in the history: every step, by whom.
    steps = list(rfa.history.order_by("history_date").values_list("military_response", flat=True))
    assert steps[-3:] == ["accepted", "accepted", "accepted"] and "pending" in steps
    # The sender was told of each step, in the app and by e-mail.
    titles = list(Notification.objects.filter(recipient=field).values_list("title", flat=True))
    for told in ("triaged", "endorsed", "sent your RFA", "accepted your RFA", "deployment", "closed"):
        assert any(told in title for title in titles), (told, titles)
    subjects = [message.subject for message in mail.outbox if field.email in message.to]
    assert any("The military accepted your RFA" in subject for subject in subjects), subjects


@pytest.mark.parametrize(
    ("who", "step", "body"),
    [
        ("field", "triage", {}),
        ("hct", "triage", {}),
        ("officer", "endorse", {}),
        ("field", "endorse", {}),
        ("hct", SEND, None),
        ("field", SEND, None),
        ("hct", ANSWER, ACCEPTED),
        ("field", ANSWER, ACCEPTED),
        ("hct", "deployment", {}),
        ("field", "deployment", {}),
        ("hct", "close", {"outcome": "delivered"}),
    ],
)
def test_each_step_is_refused_to_a_role_that_does_not_own_it(world, api, who, step, body):
    request = world.rfa
    before = AssistanceRequest.objects.filter(pk=request.pk).values().get()
    response = _post(api, who, request, step, _send_body(world) if body is None else body)
    assert response.status_code == 403
    assert AssistanceRequest.objects.filter(pk=request.pk).values().get() == before
    assert CellRequest.objects.get(pk=request.pk).status == request.status


@pytest.mark.parametrize(
    ("who", "step", "body", "why"),
    [
        ("officer", "triage", {}, "triaged already"),
        ("officer", SEND, None, "Only a request the HCT/UNCT endorsed"),
        ("officer", ANSWER, ACCEPTED, "not awaited"),
        ("officer", "deployment", {}, "accepted, fully or partly"),
        ("officer", "close", {}, "Choose what became of the request."),
    ],
)
def test_each_step_is_refused_in_the_wrong_state_and_says_why(world, api, who, step, body, why):
    response = _post(api, who, world.rfa, step, _send_body(world) if body is None else body)
    assert response.status_code == 400
    assert why in str(response.json())
    assert CellRequest.objects.get(pk=world.rfa.pk).status == "triaged"


def test_the_hct_decides_only_once_the_cell_triaged_it(world, api, field):
    request = make_rfa(world.operation, field, status=CellRequest.Status.SUBMITTED)
    response = _post(api, "hct", request, "endorse", {"note": "Yes."})
    assert response.status_code == 400
    assert "The cell triages or tables the request" in str(response.json())
    assert AssistanceRequest.objects.get(pk=request.pk).endorsement == "pending"


def _endorsed(world, field, hct):
    from cell.services import rfa_decide

    request = make_rfa(world.operation, field)
    rfa_decide(rfa=request.rfa, endorse=True, note="", by=hct)
    return request


def test_a_page_shown_before_a_colleague_sent_it_cannot_send_it_again(client, world, field, officer, hct):
    request = _endorsed(world, field, hct)
    url = reverse("cell:request-send", kwargs={"op": world.operation.pk, "pk": request.pk})
    body = {"actor": world.actor_shareable.pk, "seen_response": "not_sent"}
    client.force_login(officer)
    assert client.post(url, body).status_code == 302
    again = client.post(url, {**body, "actor": world.actor_restricted.pk}, follow=True)
    assert f"{officer} changed “{request.rfa}” to" in again.content.decode()
    assert AssistanceRequest.objects.get(pk=request.pk).sent_to_actor == world.actor_shareable


def test_the_pages_refuse_each_step_to_the_wrong_role(client, world, field, hct):
    request = _endorsed(world, field, hct)
    op = world.operation.pk
    for who in (field, hct):
        client.force_login(who)
        send = reverse("cell:request-send", kwargs={"op": op, "pk": request.pk})
        assert client.post(send, {"actor": world.actor_shareable.pk}).status_code == 403
        answer = reverse("cell:request-military-answer", kwargs={"op": op, "pk": request.pk})
        assert client.post(answer, ACCEPTED).status_code == 403
        deployment = reverse("cell:request-deployment", kwargs={"op": op, "request_pk": request.pk})
        assert client.get(deployment).status_code == 403
    assert AssistanceRequest.objects.get(pk=request.pk).military_response == "not_sent"


def test_the_officer_reviews_a_deployment_form_filled_in_from_the_rfa(
    client, world, field, officer, hct, api
):
    request = _endorsed(world, field, hct)
    _post(api, "officer", request, SEND, _send_body(world))
    _post(api, "officer", request, ANSWER, {**ACCEPTED, "offer_until": "2026-12-09"})
    client.force_login(officer)
    url = reverse("cell:request-deployment", kwargs={"op": world.operation.pk, "request_pk": request.pk})
    page = client.get(url).content.decode()
    assert 'value="Airlift of WASH kits"' in page and 'value="2026-12-09"' in page
    assert f'<option value="{world.actor_shareable.pk}" selected>' in page


def test_the_print_view_shows_the_rfa_but_no_contact_the_reader_may_not_see(
    client, world, field, officer, hct
):
    request = _endorsed(world, field, hct)
    secret = ContactFactory(actor=world.actor_shareable, full_name="Col. Hidden", sensitivity="restricted")
    from cell.services import rfa_send

    rfa_send(
        rfa=AssistanceRequest.objects.get(pk=request.pk),
        actor=world.actor_shareable,
        contact=secret,
        by=officer,
    )
    url = reverse("cell:request-print", kwargs={"op": world.operation.pk, "pk": request.pk})
    client.force_login(officer)
    for_officer = client.get(url).content.decode()
    assert "Col. Hidden" in for_officer and "Last-resort checklist" in for_officer
    assert "<script" not in for_officer and "print.css" in for_officer
    client.force_login(field)
    for_field = client.get(url).content.decode()
    assert "Col. Hidden" not in for_field and "Heavy-lift helicopter." in for_field


def test_the_admin_shows_the_military_steps_but_cannot_change_them(admin_client, world):
    url = reverse("admin:cell_assistancerequest_change", args=[world.rfa.pk])
    page = admin_client.get(url).content.decode()
    assert 'name="military_response"' not in page and 'name="sent_to_actor"' not in page
    assert 'name="resulting_asset"' not in page and 'name="outcome"' not in page
