"""What of the contacts people find from the operation's search box (``cmcoord.site_search``).

Call-signs and satellite numbers are searched only for those who read them (``contact_channels``).
"""

from django.utils.translation import gettext_lazy as _

from cmcoord import site_search
from contacts.models import Contact
from contacts.rules import contact_channels


def _reads(channel):
    return lambda principal, operation_id: channel in contact_channels(principal, operation_id)


def register() -> None:
    site_search.register(
        "contacts",
        model=Contact,
        label=_("Contacts"),
        fields={
            "full_name": "A",
            "rank_or_title": "B",
            "position_detail": "B",
            "radio_call_sign": "C",
            "notes": "D",
        },
        masked={"radio_call_sign": _reads("radio_call_sign")},
        meta=lambda contact: contact.get_position_display(),
    )
