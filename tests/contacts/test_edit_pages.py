"""An officer keeps the contacts: who to call in each actor, and how to reach them."""

from contacts.models import Contact
from tests.factories import ContactFactory, MilitaryActorFactory
from tests.pages import form_errors, page

CONTACT = {
    "full_name": "Ana Sitoe",
    "rank_or_title": "Maj.",
    "position": "cimic_officer",
    "position_detail": "J9, Joint Task Force HQ",
    "phone": "+258 84 123 4567",
    "email": "a.sitoe@example.mil",
    "radio_call_sign": "ECHO-2",
    "languages": "Portuguese, English",
    "last_verified_on": "2026-04-02",
    "sensitivity": "internal",
}


def test_a_new_contact_from_an_actors_page_starts_with_that_actor(browser, operation):
    actor = MilitaryActorFactory(operation=operation)
    response = browser.get(page("contacts:create", operation) + f"?actor={actor.pk}")
    assert response.context["form"]["actor"].value() == actor.pk


def test_an_officer_creates_a_contact_and_sees_it_on_its_page(browser, operation, officer):
    actor = MilitaryActorFactory(operation=operation, name="Joint Task Force South")
    response = browser.post(page("contacts:create", operation), {**CONTACT, "actor": actor.pk}, follow=True)
    contact = Contact.objects.get(full_name="Ana Sitoe")
    assert (contact.operation, contact.actor) == (operation, actor)
    assert response.redirect_chain[-1][0] == page("contacts:detail", operation, pk=contact.pk)
    body = response.content.decode()
    assert "Maj. Ana Sitoe" in body and "ECHO-2" in body
    assert contact.history.get().history_user == officer


def test_an_officer_edits_a_contact(browser, operation):
    contact = ContactFactory(actor=MilitaryActorFactory(operation=operation), full_name="Ana Sitoe")
    browser.post(
        page("contacts:update", operation, pk=contact.pk),
        {**CONTACT, "actor": contact.actor_id, "phone": "+258 86 999 0000"},
    )
    contact.refresh_from_db()
    assert contact.phone == "+258 86 999 0000"
    detail = browser.get(page("contacts:detail", operation, pk=contact.pk)).content.decode()
    assert "+258 86 999 0000" in detail


def test_editing_details_leaves_the_interlocutor_decision_alone(browser, operation):
    contact = ContactFactory(
        actor=MilitaryActorFactory(operation=operation),
        interlocutor_status="approved",
        interlocutor_decided_on="2026-04-01",
    )
    browser.post(
        page("contacts:update", operation, pk=contact.pk),
        {**CONTACT, "actor": contact.actor_id, "interlocutor_status": "rejected"},
    )
    contact.refresh_from_db()
    assert contact.interlocutor_status == "approved"


def test_a_contact_with_no_way_to_reach_them_is_explained_and_not_saved(browser, operation):
    actor = MilitaryActorFactory(operation=operation)
    data = {**CONTACT, "actor": actor.pk, "phone": "", "email": "", "radio_call_sign": ""}
    response = browser.post(page("contacts:create", operation), data)
    assert form_errors(response)["__all__"] == [
        "Give at least one way to reach this person (phone, e-mail, satellite phone or call-sign)."
    ]
    assert not Contact.objects.exists()


def test_an_actor_of_another_operation_is_a_form_error(browser, operation, other_operation):
    foreign = MilitaryActorFactory(operation=other_operation)
    response = browser.post(page("contacts:create", operation), {**CONTACT, "actor": foreign.pk})
    assert "Select a valid choice" in form_errors(response)["actor"][0]
    assert not Contact.objects.exists()


def test_an_officer_deletes_a_contact(browser, operation):
    contact = ContactFactory(actor=MilitaryActorFactory(operation=operation))
    response = browser.post(page("contacts:delete", operation, pk=contact.pk))
    assert response["Location"] == page("contacts:list", operation)
    assert not Contact.objects.exists()
