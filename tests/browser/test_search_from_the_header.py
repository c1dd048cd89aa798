"""Field staff on a 360 px phone search "buzi" from the header of an operation page and open a
record named "Búzi": the box is labelled, works without JavaScript, and nothing scrolls sideways."""

import pytest
from django.core.management import call_command

from cmcoord.models import Operation
from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser
PASSWORD = "search-pw"
WIDTH = 360


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", password=PASSWORD, verbosity=0)
    return Operation.objects.get(country="MOZ")


def test_field_staff_search_from_the_header_at_360_px(chromium, live_server, demo):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": WIDTH, "height": 760}, java_script_enabled=False
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    sign_in(page, "field", PASSWORD)
    page.goto(f"/operations/{demo.pk}/actors/")
    box = page.get_by_role("searchbox", name="Search this operation")
    box.fill("BUZI")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    page.wait_for_url(lambda url: "/search/?q=BUZI" in url)
    assert page.locator("h1").inner_text() == "Results for “BUZI”"
    assert page.evaluate(f"document.documentElement.scrollWidth <= {WIDTH}")
    screenshot(page, "search-360")
    headings = page.locator("section.search-group h2").all_inner_texts()
    assert any(h.startswith("Actors") for h in headings), headings
    first = page.locator("section.search-group").filter(has_text="Actors").locator("ul a").first
    name = first.inner_text()
    assert "Búzi" in name
    first.click()
    page.wait_for_url(lambda url: "/actors/" in url)
    assert name in page.locator("h1").inner_text()
    context.close()
