"""The HXL exports of meetings and action points. An owning actor the reader may not see is left
blank; minutes are never exported (the summary is)."""

from django.utils.translation import gettext as _

from actors.exports import actor_columns
from actors.models import Actor
from cmcoord.formats.hxl import Column, hxl_csv, visible_related_of


def meetings_hxl(meetings, *, request, view) -> str:
    columns = [
        Column(_("Meeting id"), "#meta+id", lambda m: m.pk),
        Column(_("Title"), "#event+name", lambda m: m.title),
        Column(_("Kind"), "#event+type", lambda m: m.kind),
        Column(_("Starts"), "#date+start", lambda m: m.starts_at),
        Column(_("Ends"), "#date+end", lambda m: m.ends_at),
        Column(_("Location"), "#loc+name", lambda m: m.location),
        Column(_("Status"), "#status", lambda m: m.status),
        Column(_("Summary"), "#description+summary", lambda m: m.summary),
        Column(_("Updated"), "#date+updated", lambda m: m.updated_at),
    ]
    return hxl_csv(columns, meetings)


def action_points_hxl(action_points, *, request, view) -> str:
    columns = [
        Column(_("Action point id"), "#meta+id", lambda a: a.pk),
        Column(_("Action"), "#activity+name", lambda a: a.title),
        Column(_("Owner"), "#contact+name+owner", lambda a: str(a.owner) if a.owner else None),
        *actor_columns(visible_related_of(request, Actor, lambda a: a.owner_actor)),
        Column(_("Due"), "#date+due", lambda a: a.due_date),
        Column(_("Status"), "#status", lambda a: a.status),
        Column(_("Progress"), "#description+progress", lambda a: a.progress_note),
        Column(_("Updated"), "#date+updated", lambda a: a.updated_at),
    ]
    return hxl_csv(columns, action_points)
