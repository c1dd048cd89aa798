"""The HXL exports of meetings and action points. An owning actor the reader may not see is left
blank; minutes are never exported (the summary is)."""

from actors.exports import actor_columns
from actors.models import Actor
from cmcoord.formats.hxl import Column, hxl_csv, visible_related_of


def meetings_hxl(meetings, *, request, view) -> str:
    columns = [
        Column("Meeting id", "#meta+id", lambda m: m.pk),
        Column("Title", "#event+name", lambda m: m.title),
        Column("Kind", "#event+type", lambda m: m.kind),
        Column("Starts", "#date+start", lambda m: m.starts_at),
        Column("Ends", "#date+end", lambda m: m.ends_at),
        Column("Location", "#loc+name", lambda m: m.location),
        Column("Status", "#status", lambda m: m.status),
        Column("Summary", "#description+summary", lambda m: m.summary),
        Column("Updated", "#date+updated", lambda m: m.updated_at),
    ]
    return hxl_csv(columns, meetings)


def action_points_hxl(action_points, *, request, view) -> str:
    columns = [
        Column("Action point id", "#meta+id", lambda a: a.pk),
        Column("Action", "#activity+name", lambda a: a.title),
        Column("Owner", "#contact+name+owner", lambda a: str(a.owner) if a.owner else None),
        *actor_columns(visible_related_of(request, Actor, lambda a: a.owner_actor)),
        Column("Due", "#date+due", lambda a: a.due_date),
        Column("Status", "#status", lambda a: a.status),
        Column("Progress", "#description+progress", lambda a: a.progress_note),
        Column("Updated", "#date+updated", lambda a: a.updated_at),
    ]
    return hxl_csv(columns, action_points)
