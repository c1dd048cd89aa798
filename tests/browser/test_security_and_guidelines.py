"""An officer keeps the country guidelines and the security context on a 360 px phone: uploads a
guideline, replaces its file, archives it, and records a security assessment."""

import pytest
from django.core.management import call_command

from cmcoord.models import GuidelineDocument, Operation, SecurityAssessment
from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser
PASSWORD = "demo-guidelines-pw"
PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", password=PASSWORD, verbosity=0)
    return Operation.objects.get(country="MOZ")


def _fits(page):
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_an_officer_uploads_replaces_archives_and_records_an_assessment(chromium, live_server, demo):
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        sign_in(page, "officer", PASSWORD)
        page.goto(f"/operations/{demo.pk}/")
        page.click("nav.opnav >> text=Guidelines")
        page.click("text=New guideline document")
        page.fill("#id_title", "Beira corridor liaison guidance")
        page.fill("#id_issued_on", "2026-11-20")
        # A file whose content is not what its name says: refused, with what was typed kept.
        page.set_input_files(
            "#id_upload", {"name": "guidance.pdf", "mimeType": "application/pdf", "buffer": b"MZ\x90"}
        )
        page.click("main form.record-form button[type=submit]")
        page.wait_for_selector("#error-summary")
        assert "not one of the accepted types" in page.content()
        assert page.input_value("#id_title") == "Beira corridor liaison guidance"
        assert not GuidelineDocument.objects.filter(title__startswith="Beira corridor").exists()

        page.set_input_files(
            "#id_upload", {"name": "guidance.pdf", "mimeType": "application/pdf", "buffer": PDF}
        )
        page.click("main form.record-form button[type=submit]")
        page.wait_for_selector("text=created as a draft")
        document = GuidelineDocument.objects.get(title="Beira corridor liaison guidance")
        assert "/media/" not in page.content() and _fits(page)
        screenshot(page, "guideline-detail-360")
        with page.expect_download() as download:
            page.click("main dl.facts >> text=guidance.pdf")
        assert download.value.suggested_filename == "guidance.pdf"

        old_name = document.file.name
        page.click("text=Edit or replace the file")
        page.set_input_files(
            "#id_upload",
            {"name": "guidance-rev2.pdf", "mimeType": "application/pdf", "buffer": PDF + b"%rev2\n"},
        )
        page.click("main form.record-form button[type=submit]")
        page.wait_for_selector("text=saved")
        document.refresh_from_db()
        assert document.file_name == "guidance-rev2.pdf" and not document.file.storage.exists(old_name)
        assert "guidance-rev2.pdf" in page.content()

        page.click("text=Archive this document")
        page.wait_for_selector("text=Restore as current")
        page.click("nav.opnav >> text=Guidelines")
        archived = page.inner_text("main").split("Archived documents")[1]
        assert "Beira corridor liaison guidance" in archived and _fits(page)
        screenshot(page, "guideline-list-360")

        page.click("nav.opnav >> text=Security")
        page.click("text=New security assessment")
        sofala = page.eval_on_selector(
            "#id_area", "s => [...s.options].find(o => o.text.startsWith('Sofala (')).value"
        )
        page.select_option("#id_area", sofala)
        page.select_option("#id_level", "4")
        page.fill("#id_association_risks", "Convoys with military escorts were stopped at Dondo.")
        assert _fits(page)
        page.click("main form.record-form button[type=submit]")
        page.wait_for_selector("text=recorded")
        assessment = SecurityAssessment.objects.get(association_risks__startswith="Convoys with military")
        assert assessment.level == 4 and assessment.assessed_by.username == "officer"
        page.click("text=Security context by area")
        current = page.inner_text("main").split("Earlier assessments")[0]
        assert "Convoys with military escorts were stopped at Dondo." in current and _fits(page)
        screenshot(page, "security-list-360")
    finally:
        context.close()
