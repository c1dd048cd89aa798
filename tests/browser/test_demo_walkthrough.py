"""A walk through the demo on a phone-sized screen, as field staff and as the HCT would."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from actors.models import Actor
from cmcoord.models import Operation
from contacts.models import Contact
from meetings.models import Meeting
from tests.browser.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser
PASSWORD = "demo-walkthrough-pw"


@pytest.fixture
def demo(transactional_db):
    call_command("seed_demo", password=PASSWORD, verbosity=0)
    return Operation.objects.get(country="MOZ")


def test_field_staff_see_only_what_their_role_allows(page, demo):
    hidden_contacts = Contact.objects.filter(operation=demo).exclude(pk__in=_field_contact_ids(demo))
    restricted_actor = Actor.objects.filter(operation=demo, sensitivity="restricted").first()
    sign_in(page, "field", PASSWORD)
    assert demo.name in page.content()
    assert "Floods Response" not in page.content()  # field is not in the Malawi operation

    page.click(f"text={demo.name}")
    page.click("nav.opnav >> text=Contacts")
    contacts_page = page.content()
    screenshot(page, "field-contacts")
    for contact in hidden_contacts:
        assert contact.full_name not in contacts_page
    assert "Call-sign" not in contacts_page and "KESTREL" not in contacts_page

    page.click("nav.opnav >> text=Actors")
    assert restricted_actor.name not in page.content()
    assert "Members" not in page.locator("nav.opnav").inner_text()

    held = Meeting.objects.filter(operation=demo, sensitivity="internal").exclude(minutes="").first()
    page.goto(held.get_absolute_url())
    assert held.summary.splitlines()[0][:40] in page.content()
    assert held.minutes.splitlines()[0][:40] not in page.content()


def test_an_hct_approval_shows_the_contacts_to_field_staff(page, chromium, live_server, demo):
    actor = (
        Actor.objects.filter(
            operation=demo,
            interlocutor_status="undecided",
            category__in=["domestic_military", "foreign_military"],
            sensitivity="internal",
        )
        .exclude(contacts=None)
        .first()
    )
    contact = actor.contacts.filter(sensitivity="internal", interlocutor_status="undecided").first()
    sign_in(page, "hct", PASSWORD)
    page.goto(actor.get_absolute_url())
    page.click("text=Decide as interlocutor")
    page.check("input[value=approved]")
    page.fill("textarea[name=rationale]", "Controls the corridor we need for the airlift.")
    page.click("text=Record decision")
    assert "Decision recorded" in page.content()
    screenshot(page, "hct-decision")

    field = chromium.new_context(base_url=live_server.url).new_page()
    sign_in(field, "field", PASSWORD)
    field.goto(reverse("contacts:list", args=[demo.pk]))
    assert contact.full_name in field.content()
    field.context.close()


def _field_contact_ids(operation):
    from cmcoord.models import User

    return (
        Contact.objects.for_user(User.objects.get(username="field")).filter(operation=operation).values("pk")
    )
