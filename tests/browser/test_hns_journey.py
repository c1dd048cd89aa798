"""A humanitarian notification in the browser: WFP's field staff notify a convoy (late, with the
reason), the cell relays it to a party through its contact and records the party's acknowledgement,
and the field staff read that the party acknowledged it. Nobody's page says approved."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from cmcoord.models import Operation
from hns.models import Movement, Relay
from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser
PASSWORD = "hns-journey-pw"
TITLE = "Emergency fuel convoy to Nhamatanda"


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


def _no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_a_field_notification_is_relayed_and_acknowledged(chromium, live_server, demo):
    start = timezone.localtime(timezone.now(), demo.zone) + dt.timedelta(hours=10)
    end = start + dt.timedelta(hours=6)

    context, page = _as(chromium, live_server, "field")
    page.goto(demo.get_absolute_url() + "hns/")
    page.click("main a:has-text('Notify a movement')")
    page.fill("#id_title", TITLE)
    page.select_option("#id_mode", "road_convoy")
    page.check("#id_emergency")
    page.fill("#id_starts_at", start.strftime("%Y-%m-%dT%H:%M"))
    page.fill("#id_ends_at", end.strftime("%Y-%m-%dT%H:%M"))
    page.fill("#id_origin", "Beira")
    page.fill("#id_origin_latitude", "-19.8288")
    page.fill("#id_origin_longitude", "34.8381")
    page.fill("#id_destination", "Nhamatanda")
    page.fill("#id_destination_latitude", "-19.2667")
    page.fill("#id_destination_longitude", "34.2000")
    page.fill("#id_waypoints", "-19.70, 34.60\n-19.45, 34.40")
    page.fill("#id_vehicles", "2 white fuel tankers, WFP flags")
    page.select_option("#id_cargo_class", "fuel")
    page.fill("#id_focal_point_name", "Convoy leader")
    page.fill("#id_focal_point_phone", "+258 84 555 0199")
    page.click("main button:has-text('Save')")
    page.wait_for_load_state()
    # 10 hours ahead of an emergency convoy: under the 24 hours, so the reason is asked, nothing lost.
    assert "say why it is notified late" in page.inner_text("main")
    assert page.input_value("#id_title") == TITLE
    page.fill("#id_late_reason", "The generator at Nhamatanda hospital fails tomorrow.")
    page.click("main button:has-text('Save')")
    page.wait_for_selector("text=Notified late.")
    assert "not an approval" in page.inner_text("main")
    assert page.locator("a[href^='geo:-19.8288,34.8381']").count() == 1
    _no_sideways_scroll(page)
    screenshot(page, "hns-field-notified")
    movement = Movement.objects.get(title=TITLE)
    assert movement.late and movement.emergency
    context.close()

    context, page = _as(chromium, live_server, "officer")
    page.goto(demo.get_absolute_url() + "hns/")
    assert TITLE in page.inner_text("main")  # among the movements to relay
    page.click(f"main a:has-text('{TITLE}')")
    page.check("main label:has-text('National Armed Forces') input")
    page.click("main button:has-text('Record as relayed')")
    page.wait_for_selector("text=Recorded as relayed to National Armed Forces")
    relay = Relay.objects.get(movement=movement)
    page.fill(f"#id_ack-{relay.pk}-reference", "FAN-CIMIC-0999")
    page.click("main button:has-text('acknowledgement')")
    page.wait_for_selector("text=Acknowledgement by National Armed Forces")
    assert "FAN-CIMIC-0999" in page.inner_text("main")
    _no_sideways_scroll(page)
    screenshot(page, "hns-officer-acknowledged")
    context.close()

    context, page = _as(chromium, live_server, "field")
    page.goto(movement.get_absolute_url())
    assert "The cell relayed it to 1 party; 1 acknowledged." in page.inner_text("main")
    assert "FAN-CIMIC-0999" not in page.content()
    context.close()
