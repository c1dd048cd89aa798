"""An officer on a phone (360 px) edits a meeting's agenda and participants, section by section,
then prints the record and downloads it as a Word document."""

import pytest
from django.core.management import call_command
from docx import Document

from cmcoord.models import Operation
from meetings.models import Meeting
from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser
PASSWORD = "meeting-record-pw"
ITEM = "Road access to Búzi after the floods"


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", password=PASSWORD, verbosity=0)
    return Operation.objects.get(country="MOZ")


def _no_sideways_scroll(page):
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def _save(page):
    page.click("main form[method=post] button[type=submit]")
    page.wait_for_load_state()


def test_an_officer_edits_agenda_and_participants_on_a_phone_then_prints_and_downloads(
    chromium, live_server, demo
):
    meeting = Meeting.objects.filter(operation=demo).order_by("pk").first()
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 360, "height": 740}, accept_downloads=True
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    try:
        sign_in(page, "officer", PASSWORD)
        base = f"/operations/{demo.pk}/meetings/{meeting.pk}"

        # The agenda section: a new item in the first empty row.
        page.goto(f"{base}/edit/agenda/")
        _no_sideways_scroll(page)
        row = meeting.agenda_items.count()
        page.fill(f"#id_agenda-{row}-title", ITEM)
        _save(page)
        assert "saved" in page.inner_text(".messages")
        assert meeting.agenda_items.filter(title=ITEM).exists()

        # The participants section, without script's help: the organisation first, then its person.
        page.goto(f"{base}/edit/participants/")
        _no_sideways_scroll(page)
        options = page.locator("#add-from-actor option")
        chosen = None
        for index in range(1, options.count()):
            value = options.nth(index).get_attribute("value")
            page.select_option("#add-from-actor", value)
            page.click("button:has-text('List its people')")
            page.wait_for_load_state()
            extra = meeting.participants.count()
            people = page.locator(f"#id_participant-{extra}-contact option")
            if people.count() > 1:
                chosen = people.nth(1).get_attribute("value")
                label = people.nth(1).inner_text()
                break
        assert chosen, "no organisation with people in the demo"
        assert " — " in label  # "Name — Organisation"
        page.select_option(f"#id_participant-{extra}-contact", chosen)
        screenshot(page, "meeting-participants-360")
        _save(page)
        assert "saved" in page.inner_text(".messages")
        added = meeting.participants.get(contact_id=int(chosen))
        assert added.actor_id == int(value)
        _no_sideways_scroll(page)

        # The record on paper: the print view, black on white, no navigation; the meeting page's
        # own navigation and forms are hidden when printed too.
        page.goto(f"{base}/")
        page.emulate_media(media="print")
        assert not page.locator("header.top").is_visible()
        assert not page.locator("nav.opnav").is_visible()
        page.emulate_media(media="screen")
        page.click("text=Print the record")
        page.wait_for_load_state()
        assert ITEM in page.inner_text("main")
        _no_sideways_scroll(page)
        page.emulate_media(media="print")
        assert not page.locator(".noprint").first.is_visible()
        assert page.evaluate("getComputedStyle(document.body).color") == "rgb(0, 0, 0)"
        pdf = page.pdf()
        assert pdf.startswith(b"%PDF")
        page.emulate_media(media="screen")

        # ... and as a Word document to attach to an e-mail.
        with page.expect_download() as info:
            page.click("text=Download as a Word document (.docx)")
        download = info.value
        assert download.suggested_filename.startswith(f"meeting-{meeting.pk}-")
        assert download.suggested_filename.endswith(".docx")
        document = Document(str(download.path()))
        text = "\n".join(p.text for p in document.paragraphs)
        assert ITEM in text and meeting.title in text
    finally:
        context.close()
