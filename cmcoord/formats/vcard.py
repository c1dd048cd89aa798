"""vCard 3.0 for contacts, with only the channels the reader may see.

``channels`` comes from ``cmcoord.permissions.contact_channels``: field staff get phone and
e-mail; officers and HCT also satellite phone and radio call-sign.
"""

import datetime as dt

import vobject
from django.utils.translation import gettext as _

from .text import one_line, property_text


def contact_vcard(contact, channels, organisation=None) -> str:
    """``organisation``: the contact's actor if the reader may see it (else the card names none)."""
    card = vobject.vCard()
    card.add("uid").value = f"contact-{contact.pk}@cmcoord"
    full_name = property_text(contact.full_name)
    card.add("fn").value = full_name
    given, _space, family = full_name.rpartition(" ")
    card.add("n").value = vobject.vcard.Name(family=family or full_name, given=given)
    if organisation is not None:
        card.add("org").value = [property_text(organisation.name)]
    title = " ".join(part for part in (contact.rank_or_title, contact.position_detail) if part)
    card.add("title").value = property_text(title or contact.get_position_display())
    card.add("role").value = contact.get_position_display()
    if "phone" in channels and contact.phone:
        tel = card.add("tel")
        tel.value, tel.type_param = one_line(contact.phone), "WORK"
    if "satellite_phone" in channels and contact.satellite_phone:
        tel = card.add("tel")
        tel.value, tel.type_param = one_line(contact.satellite_phone), "X-SATELLITE"
    if "email" in channels and contact.email:
        email = card.add("email")
        email.value, email.type_param = one_line(contact.email), "INTERNET"
    if "radio_call_sign" in channels and contact.radio_call_sign:
        card.add("x-radio-call-sign").value = one_line(contact.radio_call_sign)
    notes = []
    if contact.languages:
        notes.append(_("Languages: %(languages)s") % {"languages": contact.languages})
    if contact.last_verified_on:
        notes.append(_("Last verified on %(date)s") % {"date": contact.last_verified_on.isoformat()})
    if notes:
        card.add("note").value = property_text(". ".join(notes))
    card.add("rev").value = contact.updated_at.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return card.serialize()


def contacts_vcards(contacts, channels_of, organisation_of) -> str:
    """Several cards in one file; ``channels_of`` and ``organisation_of`` answer for each contact."""
    return "".join(contact_vcard(c, channels_of(c), organisation_of(c)) for c in contacts)
