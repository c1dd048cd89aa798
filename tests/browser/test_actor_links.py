"""An officer links two actors on a phone, choosing them by name, and sees the link on the picture
of the chain of command and links, which fits 360 px without scrolling sideways (issue 11); the
same picture read in Arabic fits and mirrors too."""

import pytest
from django.core.management import call_command

from actors.models import Actor, ActorLink
from cmcoord.models import Operation
from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser
PASSWORD = "actor-links-pw"
NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= document.documentElement.clientWidth"


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", password=PASSWORD, verbosity=0)
    return Operation.objects.get(country="MOZ")


def test_an_officer_adds_a_link_with_the_picker_and_sees_it_on_the_picture(chromium, live_server, demo):
    ministry = Actor.objects.get(operation=demo, name="Ministry of Health")
    company = Actor.objects.get(operation=demo, name="Engineer Company Bravo")
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 360, "height": 760})
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        sign_in(page, "officer", PASSWORD)
        page.goto(ministry.get_absolute_url())
        page.click("text=Add a link to another actor")
        assert page.evaluate(NO_SIDEWAYS_SCROLL)
        # The picker names each actor with its type, grouped by category: no id to type.
        page.select_option("#id_target", label="Engineer Company Bravo (Eng Coy B) — Bilateral force")
        page.select_option("#id_kind", label="Support relation")
        page.fill("#id_mechanism", "Water trucking to the cholera treatment centres")
        page.click("main button[type=submit]")
        page.wait_for_selector("text=Its links to other actors")
        link = ActorLink.objects.get(source=ministry, target=company)
        assert link.kind == "support"

        page.click("nav.opnav >> text=Chain of command")
        row = page.locator("table.links tr", has_text="Water trucking to the cholera treatment centres")
        assert row.count() == 1
        assert "Ministry of Health" in row.inner_text() and "Engineer Company Bravo" in row.inner_text()
        assert "Support relation" in row.inner_text()
        # The company stands under its brigade, itself under the joint task force.
        brigade = page.locator(f"li#actor-{company.parent_id}")
        assert (
            brigade.locator(f"li#actor-{company.pk} a")
            .first.inner_text()
            .startswith("Engineer Company Bravo")
        )
        assert page.evaluate(NO_SIDEWAYS_SCROLL)
        screenshot(page, "actor-chart-360")
        # From the picture, each actor leads to its page.
        row.locator("a", has_text="Engineer Company Bravo").click()
        page.wait_for_url(f"**{company.get_absolute_url()}")
        assert "Ministry of Health" in page.locator("main").inner_text()
    finally:
        context.close()


def test_the_picture_in_arabic_reads_right_to_left_and_fits_a_phone(chromium, live_server, demo):
    context = chromium.new_context(
        base_url=live_server.url, locale="ar", viewport={"width": 360, "height": 760}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        sign_in(page, "field", PASSWORD)
        page.goto(demo.get_absolute_url() + "actors/chart/")
        assert page.get_attribute("html", "dir") == "rtl"
        assert page.evaluate(NO_SIDEWAYS_SCROLL)
        # A unit sits further to the left than the force above it: the tree mirrors.
        nested = page.locator("ul.tree ul.tree > li > .node").first.bounding_box()
        top = page.locator("ul.tree > li > .node").first.bounding_box()
        assert nested["x"] + nested["width"] < top["x"] + top["width"]
        screenshot(page, "actor-chart-arabic-360")
    finally:
        context.close()
