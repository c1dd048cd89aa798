"""The contacts' HXL export. Contact channels appear only as columns the reader may see
(``contacts.rules.contact_channels``), blank on rows of operations where their role hides them;
an actor the reader may not see is left blank.
"""

from django.utils.translation import gettext_lazy as _

from actors.exports import actor_columns
from actors.models import Actor
from cmcoord.formats.hxl import Column, hxl_csv, visible_related_of
from contacts.rules import contact_channels

CHANNEL_COLUMNS = {
    "phone": Column(_("Phone"), "#contact+phone", lambda c: c.phone),
    "email": Column(_("E-mail"), "#contact+email", lambda c: c.email),
    "satellite_phone": Column(_("Satellite phone"), "#contact+phone+satellite", lambda c: c.satellite_phone),
    "radio_call_sign": Column(_("Radio call-sign"), "#contact+radio", lambda c: c.radio_call_sign),
}


def contacts_hxl(contacts, *, request, view) -> str:
    principal = request.user
    allowed = {op: set(contact_channels(principal, op)) for op in {c.operation_id for c in contacts}}
    shown = [name for name in CHANNEL_COLUMNS if any(name in chans for chans in allowed.values())]

    def channel(name):
        column = CHANNEL_COLUMNS[name]
        return Column(
            column.header,
            column.tag,
            lambda c: column.value(c) if name in allowed[c.operation_id] else None,
        )

    columns = [
        Column(_("Contact id"), "#meta+id", lambda c: c.pk),
        Column(_("Name"), "#contact+name", lambda c: c.full_name),
        Column(_("Rank or title"), "#contact+title", lambda c: c.rank_or_title),
        Column(_("Position"), "#contact+role", lambda c: c.position),
        *[channel(name) for name in shown],
        *actor_columns(visible_related_of(request, Actor, lambda c: c.actor)),
        Column(_("Languages"), "#meta+languages", lambda c: c.languages),
        Column(_("Last verified"), "#date+verified", lambda c: c.last_verified_on),
        Column(_("Interlocutor"), "#status+interlocutor", lambda c: c.interlocutor_status),
        Column(_("Updated"), "#date+updated", lambda c: c.updated_at),
    ]
    return hxl_csv(columns, contacts)
