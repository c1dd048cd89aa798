"""Each role's main journey in each language on a 360 px phone, in Debian's Chromium (issue 9).

The browser asks for the language (Accept-Language); nobody picks one. At every step the page
says lang="<language>", nothing scrolls sideways, and a few of its labels read in that language
from the real catalog (locale/) while their English originals are gone.
"""

import re
from base64 import b32decode

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from actors.models import Actor
from cell.models import AssistanceRequest, CellRequest
from cmcoord.models import Operation, User
from meetings.models import Meeting
from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser
PASSWORD = "role-journeys-pw"
WIDTH = 360


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", password=PASSWORD, verbosity=0)
    return Operation.objects.get(country="MOZ")


BROWSER_LOCALES = {"fr": "fr-FR", "es": "es-CO", "ar": "ar-SD", "pt": "pt-MZ"}


@pytest.fixture(params=list(BROWSER_LOCALES))
def phone(request, chromium, live_server):
    """A phone whose browser speaks one of our languages (French, Spanish, Arabic, Portuguese)."""
    language, locale = request.param, BROWSER_LOCALES[request.param]
    context = chromium.new_context(
        base_url=live_server.url,
        locale=locale,
        extra_http_headers={"Accept-Language": f"{locale},{language}"},
        viewport={"width": WIDTH, "height": 760},
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.cmcoord_language = language
    yield page
    context.close()


# The body's text without the choices of drop-down lists, which hold data (actor names) too.
INTERFACE_TEXT = """() => {
  const body = document.body.cloneNode(true);
  body.querySelectorAll("select").forEach((s) => s.remove());
  document.documentElement.appendChild(body);
  const text = body.innerText;
  body.remove();
  return text;
}"""
# What sticks out when something does: the elements whose right edge passes the screen's.
WIDE = f"""() => [...document.querySelectorAll("body *")]
  .filter((e) => e.getBoundingClientRect().right > {WIDTH})
  .map((e) => e.tagName + "." + e.className + " " + Math.round(e.getBoundingClientRect().right)
       + " " + e.textContent.slice(0, 60))"""


def in_language(page, *msgids):
    """The page is in the browser's language, fits 360 px, and shows these labels translated,
    not in English. A msgid is a string or (context, msgid) for a label with a translation context.
    """
    language = page.cmcoord_language
    assert page.get_attribute("html", "lang") == language, page.url
    assert page.evaluate(f"document.documentElement.scrollWidth <= {WIDTH}"), (page.url, page.evaluate(WIDE))
    text = page.evaluate(INTERFACE_TEXT)
    for msgid in msgids:
        with translation.override(language):
            if isinstance(msgid, tuple):
                context, msgid = msgid
                translated = translation.pgettext(context, msgid)
            else:
                translated = translation.gettext(msgid)
        assert translated != msgid, f"no {language} for {msgid!r}"
        assert translated in text, f"{translated!r} missing on {page.url}"
        # Whole words: Spanish "Calendario" is not the English "Calendar".
        assert not re.search(rf"(?<!\w){re.escape(msgid)}(?!\w)", text), f"English {msgid!r} on {page.url}"


def sign_in(page, username):
    """Sign in through the French pages; an officer or HCT member enrols in two-factor on the way."""
    page.goto("/login/")
    in_language(page, "Sign in", "Username", "Password")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")  # not the header's language switcher
    page.wait_for_url(lambda url: "/login/" not in url)
    if "/account/two-factor/setup/" in page.url:
        from django_otp.oath import totp

        secret = page.inner_text("#totp-secret").replace(" ", "")
        page.fill("#id_code", f"{totp(b32decode(secret)):06d}")
        page.click("main button[type=submit]")  # not the header's "Sign out" button
        page.wait_for_selector("#recovery-codes")
        in_language(page, "I have saved them: continue")
        page.click("main a.button")
        page.wait_for_url(lambda url: "/account/two-factor/" not in url)
    in_language(page, "Sign out")


NAV = ["Overview", "Actors", "Meetings", "Requests"]


def test_field_staff_send_an_access_concern_in_their_language(phone, demo):
    page = phone
    sign_in(page, "field")
    page.goto(demo.get_absolute_url())
    in_language(page, *NAV)

    page.click("nav.opnav a[href$='/requests/']")
    in_language(page, "My requests to the cell", "Send a request or concern")
    page.click("main a.button")
    in_language(page, "Send a request or concern to the UN-CMCoord cell", "Send")
    page.select_option("#id_kind", "access")
    page.fill("#id_title", "Poste de contrôle à Nhamatanda")
    page.fill("#id_description", "Camions retenus six heures.")
    page.click("main form button[type=submit]")
    page.wait_for_url(lambda url: "/requests/new/" not in url)
    sent = CellRequest.objects.get(title="Poste de contrôle à Nhamatanda")
    assert sent.kind == "access" and sent.submitted_by.username == "field"
    in_language(page, *NAV)
    screenshot(page, f"{page.cmcoord_language}-field-request")

    page.goto(demo.get_absolute_url() + "requests/")
    in_language(page, "My requests to the cell")
    assert "Poste de contrôle à Nhamatanda" in page.inner_text("main")

    page.click("header a[href='/notifications/']")
    in_language(page, "E-mail preferences", "Sign out")


def test_an_officer_adds_an_actor_and_reads_a_meeting_in_their_language(phone, demo):
    page = phone
    sign_in(page, "officer")
    page.goto(demo.get_absolute_url() + "actors/")
    in_language(page, *NAV, "New actor", ("verb", "Filter"))

    page.click("main a.button")
    in_language(page, *NAV, "Save", "Cancel")
    page.fill("#id_name", "Croix-Rouge du Mozambique")
    page.select_option("#id_category", "domestic_civilian")
    page.select_option("#id_actor_type", "national_ngo")
    page.click("main form button[type=submit]")
    page.wait_for_url(lambda url: "/actors/new/" not in url)
    actor = Actor.objects.get(name="Croix-Rouge du Mozambique", operation=demo)
    assert page.url.endswith(actor.get_absolute_url())
    in_language(page, *NAV, "Add a mandate", "Category", "Mandates", "None recorded.")
    screenshot(page, f"{page.cmcoord_language}-officer-actor")

    page.click("nav.opnav a[href$='/meetings/']")
    in_language(page, *NAV, "Upcoming meetings", "New meeting")
    meeting = Meeting.objects.filter(operation=demo).first()
    page.goto(meeting.get_absolute_url())
    assert meeting.title in page.inner_text("main")
    in_language(page, *NAV, "Calendar", "Add to my calendar (.ics)")


def test_an_hct_member_declines_an_rfa_in_their_language(phone, demo):
    request = CellRequest.objects.create(
        operation=demo,
        submitted_by=User.objects.get(username="field"),
        kind="assistance",
        title="Pont aérien vers Buzi",
        description="Vivres pour 3 000 personnes.",
        status="triaged",  # the cell has triaged it: the HCT/UNCT decides now
    )
    AssistanceRequest.objects.create(
        cell_request=request,
        requesting_organisation="PAM",
        requesting_person="A. Macuácua",
        task_type="air_transport",
        needed_by=timezone.localdate(),
        duration_days=2,
        priority="life_saving",
    )
    page = phone
    sign_in(page, "hct")
    page.goto(request.get_absolute_url())
    in_language(page, *NAV, "Request for military assistance", "Record HCT/UNCT decision", "Decline")

    page.check("input[value=decline]")
    page.fill("textarea[name=note]", "Un affrètement civil est disponible vendredi.")
    page.click("text=" + _translated(page, "Record HCT/UNCT decision"))
    page.wait_for_load_state()
    in_language(page, *NAV, "Declined.")
    assert "Un affrètement civil est disponible vendredi." in page.inner_text("main")
    assert AssistanceRequest.objects.get(cell_request=request).endorsement == "declined"
    screenshot(page, f"{page.cmcoord_language}-hct-decision")


def _translated(page, msgid):
    with translation.override(page.cmcoord_language):
        return translation.gettext(msgid)
