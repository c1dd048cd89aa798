"""An officer renames an actor on a phone, then finds the change (name before → after) in the
operation's history from the actor's page, and nothing scrolls sideways at 360 px."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from actors.models import Actor
from cmcoord.models import Operation
from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser
PASSWORD = "history-pw"
WIDTH = 360


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", password=PASSWORD, verbosity=0)
    return Operation.objects.get(country="MOZ")


def test_an_officer_finds_the_rename_of_an_actor_in_the_history(chromium, live_server, demo):
    actor = Actor.objects.filter(operation=demo).order_by("pk").first()
    old_name, new_name = actor.name, f"{actor.name} (renamed)"
    context = chromium.new_context(base_url=live_server.url, viewport={"width": WIDTH, "height": 760})
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        sign_in(page, "officer", PASSWORD)
        page.goto(reverse("actors:update", args=[demo.pk, actor.pk]))
        page.fill("#id_name", new_name)
        page.click("main button[type=submit]")
        page.wait_for_url(lambda url: url.rstrip("/").endswith(f"/actors/{actor.pk}"))
        page.click("text=History of this record")
        page.wait_for_selector("table.history")
        text = page.inner_text("table.history")
        assert f"{old_name} → {new_name}" in text
        screenshot(page, "history-at-360")
        assert page.evaluate(f"document.documentElement.scrollWidth <= {WIDTH}")
        page.goto(reverse("web:history", args=[demo.pk]))
        assert new_name in page.inner_text("table.history")
        assert page.evaluate(f"document.documentElement.scrollWidth <= {WIDTH}")
    finally:
        context.close()
