"""No page of an operation scrolls sideways on a 360 px phone, for any of the three roles
(issue 11: the cell request pages did)."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from cell.models import CellRequest
from cmcoord.models import Operation
from meetings.models import Meeting
from tests.browser.conftest import sign_in

pytestmark = pytest.mark.browser
PASSWORD = "sideways-pw"
WIDTH = 360
WIDE = f"""() => [...document.querySelectorAll("body *")]
  .filter((e) => e.getBoundingClientRect().right > {WIDTH} + 1)
  .map((e) => e.tagName + "." + e.className + " " + e.textContent.trim().slice(0, 40))"""


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", password=PASSWORD, verbosity=0)
    return Operation.objects.get(country="MOZ")


def pages(operation):
    op = operation.pk
    rfa = CellRequest.objects.filter(operation=operation, kind="assistance").first()
    request = CellRequest.objects.filter(operation=operation).exclude(kind="assistance").first()
    meeting = Meeting.objects.filter(operation=operation).first()
    names = [
        "web:dashboard",
        "actors:list",
        "contacts:list",
        "meetings:list",
        "assets:list",
        "cell:request-list",
        "cell:request-create",
    ]
    urls = [reverse(name, args=[op]) for name in names]
    urls += [obj.get_absolute_url() for obj in (rfa, request, meeting) if obj is not None]
    return urls


@pytest.mark.parametrize("username", ["field", "officer", "hct"])
def test_no_operation_page_scrolls_sideways_at_360_px(chromium, live_server, demo, username):
    context = chromium.new_context(base_url=live_server.url, viewport={"width": WIDTH, "height": 760})
    page = context.new_page()
    page.set_default_timeout(10_000)
    sign_in(page, username, PASSWORD)
    wide = {}
    for url in pages(demo):
        page.goto(url)
        if page.evaluate(f"document.documentElement.scrollWidth > {WIDTH}"):
            wide[url] = page.evaluate(WIDE)[:5]
    context.close()
    assert not wide, wide
