"""The HXL exports of each resource: which columns, which hashtags.

Actors: civilian actors fill ``#org+name/+code/+type``, military and paramilitary ones
``#group+name/+code/+type`` (one header row for all: each row fills the set of its category,
and ``#meta+category`` names the category). An actor has one row per presence (area and
sector where it works), the who-does-what-where shape of a 3W; ``#meta+id`` repeats. Related
records the reader may not see are left blank. Contact channels appear only as columns the
reader may see (``contact_channels``), blank on rows of operations where their role hides them.
"""

from cmcoord.api.scoping import visible_ids
from cmcoord.formats.hxl import Column, adm1, adm2, hxl_csv
from cmcoord.permissions import contact_channels


def _actor_columns(get):
    """Name, code and type, split by category: #org for civilians, #group for the military."""

    def pick(military: bool, attr: str):
        def value(row):
            actor = get(row)
            if actor is None or actor.is_military != military:
                return None
            return getattr(actor, attr)

        return value

    return [
        Column("Organisation", "#org+name", pick(False, "name")),
        Column("Organisation acronym", "#org+code", pick(False, "acronym")),
        Column("Organisation type", "#org+type", pick(False, "actor_type")),
        Column("Military group", "#group+name", pick(True, "name")),
        Column("Military acronym", "#group+code", pick(True, "acronym")),
        Column("Military type", "#group+type", pick(True, "actor_type")),
    ]


def _visible(request, model, obj):
    return obj if obj is not None and obj.pk in visible_ids(request, model) else None


def actors_hxl(actors, *, request, view) -> str:
    rows = [(actor, presence) for actor in actors for presence in (list(actor.presences.all()) or [None])]

    def pres(attr):
        return lambda row: getattr(row[1], attr) if row[1] is not None else None

    columns = [
        Column("Actor id", "#meta+id", lambda r: r[0].pk),
        *_actor_columns(lambda r: r[0]),
        Column("Category", "#meta+category", lambda r: r[0].category),
        Column("Country", "#country+code", lambda r: r[0].operation.country),
        Column("Contributing state", "#country+code+contributing", lambda r: r[0].contributing_state),
        Column(
            "Sector", "#sector+cluster+code", lambda r: r[1].sector.code if r[1] and r[1].sector else None
        ),
        Column("Admin 1 P-code", "#adm1+code", lambda r: adm1(r[1].area) if r[1] else None),
        Column("Admin 2 P-code", "#adm2+code", lambda r: adm2(r[1].area) if r[1] else None),
        Column("Activities", "#activity+description", pres("activities")),
        Column("Start", "#date+start", pres("start_date")),
        Column("End", "#date+end", pres("end_date")),
        Column("Interlocutor", "#status+interlocutor", lambda r: r[0].interlocutor_status),
        Column("Updated", "#date+updated", lambda r: r[0].updated_at),
    ]
    return hxl_csv(columns, rows)


CHANNEL_COLUMNS = {
    "phone": Column("Phone", "#contact+phone", lambda c: c.phone),
    "email": Column("E-mail", "#contact+email", lambda c: c.email),
    "satellite_phone": Column("Satellite phone", "#contact+phone+satellite", lambda c: c.satellite_phone),
    "radio_call_sign": Column("Radio call-sign", "#contact+radio", lambda c: c.radio_call_sign),
}


def contacts_hxl(contacts, *, request, view) -> str:
    from actors.models import Actor

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
        *_actor_columns(lambda c: _visible(request, Actor, c.actor)),
        Column("Languages", "#meta+languages", lambda c: c.languages),
        Column("Last verified", "#date+verified", lambda c: c.last_verified_on),
        Column("Interlocutor", "#status+interlocutor", lambda c: c.interlocutor_status),
        Column("Updated", "#date+updated", lambda c: c.updated_at),
    ]
    return hxl_csv(columns, contacts)


def assets_hxl(assets, *, request, view) -> str:
    from actors.models import Actor

    def areas(level):
        return lambda a: sorted({code for area in a.areas.all() if (code := level(area))})

    columns = [
        Column("Asset id", "#meta+id", lambda a: a.pk),
        Column("Asset", "#item+name", lambda a: a.name),
        Column("Capability", "#item+type", lambda a: a.capability),
        Column("Quantity", "#capacity", lambda a: a.quantity),
        *_actor_columns(lambda a: _visible(request, Actor, a.provider)),
        Column("Base", "#loc+name", lambda a: a.base),
        Column("Country", "#country+code", lambda a: a.operation.country),
        Column("Admin 1 P-codes", "#adm1+code", areas(adm1)),
        Column("Admin 2 P-codes", "#adm2+code", areas(adm2)),
        Column("Sectors", "#sector+cluster+code", lambda a: sorted(s.code for s in a.sectors.all())),
        Column("Support type", "#activity+type", lambda a: a.support_type),
        Column("Deployed on", "#date+start", lambda a: a.deployed_on),
        Column("Phase-out date", "#date+end", lambda a: a.phase_out_on),
        Column("Status", "#status", lambda a: a.status),
        Column("Updated", "#date+updated", lambda a: a.updated_at),
    ]
    return hxl_csv(columns, assets)


def dependencies_hxl(dependencies, *, request, view) -> str:
    from assets.models import AssetDeployment

    def asset(d):
        return _visible(request, AssetDeployment, d.asset)

    columns = [
        Column("Dependency id", "#meta+id", lambda d: d.pk),
        Column("Activity", "#activity+name", lambda d: d.activity),
        Column("Asset id", "#meta+asset_id", lambda d: asset(d) and asset(d).pk),
        Column("Asset", "#item+name", lambda d: asset(d) and asset(d).name),
        Column("Country", "#country+code", lambda d: d.operation.country),
        Column("Admin 1 P-code", "#adm1+code", lambda d: adm1(d.area)),
        Column("Admin 2 P-code", "#adm2+code", lambda d: adm2(d.area)),
        Column("Sector", "#sector+cluster+code", lambda d: d.sector.code if d.sector else None),
        Column("Criticality", "#severity", lambda d: d.criticality),
        Column("Alternative provider", "#org+name+alternative", lambda d: d.alternative_provider),
        Column("Alternative readiness", "#status+alternative", lambda d: d.alternative_readiness),
        Column("Asset phase-out date", "#date+end", lambda d: asset(d) and asset(d).phase_out_on),
        Column("Updated", "#date+updated", lambda d: d.updated_at),
    ]
    return hxl_csv(columns, dependencies)


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
    from actors.models import Actor

    columns = [
        Column("Action point id", "#meta+id", lambda a: a.pk),
        Column("Action", "#activity+name", lambda a: a.title),
        Column("Owner", "#contact+name+owner", lambda a: str(a.owner) if a.owner else None),
        *_actor_columns(lambda a: _visible(request, Actor, a.owner_actor)),
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
