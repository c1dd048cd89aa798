"""Contacts over the API: field staff read approved interlocutors' contacts, and fewer channels."""

import datetime as dt

import pytest
import vobject

from contacts.models import Contact
from tests.api_world import ids
from tests.factories import ContactFactory, MilitaryActorFactory


@pytest.mark.parametrize(
    ("principal", "expected"),
    [
        ("officer", {"contact_approved", "contact_restricted"}),
        ("hct", {"contact_approved", "contact_restricted"}),
        ("field", {"contact_approved"}),
        ("partner", set()),
        ("field_other", set()),
        ("outsider", set()),
    ],
)
def test_each_principal_lists_exactly_the_contacts_they_may_read(world, api, principal, expected):
    assert ids(api(principal).get("/api/v1/contacts/")) == {getattr(world, n).pk for n in expected}


def test_field_staff_do_not_see_contacts_of_undecided_military_actors(world, api):
    force = MilitaryActorFactory(operation=world.operation, name="Navy task group")
    hidden = ContactFactory(actor=force, full_name="Not yet approved")
    assert api("field").get(f"/api/v1/contacts/{hidden.pk}/").status_code == 404
    assert api("officer").get(f"/api/v1/contacts/{hidden.pk}/").status_code == 200


def test_field_staff_get_phone_and_email_but_not_radio_or_satellite(world, api):
    data = api("field").get(f"/api/v1/contacts/{world.contact_approved.pk}/").json()
    assert data["phone"] and data["email"]
    assert data["radio_call_sign"] is None and data["satellite_phone"] is None
    full = api("officer").get(f"/api/v1/contacts/{world.contact_approved.pk}/").json()
    assert full["radio_call_sign"] == "ECHO-9"


def test_an_officer_creates_a_contact_and_field_staff_cannot(world, api):
    body = {
        "operation": world.operation.pk,
        "actor": world.actor_shareable.pk,
        "full_name": "Capt. João Mabunda",
        "position": "liaison_officer",
        "phone": "+258 82 111 2222",
    }
    assert api("field").post("/api/v1/contacts/", body).status_code == 403
    assert not Contact.objects.filter(full_name="Capt. João Mabunda").exists()
    response = api("officer").post("/api/v1/contacts/", body)
    assert response.status_code == 201, response.json()


def test_a_contact_without_any_channel_is_refused_with_a_message(world, api):
    body = {
        "operation": world.operation.pk,
        "actor": world.actor_shareable.pk,
        "full_name": "X",
        "position": "other",
    }
    response = api("officer").post("/api/v1/contacts/", body)
    assert response.status_code == 400
    assert "non_field_errors" in response.json()


def test_the_hct_decides_on_a_contact(world, api):
    url = f"/api/v1/contacts/{world.contact_restricted.pk}/decide-interlocutor/"
    assert api("field").post(url, {"decision": "rejected", "rationale": "No."}).status_code == 404
    response = api("hct").post(url, {"decision": "rejected", "rationale": "Involved in detentions."})
    assert response.status_code == 200
    assert response.json()["interlocutor_status"] == "rejected"


def test_one_contact_as_a_vcard_has_only_the_channels_the_reader_may_see(world, api):
    response = api("field").get(f"/api/v1/contacts/{world.contact_approved.pk}/vcf/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/vcard")
    card = vobject.readOne(response.content.decode())
    assert card.fn.value == "Maj. Ana Silva"
    assert card.tel.value == "+258 84 000 0000"
    assert card.email.value.startswith("cimic")
    assert "x-radio-call-sign" not in card.contents
    officer_card = vobject.readOne(
        api("officer").get(f"/api/v1/contacts/{world.contact_approved.pk}/vcf/").content.decode()
    )
    assert officer_card.contents["x-radio-call-sign"][0].value == "ECHO-9"


def test_the_contact_list_as_vcards_holds_every_readable_contact(world, api):
    response = api("officer").get("/api/v1/contacts/?format=vcf")
    assert response.status_code == 200
    names = {card.fn.value for card in vobject.readComponents(response.getvalue().decode())}
    assert names == {"Maj. Ana Silva", "Col. Secret"}
    field_cards = list(
        vobject.readComponents(api("field").get("/api/v1/contacts/?format=vcf").getvalue().decode())
    )
    assert [card.fn.value for card in field_cards] == ["Maj. Ana Silva"]


def test_a_vcard_of_a_hidden_contact_is_404_in_json(world, api):
    response = api("field").get(f"/api/v1/contacts/{world.contact_restricted.pk}/vcf/")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_is_approved_interlocutor_says_true_exactly_for_the_contacts_field_staff_see(world, api):
    """Every mix of force or civilian organisation, actor decision and contact decision."""
    from itertools import product

    from actors.models import InterlocutorStatus
    from tests.factories import ActorFactory

    statuses = list(InterlocutorStatus.values)

    def decided(status):
        on = None if status == InterlocutorStatus.UNDECIDED else dt.date(2026, 11, 1)
        return {"interlocutor_status": status, "interlocutor_decided_on": on}

    made = {}
    for factory, actor_status, own_status in product(
        [ActorFactory, MilitaryActorFactory], statuses, statuses
    ):
        actor = factory(operation=world.operation, **decided(actor_status))
        made[actor.pk] = ContactFactory(actor=actor, **decided(own_status))
    seen_by_field = ids(api("field").get("/api/v1/contacts/", {"page_size": 200}))
    listed = api("officer").get("/api/v1/contacts/", {"page_size": 200}).json()["results"]
    approved = {row["id"] for row in listed if row["is_approved_interlocutor"]}
    ours = {contact.pk for contact in made.values()}
    assert approved & ours == seen_by_field & ours
    # A civilian organisation's undecided contact is shared: the field says so too.
    assert len(seen_by_field & ours) >= 3
    one = api("officer").get(f"/api/v1/contacts/{min(seen_by_field & ours)}/").json()
    assert one["is_approved_interlocutor"] is True
