"""A restricted contact shared with one person shows that contact, not the restricted actor it
works for: not on its page, in the list, in its vCard or in the vCard list."""

import pytest
from django.urls import reverse

from cmcoord.models import Sensitivity
from cmcoord.services import record_share
from tests.factories import ContactFactory, MilitaryActorFactory

pytestmark = pytest.mark.django_db
SECRET_UNIT = "Task Force Osprey"


@pytest.fixture
def shared(operation, officer, field):
    unit = MilitaryActorFactory(operation=operation, name=SECRET_UNIT, sensitivity=Sensitivity.RESTRICTED)
    contact = ContactFactory(actor=unit, full_name="Maj. Rui Tembe", sensitivity=Sensitivity.RESTRICTED)
    record_share(record=contact, user=field, by=officer)
    return contact


def test_the_shared_contact_is_readable_without_its_restricted_actor(client, field, shared):
    client.force_login(field)
    page = client.get(shared.get_absolute_url()).content.decode()
    assert "Maj. Rui Tembe" in page and SECRET_UNIT not in page
    listing = client.get(reverse("contacts:list", args=[shared.operation_id])).content.decode()
    assert "Maj. Rui Tembe" in listing and SECRET_UNIT not in listing
    card = client.get(reverse("api:contact-vcf", args=[shared.pk])).content.decode()
    assert "Tembe" in card and SECRET_UNIT not in card
    cards = client.get("/api/v1/contacts/", {"format": "vcf"}).getvalue().decode()
    assert "Tembe" in cards and SECRET_UNIT not in cards


def test_officers_still_see_the_actor(client, officer, shared):
    client.force_login(officer)
    assert SECRET_UNIT in client.get(shared.get_absolute_url()).content.decode()
    assert SECRET_UNIT in client.get(reverse("api:contact-vcf", args=[shared.pk])).content.decode()
