"""An RFA across the three roles in the browser: field staff send it, the cell triages it, the
HCT/UNCT endorses it, the cell sends it to the military, records the answer and creates the MCDA
deployment from it (a form filled in from the RFA), then closes it with its outcome."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from actors.models import Actor
from assets.models import AssetDeployment
from cell.models import AssistanceRequest, CellRequest
from cmcoord.models import Notification, Operation
from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser
PASSWORD = "rfa-journey-pw"
TITLE = "Airlift of cholera kits to Chinde"


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", password=PASSWORD, verbosity=0)
    return Operation.objects.get(country="MOZ")


def _as(chromium, live_server, username):
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(10_000)
    sign_in(page, username, PASSWORD)
    return context, page


def _submit(page, button_text):
    page.click(f"main button:has-text('{button_text}')")
    page.wait_for_load_state()


def _waiting(page, operation) -> tuple[int, str]:
    """The header's "Waiting for you" count and the dashboard's section, as this person sees them."""
    page.goto(operation.get_absolute_url())
    badge = page.locator("a[href='/#waiting'] .badge")
    count = int(badge.inner_text()) if badge.count() else 0
    return count, page.inner_text("#waiting")


def _no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_an_rfa_goes_from_the_field_to_the_deployment_created_from_it(chromium, live_server, demo):
    provider = Actor.objects.filter(operation=demo, category="foreign_military").order_by("name").first()
    needed = (timezone.localdate() + dt.timedelta(days=5)).isoformat()

    # Field staff send the RFA with its last-resort case.
    context, page = _as(chromium, live_server, "field")
    page.goto(demo.get_absolute_url() + "requests/new/")
    page.select_option("#id_kind", "assistance")
    page.fill("#id_title", TITLE)
    page.fill("#id_description", "Cholera in Chinde; the road is cut.")
    page.fill("#id_rfa-requesting_organisation", "UNICEF")
    page.fill("#id_rfa-requesting_person", "WASH coordinator")
    page.select_option("#id_rfa-task_type", "air_transport")
    page.select_option("#id_rfa-priority", "life_saving")
    page.fill("#id_rfa-needed_by", needed)
    page.fill("#id_rfa-duration_days", "3")
    page.fill("#id_rfa-civilian_alternatives_tried", "UNHAS; commercial charters.")
    page.fill("#id_rfa-why_alternatives_fail", "None before next week.")
    page.fill("#id_rfa-unique_capability", "Helicopters can land at the clinic.")
    page.check("#id_rfa-complements_civilian_capacity")
    page.fill("#id_rfa-exit_plan", "Three days; UNHAS after.")
    _submit(page, "Send")
    request = CellRequest.objects.get(title=TITLE)
    context.close()

    # The cell triages it (it was waiting for the officer); the HCT/UNCT endorses it.
    officer_context, page = _as(chromium, live_server, "officer")  # kept: signed in with two-factor
    officer_count, waiting = _waiting(page, demo)
    assert TITLE in waiting.split("New requests and concerns to triage", 1)[1]
    page.goto(request.get_absolute_url())
    assert "Last-resort checklist" in page.inner_text("main")
    _submit(page, "Triage: send it to the HCT/UNCT")
    assert CellRequest.objects.get(pk=request.pk).status == "triaged"
    count, waiting = _waiting(page, demo)
    assert (count, TITLE in waiting) == (officer_count - 1, False)  # left the officer's queue

    context, page = _as(chromium, live_server, "hct")
    hct_count, waiting = _waiting(page, demo)
    assert TITLE in waiting  # entered the HCT/UNCT's
    page.goto(request.get_absolute_url())
    page.check("input[value=endorse]")
    _submit(page, "Record HCT/UNCT decision")
    assert AssistanceRequest.objects.get(pk=request.pk).endorsement == "endorsed"
    count, waiting = _waiting(page, demo)
    assert (count, TITLE in waiting) == (hct_count - 1, False)
    context.close()

    # The cell sends it to the military, records the answer, creates the deployment from it.
    page = officer_context.pages[0]
    count, waiting = _waiting(page, demo)
    assert count == officer_count and TITLE in waiting.split("Endorsed RFAs to send to the military", 1)[1]
    page.goto(request.get_absolute_url())
    page.select_option("#id_actor", str(provider.pk))
    _submit(page, "Record as sent")
    assert AssistanceRequest.objects.get(pk=request.pk).military_response == "pending"
    count, waiting = _waiting(page, demo)
    assert count == officer_count and TITLE in waiting.split("Military answers to record", 1)[1]
    page.goto(request.get_absolute_url())
    assert "Last-resort checklist" in page.inner_text("main")
    page.check("input[name=response][value=accepted]")
    page.fill("#id_offer", "Two helicopters for three days.")
    page.fill("#id_offer_from", needed)
    _submit(page, "Record the answer")
    assert AssistanceRequest.objects.get(pk=request.pk).military_response == "accepted"
    count, waiting = _waiting(page, demo)
    assert (count, TITLE in waiting) == (officer_count - 1, False)
    page.goto(request.get_absolute_url())
    _no_sideways_scroll(page)
    screenshot(page, "rfa-accepted")
    page.click("text=Create the MCDA deployment from this request")
    assert page.input_value("#id_name") == TITLE  # filled in from the RFA
    assert page.input_value("#id_provider") == str(provider.pk)
    page.select_option("#id_capability", "helicopter")
    page.fill("#id_quantity", "2")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    asset = AssetDeployment.objects.get(name=TITLE)
    assert AssistanceRequest.objects.get(pk=request.pk).resulting_asset == asset
    assert asset.provider == provider and asset.quantity == 2
    assert str(asset.deployed_on) == needed

    # The print view for the military focal point: the RFA and its checklist, no script.
    page.goto(request.get_absolute_url() + "print/")
    assert "Last-resort checklist" in page.inner_text("main")
    assert page.locator("script").count() == 0
    officer_context.close()

    # The sender was told of every step.
    told = " ".join(Notification.objects.filter(recipient__username="field").values_list("title", flat=True))
    for step in ("triaged", "endorsed", "sent your RFA", "accepted your RFA", "deployment"):
        assert step in told
