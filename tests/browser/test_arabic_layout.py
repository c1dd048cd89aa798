"""Arabic pages read right to left: on a phone and on a desktop, nothing scrolls sideways and the
operation's navigation starts on the right (issue 9)."""

import pytest
from django.core.management import call_command

from cmcoord.models import Operation
from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser
PASSWORD = "arabic-layout-pw"

NO_SIDEWAYS_SCROLL = "document.documentElement.scrollWidth <= document.documentElement.clientWidth"


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", password=PASSWORD, verbosity=0)
    return Operation.objects.get(country="MOZ")


@pytest.mark.parametrize("width", [360, 1280])
def test_the_arabic_dashboard_mirrors_and_fits(chromium, live_server, demo, width):
    # The browser speaks Arabic (Accept-Language: ar); the user chose nothing.
    context = chromium.new_context(
        base_url=live_server.url, locale="ar", viewport={"width": width, "height": 800}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        sign_in(page, "field", PASSWORD)
        page.goto(demo.get_absolute_url())
        assert page.get_attribute("html", "dir") == "rtl"
        assert page.get_attribute("html", "lang") == "ar"
        assert page.evaluate(NO_SIDEWAYS_SCROLL)
        links = page.locator("nav.opnav a")
        first, last = links.first.bounding_box(), links.last.bounding_box()
        nav = page.locator("nav.opnav").bounding_box()
        # The first link sits at the navigation's right edge; on a wide screen, right of the last.
        assert abs((first["x"] + first["width"]) - (nav["x"] + nav["width"])) < 2
        if width >= 1280:
            assert first["x"] > last["x"]
        # The language switcher is on the page and the pages it leads to fit too.
        assert page.locator("select[name=language] option[lang=ar]").count() == 1
        for path in ["actors/", "meetings/", "requests/new/"]:
            page.goto(demo.get_absolute_url() + path)
            assert page.evaluate(NO_SIDEWAYS_SCROLL), path
        screenshot(page, f"arabic-{width}")
    finally:
        context.close()
