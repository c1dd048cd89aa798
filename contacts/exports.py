"""The contacts' HXL export. Contact channels appear only as columns the reader may see
(``contacts.rules.contact_channels``), blank on rows of operations where their role hides them;
an actor the reader may not see is left blank.
"""

from actors.exports import actor_columns
from actors.models import Actor
from cmcoord.formats.hxl import Column, hxl_csv, visible_related_of
from contacts.rules import contact_channels

CHANNEL_COLUMNS = {
    "phone": Column("Phone", "#contact+phone", lambda c: c.phone),
    "email": Column("E-mail", "#contact+email", lambda c: c.email),
    "satellite_phone": Column("Satellite phone", "#contact+phone+satellite", lambda c: c.satellite_phone),
    "radio_call_sign": Column("Radio call-sign", "#contact+radio", lambda c: c.radio_call_sign),
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
        Column("Contact id", "#meta+id", lambda c: c.pk),
        Column("Name", "#contact+name", lambda c: c.full_name),
        Column("Rank or title", "#contact+title", lambda c: c.rank_or_title),
        Column("Position", "#contact+role", lambda c: c.position),
        *[channel(name) for name in shown],
        *actor_columns(visible_related_of(request, Actor, lambda c: c.actor)),
        Column("Languages", "#meta+languages", lambda c: c.languages),
        Column("Last verified", "#date+verified", lambda c: c.last_verified_on),
        Column("Interlocutor", "#status+interlocutor", lambda c: c.interlocutor_status),
        Column("Updated", "#date+updated", lambda c: c.updated_at),
    ]
    return hxl_csv(columns, contacts)
