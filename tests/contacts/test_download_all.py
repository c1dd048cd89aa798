"""All the contacts one may read, as one vCard file from the contacts page, for a phone's address
book; a contact field staff may not read is not in it."""

import re

import pytest

from actors.models import InterlocutorStatus
from tests.factories import ActorFactory, ContactFactory, MilitaryActorFactory
from tests.pages import page

pytestmark = pytest.mark.django_db


def test_field_staff_download_every_contact_they_see_and_no_other(client, field, operation):
    approved = MilitaryActorFactory(
        operation=operation,
        interlocutor_status=InterlocutorStatus.APPROVED,
        interlocutor_decided_on="2026-04-01",
    )
    ContactFactory(operation=operation, actor=approved, full_name="Maj. Ana Tembe")
    ContactFactory(operation=operation, actor=ActorFactory(operation=operation), full_name="Rui Nhantumbo")
    ContactFactory(
        operation=operation, actor=MilitaryActorFactory(operation=operation), full_name="Col. Hidden"
    )
    client.force_login(field)

    listing = client.get(page("contacts:list", operation)).content.decode()
    link = re.search(r'<a href="([^"]+format=vcf)" download>', listing).group(1).replace("&amp;", "&")
    cards = client.get(link)

    assert cards.status_code == 200 and cards["Content-Type"].startswith("text/vcard")
    names = re.findall(r"^FN:([^\r\n]*)", cards.getvalue().decode(), re.M)
    assert sorted(names) == sorted(re.findall(r"Maj\. Ana Tembe|Rui Nhantumbo|Col\. Hidden", listing))
    assert "Col. Hidden" not in names and "Maj. Ana Tembe" in names
