"""An officer imports a spreadsheet on a phone-sized screen: upload, preview, confirm."""

import pytest
from django.core.management import call_command

from actors.models import Actor
from cmcoord.models import Operation
from tests.browser.conftest import screenshot, sign_in
from tests.imports.conftest import FILES

pytestmark = pytest.mark.browser
PASSWORD = "demo-import-pw"


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", password=PASSWORD, verbosity=0)
    return Operation.objects.get(country="MOZ")


def test_an_officer_uploads_previews_and_confirms(page, demo):
    before = Actor.objects.filter(operation=demo).count()
    sign_in(page, "officer", PASSWORD)
    page.goto(f"/operations/{demo.pk}/actors/")
    page.click("text=Import from a spreadsheet")
    assert page.is_checked("input[name=kind][value=actors]")
    page.set_input_files("input[type=file]", str(FILES / "actors_mixed.csv"))
    page.click("main button[type=submit]")

    page.wait_for_selector("h1:has-text('Import preview')")
    screenshot(page, "import-preview")
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert "F (Admin 2 P-code)" in page.content()
    assert "To update" in page.content()  # the demo knows MSF already: matched, not duplicated
    assert Actor.objects.filter(operation=demo).count() == before  # nothing written yet

    page.click("text=Confirm the import")
    assert "choose to skip them" in page.content()
    page.check("input[name=skip_invalid]")
    page.click("text=Confirm the import")

    page.wait_for_selector("h1:has-text('Import done')")
    assert Actor.objects.filter(operation=demo, acronym="MSF").count() == 1
    assert Actor.objects.filter(operation=demo).count() == before
