"""The actors' HXL export: one row per presence (area and sector where the actor works), the
who-does-what-where shape of a 3W; ``#meta+id`` repeats.

Civilian actors fill ``#org+name/+code/+type``, military and paramilitary ones
``#group+name/+code/+type`` (one header row for all: each row fills the set of its category,
and ``#meta+category`` names the category). Other apps' exports name an actor with
``actor_columns``.
"""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cmcoord.formats.hxl import Column, adm1, adm2, hxl_csv


def actor_columns(get):
    """Name, code and type, split by category: #org for civilians, #group for the military."""

    def pick(military: bool, attr: str):
        def value(row):
            actor = get(row)
            if actor is None or actor.is_military != military:
                return None
            return getattr(actor, attr)

        return value

    return [
        Column(_("Organisation"), "#org+name", pick(False, "name")),
        Column(_("Organisation acronym"), "#org+code", pick(False, "acronym")),
        Column(_("Organisation type"), "#org+type", pick(False, "actor_type")),
        Column(_("Military group"), "#group+name", pick(True, "name")),
        Column(_("Military acronym"), "#group+code", pick(True, "acronym")),
        Column(_("Military type"), "#group+type", pick(True, "actor_type")),
    ]


def actors_hxl(actors, *, request, view) -> str:
    rows = [(actor, presence) for actor in actors for presence in (list(actor.presences.all()) or [None])]

    def pres(attr):
        return lambda row: getattr(row[1], attr) if row[1] is not None else None

    columns = [
        Column(_("Actor id"), "#meta+id", lambda r: r[0].pk),
        *actor_columns(lambda r: r[0]),
        Column(_("Category"), "#meta+category", lambda r: r[0].category),
        Column(_("Country"), "#country+code", lambda r: r[0].operation.country),
        Column(_("Contributing state"), "#country+code+contributing", lambda r: r[0].contributing_state),
        Column(
            _("Sector"), "#sector+cluster+code", lambda r: r[1].sector.code if r[1] and r[1].sector else None
        ),
        Column(_("Admin 1 P-code"), "#adm1+code", lambda r: adm1(r[1].area) if r[1] else None),
        Column(_("Admin 2 P-code"), "#adm2+code", lambda r: adm2(r[1].area) if r[1] else None),
        Column(_("Activities"), "#activity+description", pres("activities")),
        Column(pgettext_lazy("start date", "Start"), "#date+start", pres("start_date")),
        Column(pgettext_lazy("end date", "End"), "#date+end", pres("end_date")),
        Column(_("Interlocutor"), "#status+interlocutor", lambda r: r[0].interlocutor_status),
        Column(_("Updated"), "#date+updated", lambda r: r[0].updated_at),
    ]
    return hxl_csv(columns, rows)
