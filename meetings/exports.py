"""The HXL exports of meetings, action points and cell requests. An owning actor the reader may
not see is left blank; minutes are never exported (the summary is)."""

from actors.exports import actor_columns
from actors.models import Actor
from cmcoord.formats.hxl import Column, adm1, adm2, hxl_csv, visible_related_of


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


def cell_requests_hxl(requests, *, request, view) -> str:
    def rfa(attr):
        return lambda r: getattr(r.rfa, attr) if hasattr(r, "rfa") else None

    columns = [
        Column("Request id", "#meta+id", lambda r: r.pk),
        Column("Kind", "#meta+kind", lambda r: r.kind),
        Column("Title", "#description+title", lambda r: r.title),
        Column("Country", "#country+code", lambda r: r.operation.country),
        Column("Admin 1 P-code", "#adm1+code", lambda r: adm1(r.area)),
        Column("Admin 2 P-code", "#adm2+code", lambda r: adm2(r.area)),
        Column("Status", "#status", lambda r: r.status),
        Column("Submitted", "#date+reported", lambda r: r.created_at),
        Column("Task type", "#activity+type", rfa("task_type")),
        Column("Priority", "#severity+priority", rfa("priority")),
        Column("Needed by", "#date+needed", rfa("needed_by")),
        Column("Endorsement", "#status+endorsement", rfa("endorsement")),
        Column("Updated", "#date+updated", lambda r: r.updated_at),
    ]
    return hxl_csv(columns, requests)
