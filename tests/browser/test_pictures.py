"""The MCDA timeline and the 3W matrix on a 360 px phone, in English and in Arabic: the page never
scrolls sideways (the wide chart scrolls inside its own labelled region), and a bar leads to
its deployment."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from cmcoord.models import Operation
from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser
PASSWORD = "pictures-pw"
WIDTH = 360
PAGE_FITS = "document.documentElement.scrollWidth <= document.documentElement.clientWidth"


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", password=PASSWORD, verbosity=0)
    return Operation.objects.get(country="MOZ")


def open_phone(chromium, live_server, locale):
    context = chromium.new_context(
        base_url=live_server.url, locale=locale, viewport={"width": WIDTH, "height": 760}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    return context, page


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_both_pictures_fit_a_phone_and_a_bar_leads_to_its_deployment(chromium, live_server, demo, locale):
    context, page = open_phone(chromium, live_server, locale)
    try:
        sign_in(page, "field", PASSWORD)
        page.goto(reverse("assets:timeline", args=[demo.pk]))
        assert page.evaluate(PAGE_FITS), "the timeline page scrolls sideways"
        region = page.locator(".chart-scroll")
        assert region.get_attribute("role") == "region" and region.get_attribute("tabindex") == "0"
        assert page.locator("svg.timeline").get_attribute("role") == "img"
        region.focus()  # a keyboard reaches the chart and can scroll it
        assert page.evaluate("document.activeElement.classList.contains('chart-scroll')")
        screenshot(page, f"timeline-{locale}-{WIDTH}")
        bar = page.locator("svg.timeline a.bar").first
        href = bar.get_attribute("href")
        bar.locator("text").scroll_into_view_if_needed()
        bar.locator("text").click()
        page.wait_for_url(f"**{href}")
        assert page.locator("h1").count() == 1

        page.goto(reverse("actors:presence-matrix", args=[demo.pk]) + "?by=sector")
        assert page.evaluate(PAGE_FITS), "the 3W page scrolls sideways"
        assert page.locator("table.matrix td.present").count() > 0
        screenshot(page, f"matrix-{locale}-{WIDTH}")
        page.goto(reverse("actors:presence-matrix", args=[demo.pk]))
        assert page.evaluate(PAGE_FITS)
    finally:
        context.close()
