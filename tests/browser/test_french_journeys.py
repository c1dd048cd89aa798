"""Each role's main journey in French on a 360 px phone, in Debian's Chromium (issue 9, point 7).

The browser asks for French (Accept-Language: fr-FR,fr); nobody picks a language. At every step the
page says lang="fr", nothing scrolls sideways, and a few of its labels read in French from the real
catalog (locale/fr) while their English originals are gone.
"""

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
PASSWORD = "french-journeys-pw"
WIDTH = 360


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", password=PASSWORD, verbosity=0)
    return Operation.objects.get(country="MOZ")


@pytest.fixture
def fr_page(chromium, live_server):
    context = chromium.new_context(
        base_url=live_server.url,
        locale="fr-FR",
        extra_http_headers={"Accept-Language": "fr-FR,fr"},
        viewport={"width": WIDTH, "height": 760},
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
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


def in_french(page, *msgids):
    """The page is French, fits 360 px, and shows these labels translated, not in English.

    A msgid is a string or (context, msgid) for a label with a translation context.
    """
    assert page.get_attribute("html", "lang") == "fr", page.url
    assert page.evaluate(f"document.documentElement.scrollWidth <= {WIDTH}"), (page.url, page.evaluate(WIDE))
    text = page.evaluate(INTERFACE_TEXT)
    for msgid in msgids:
        with translation.override("fr"):
            if isinstance(msgid, tuple):
                context, msgid = msgid
                french = translation.pgettext(context, msgid)
            else:
                french = translation.gettext(msgid)
        assert french != msgid, f"no French for {msgid!r}"
        assert french in text, f"{french!r} missing on {page.url}"
        assert msgid not in text, f"English {msgid!r} on {page.url}"


def sign_in_in_french(page, username):
    """Sign in through the French pages; an officer or HCT member enrols in two-factor on the way."""
    page.goto("/login/")
    in_french(page, "Sign in", "Username", "Password")
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
        in_french(page, "I have saved them: continue")
        page.click("main a.button")
        page.wait_for_url(lambda url: "/account/two-factor/" not in url)
    in_french(page, "Sign out")


NAV = ["Overview", "Actors", "Meetings", "Requests"]


def test_field_staff_send_an_access_concern_in_french(fr_page, demo):
    page = fr_page
    sign_in_in_french(page, "field")
    page.goto(demo.get_absolute_url())
    in_french(page, *NAV)

    page.click("nav.opnav a[href$='/requests/']")
    in_french(page, "My requests to the cell", "Send a request or concern")
    page.click("main a.button")
    in_french(page, "Send a request or concern to the UN-CMCoord cell", "Send")
    page.select_option("#id_kind", "access")
    page.fill("#id_title", "Poste de contrôle à Nhamatanda")
    page.fill("#id_description", "Camions retenus six heures.")
    page.click("main form button[type=submit]")
    page.wait_for_url(lambda url: "/requests/new/" not in url)
    sent = CellRequest.objects.get(title="Poste de contrôle à Nhamatanda")
    assert sent.kind == "access" and sent.submitted_by.username == "field"
    in_french(page, *NAV)
    screenshot(page, "french-field-request")

    page.goto(demo.get_absolute_url() + "requests/")
    in_french(page, "My requests to the cell")
    assert "Poste de contrôle à Nhamatanda" in page.inner_text("main")

    page.click("header a[href='/notifications/']")
    in_french(page, "E-mail preferences", "Sign out")


def test_an_officer_adds_an_actor_and_reads_a_meeting_in_french(fr_page, demo):
    page = fr_page
    sign_in_in_french(page, "officer")
    page.goto(demo.get_absolute_url() + "actors/")
    in_french(page, *NAV, "New actor", ("verb", "Filter"))

    page.click("main a.button")
    in_french(page, *NAV, "Save", "Cancel")
    page.fill("#id_name", "Croix-Rouge du Mozambique")
    page.select_option("#id_category", "domestic_civilian")
    page.select_option("#id_actor_type", "national_ngo")
    page.click("main form button[type=submit]")
    page.wait_for_url(lambda url: "/actors/new/" not in url)
    actor = Actor.objects.get(name="Croix-Rouge du Mozambique", operation=demo)
    assert page.url.endswith(actor.get_absolute_url())
    in_french(page, *NAV, "Add a mandate", "Category", "Mandates", "None recorded.")
    screenshot(page, "french-officer-actor")

    page.click("nav.opnav a[href$='/meetings/']")
    in_french(page, *NAV, "Upcoming meetings", "New meeting")
    meeting = Meeting.objects.filter(operation=demo).first()
    page.goto(meeting.get_absolute_url())
    assert meeting.title in page.inner_text("main")
    in_french(page, *NAV, "Calendar", "Add to my calendar (.ics)")


def test_an_hct_member_declines_an_rfa_in_french(fr_page, demo):
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
    page = fr_page
    sign_in_in_french(page, "hct")
    page.goto(request.get_absolute_url())
    in_french(page, *NAV, "Request for military assistance", "Record HCT/UNCT decision", "Decline")

    page.check("input[value=decline]")
    page.fill("textarea[name=note]", "Un affrètement civil est disponible vendredi.")
    page.click("text=" + _fr("Record HCT/UNCT decision"))
    page.wait_for_load_state()
    in_french(page, *NAV, "Declined.")
    assert "Un affrètement civil est disponible vendredi." in page.inner_text("main")
    assert AssistanceRequest.objects.get(cell_request=request).endorsement == "declined"
    screenshot(page, "french-hct-decision")


def _fr(msgid):
    with translation.override("fr"):
        return translation.gettext(msgid)
