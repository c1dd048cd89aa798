"""The demo seed: two operations built from ``demo_data``, idempotently.

Every record is keyed on its natural name and written through ``reference.upsert`` (validated
with ``full_clean()``, saved only when something changed), so a second run changes nothing but
the passwords it is given. Dates are relative to ``timezone.localdate()``.
"""

import datetime as dt
import unicodedata
from dataclasses import dataclass, field
from decimal import Decimal

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from actors.models import Actor, ActorLink, ActorPresence, InterlocutorStatus, Mandate
from assets.models import AssetDeployment, Dependency
from cell.models import AssistanceRequest, CellRequest
from cmcoord.models import (
    Area,
    EmergencyType,
    GuidelineDocument,
    GuidelineStatus,
    Operation,
    Sector,
    SecurityAssessment,
)
from cmcoord.reference import load_all, upsert
from cmcoord.roles import Role
from cmcoord.services import role_grant
from contacts.models import Contact, InterlocutorDecision
from hns.models import Movement, OrganisationStaff, Relay, RelayKind, StaticSite
from meetings.models import (
    ActionPoint,
    AgendaItem,
    CoordinationForum,
    Decision,
    ForumMember,
    Meeting,
    Participant,
)
from web import demo_data as data

ROLES = {
    data.MOZ_NAME: [("officer", Role.OFFICER), ("hct", Role.HCT), ("field", Role.FIELD_STAFF)],
    data.MWI_NAME: [("field2", Role.FIELD_STAFF)],
}
SUMMARY_MODELS = [
    "cmcoord.Operation", "cmcoord.GuidelineDocument", "cmcoord.Sector", "cmcoord.Area",
    "cmcoord.SecurityAssessment", "cmcoord.User", "actors.Actor", "actors.ActorPresence", "actors.Mandate",
    "actors.ActorLink", "contacts.Contact", "contacts.InterlocutorDecision", "meetings.CoordinationForum",
    "meetings.ForumMember", "meetings.Meeting", "meetings.Participant", "meetings.AgendaItem",
    "meetings.Decision", "meetings.ActionPoint", "cell.CellRequest", "cell.AssistanceRequest",
    "assets.AssetDeployment", "assets.Dependency", "hns.StaticSite", "hns.Movement", "hns.Relay",
]  # fmt: skip


class SeedError(Exception):
    """The seed cannot run as asked."""


@dataclass
class Ctx:
    """What the builders of one operation share."""

    operation: Operation
    today: dt.date
    users: dict
    areas: dict[str, Area]
    sectors: dict[str, Sector]
    actors: dict[str, Actor] = field(default_factory=dict)
    contacts: dict[str, Contact] = field(default_factory=dict)
    meetings: dict[str, Meeting] = field(default_factory=dict)
    assets: dict[str, AssetDeployment] = field(default_factory=dict)

    def day(self, offset: int) -> dt.date:
        return self.today + dt.timedelta(days=offset)

    def at(self, offset: int, hour: int, minute: int = 0) -> dt.datetime:
        """A moment on a day of the operation, in the operation's time zone."""
        return dt.datetime.combine(self.day(offset), dt.time(hour, minute), tzinfo=self.operation.zone)


def seed_demo(password: str | None = None) -> list[tuple[str, int]]:
    """Build (or bring up to date) the demo; return the count of each model afterwards."""
    check_password_needed(password)
    with transaction.atomic():
        load_all()
        users = seed_users(password)
        today = timezone.localdate()
        seed_mozambique(users, today)
        seed_malawi(users, today)
    return [(label, apps.get_model(label).objects.count()) for label in SUMMARY_MODELS]


def check_password_needed(password: str | None) -> None:
    usernames = [row[0] for row in data.USERS]
    existing = set(get_user_model().objects.filter(username__in=usernames).values_list("username", flat=True))
    missing = [name for name in usernames if name not in existing]
    if missing and not password:
        raise SeedError(
            f"The demo users {', '.join(missing)} do not exist yet: give their password with --password."
        )


def seed_users(password: str | None) -> dict:
    """The demo users, saved on every run: the password changes only when one is given."""
    user_model, users = get_user_model(), {}
    for username, first_name, last_name, organisation in data.USERS:
        user = user_model.objects.filter(username=username).first() or user_model(username=username)
        user.first_name, user.last_name, user.organisation = first_name, last_name, organisation
        user.email = f"{username}@example.org"
        user.is_active = True
        user.is_staff = user.is_superuser = username in data.SUPERUSERS
        if password:
            user.set_password(password)
        user.full_clean()
        user.save()
        users[username] = user
    return users


def grant_roles(ctx: Ctx) -> None:
    for username, role in ROLES[ctx.operation.name]:
        role_grant(user=ctx.users[username], operation=ctx.operation, role=role)


# --- Operations -------------------------------------------------------------------------------------


def seed_mozambique(users: dict, today: dt.date) -> Ctx:
    ctx = new_ctx(data.MOZ_NAME, data.MOZ_OPERATION, users, today, approver=users["hct"])
    grant_roles(ctx)
    seed_guidelines(ctx, data.MOZ_GUIDELINES)
    seed_registry(ctx, data.MOZ_ACTORS, data.MOZ_CONTACTS)
    seed_mandates(ctx, data.MOZ_MANDATES)
    seed_links(ctx, data.MOZ_LINKS)
    seed_forum(ctx, data.MOZ_FORUM, data.MOZ_FORUM_MEMBERS, chair=users["officer"])
    seed_meetings(ctx, data.MOZ_MEETINGS, chair=users["officer"])
    seed_action_points(ctx, data.MOZ_ACTION_POINTS)
    seed_assets(ctx, data.MOZ_ASSETS, data.MOZ_DEPENDENCIES)
    seed_security(ctx, data.MOZ_SECURITY)
    seed_concerns(ctx)
    seed_endorsed_rfa(ctx)
    seed_pending_rfa(ctx)
    seed_hns(ctx)
    return ctx


def seed_malawi(users: dict, today: dt.date) -> Ctx:
    ctx = new_ctx(data.MWI_NAME, data.MWI_OPERATION, users, today, approver=None)
    grant_roles(ctx)
    seed_registry(ctx, data.MWI_ACTORS, data.MWI_CONTACTS)
    seed_forum(ctx, data.MWI_FORUM, data.MWI_FORUM_MEMBERS, chair=None)
    seed_meetings(ctx, data.MWI_MEETINGS, chair=None)
    seed_assets(ctx, data.MWI_ASSETS, data.MWI_DEPENDENCIES)
    return ctx


def new_ctx(name: str, spec: dict, users: dict, today: dt.date, *, approver) -> Ctx:
    """The operation itself; its strategy is approved when an approver is given."""
    operation, _ = upsert(
        Operation,
        {"name": name},
        country=spec["country"],
        time_zone=spec["time_zone"],
        emergency_type=EmergencyType.NATURAL,
        start_date=today + dt.timedelta(days=spec["start_offset"]),
        strategy=spec["strategy"],
        strategy_rationale=spec["strategy_rationale"],
        strategy_status="approved" if approver else "draft",
        strategy_approved_by=approver,
        strategy_approved_on=today + dt.timedelta(days=spec["approved_offset"]) if approver else None,
    )
    areas = {a.pcode: a for a in Area.objects.filter(country=spec["country"])}
    sectors = {s.code: s for s in Sector.objects.all()}
    return Ctx(operation=operation, today=today, users=users, areas=areas, sectors=sectors)


def seed_guidelines(ctx: Ctx, rows) -> None:
    for title, issued, url, summary, sensitivity in rows:
        issued_on = ctx.day(issued) if isinstance(issued, int) else dt.date.fromisoformat(issued)
        upsert(
            GuidelineDocument,
            {"operation": ctx.operation, "title": title},
            issued_on=issued_on,
            url=url,
            summary=summary,
            sensitivity=sensitivity,
            # Read by field staff: the demo's documents were approved by its HCT/UNCT member.
            status=GuidelineStatus.APPROVED,
            approved_by=ctx.users.get("hct"),
            approved_on=issued_on,
        )


# --- Actors and contacts ----------------------------------------------------------------------------


def seed_registry(ctx: Ctx, actors, contacts) -> None:
    for spec in actors:
        seed_actor(ctx, dict(spec))
    for spec in contacts:
        seed_contact(ctx, dict(spec))


def seed_actor(ctx: Ctx, spec: dict) -> Actor:
    presences = spec.pop("presences", [])
    decision = spec.pop("interlocutor", None)
    parent = spec.pop("parent", None)
    name = spec.pop("name")
    actor, _ = upsert(
        Actor,
        {"operation": ctx.operation, "name": name},
        parent=ctx.actors[parent] if parent else None,
        **decision_fields(ctx, decision),
        **spec,
    )
    ctx.actors[name] = actor
    record_decision(ctx, decision, actor=actor)
    for pcode, code, activities in presences:
        upsert(
            ActorPresence,
            {"actor": actor, "area": ctx.areas.get(pcode), "sector": ctx.sectors.get(code)},
            activities=activities,
            start_date=ctx.operation.start_date,
        )
    return actor


def decision_fields(ctx: Ctx, decision) -> dict:
    """The interlocutor fields of an actor or contact: (status, days ago, rationale) or None."""
    if decision is None:
        return {
            "interlocutor_status": InterlocutorStatus.UNDECIDED,
            "interlocutor_decided_by": None,
            "interlocutor_decided_on": None,
            "interlocutor_rationale": "",
        }
    status, days_ago, rationale = decision
    return {
        "interlocutor_status": status,
        "interlocutor_decided_by": ctx.users["hct"],
        "interlocutor_decided_on": ctx.day(-days_ago),
        "interlocutor_rationale": rationale,
    }


def record_decision(ctx: Ctx, decision, *, actor=None, contact=None) -> None:
    if decision is None:
        return
    status, _, rationale = decision
    upsert(
        InterlocutorDecision,
        {"operation": ctx.operation, "actor": actor, "contact": contact, "decision": status},
        rationale=rationale,
        decided_by=ctx.users["hct"],
    )


def seed_contact(ctx: Ctx, spec: dict) -> Contact:
    actor = ctx.actors[spec.pop("actor")]
    decision = spec.pop("decision", None)
    domain, verified_ago = spec.pop("domain"), spec.pop("verified_ago")
    name = spec.pop("full_name")
    found, _ = upsert(
        Contact,
        {"actor": actor, "full_name": name},
        operation=ctx.operation,
        email=email_address(name, domain),
        last_verified_on=ctx.day(-verified_ago),
        **decision_fields(ctx, decision),
        **spec,
    )
    ctx.contacts[name] = found
    record_decision(ctx, decision, contact=found)
    return found


def email_address(full_name: str, domain: str) -> str:
    if not domain:
        return ""
    ascii_name = unicodedata.normalize("NFKD", full_name).encode("ascii", "ignore").decode()
    return f"{'.'.join(ascii_name.lower().replace('-', ' ').split())}@{domain}"


def seed_mandates(ctx: Ctx, rows) -> None:
    for actor_name, title, authority, reference, scope, start, until, url in rows:
        upsert(
            Mandate,
            {"actor": ctx.actors[actor_name], "title": title},
            authority=authority,
            reference=reference,
            scope=scope,
            in_force_from=ctx.day(start),
            in_force_until=ctx.day(until) if until is not None else None,
            source_url=url,
        )


def seed_links(ctx: Ctx, rows) -> None:
    for source, target, kind, mechanism, since, sensitivity in rows:
        upsert(
            ActorLink,
            {"source": ctx.actors[source], "target": ctx.actors[target], "kind": kind},
            operation=ctx.operation,
            mechanism=mechanism,
            since=ctx.day(since),
            sensitivity=sensitivity,
        )


# --- The cell: forum, meetings, action points -------------------------------------------------------


def seed_forum(ctx: Ctx, spec: dict, members, *, chair) -> CoordinationForum:
    spec = dict(spec)
    forum, _ = upsert(
        CoordinationForum, {"operation": ctx.operation, "name": spec.pop("name")}, chair=chair, **spec
    )
    for actor_name, representative in members:
        upsert(
            ForumMember,
            {"forum": forum, "actor": ctx.actors[actor_name]},
            representative=ctx.contacts[representative] if representative else None,
        )
    return forum


def seed_meetings(ctx: Ctx, specs, *, chair) -> None:
    for spec in specs:
        meeting = seed_meeting(ctx, spec, chair=chair)
        ctx.meetings[meeting.title] = meeting
        items = {}
        for position, title in enumerate(spec["agenda"], start=1):
            items[position], _ = upsert(AgendaItem, {"meeting": meeting, "position": position}, title=title)
        for position, text in spec.get("decisions", []):
            upsert(Decision, {"meeting": meeting, "text": text}, agenda_item=items.get(position))
        seed_participants(ctx, meeting, spec)


def seed_meeting(ctx: Ctx, spec: dict, *, chair) -> Meeting:
    hour, minute = spec.get("hour", (8, 30))
    starts_at = ctx.at(spec["offset"], hour, minute)
    forum = (
        CoordinationForum.objects.get(operation=ctx.operation, name=spec["forum"])
        if "forum" in spec
        else None
    )
    meeting, _ = upsert(
        Meeting,
        {"operation": ctx.operation, "title": spec["title"]},
        forum=forum,
        kind=spec.get("kind", Meeting.Kind.FORUM_SITTING),
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=1),
        location=spec.get("location", forum.location if forum else ""),
        chair=chair,
        status=spec.get("status", Meeting.Status.SCHEDULED),
        summary=spec.get("summary", ""),
        minutes=data.MINUTES_HEADER + spec["minutes"] if "minutes" in spec else "",
        sensitivity=spec.get("sensitivity", "internal"),
    )
    return meeting


def seed_participants(ctx: Ctx, meeting: Meeting, spec: dict) -> None:
    held = meeting.status == Meeting.Status.HELD
    absent = set(spec.get("absent", []))
    for name in spec.get("contacts", []):
        contact = ctx.contacts[name]
        attended = (name not in absent) if held else None
        upsert(Participant, {"meeting": meeting, "contact": contact}, actor=contact.actor, attended=attended)
    for username in spec.get("users", []):
        attended = True if held else None
        upsert(Participant, {"meeting": meeting, "user": ctx.users[username]}, attended=attended)
    for name in spec.get("actors", []):
        lookup = {"meeting": meeting, "actor": ctx.actors[name], "contact": None, "user": None}
        upsert(Participant, lookup, attended=True if held else None)


def seed_action_points(ctx: Ctx, rows) -> None:
    for title, meeting_title, owner, due, status, note in rows:
        closed = status in (ActionPoint.Status.DONE, ActionPoint.Status.CANCELLED)
        upsert(
            ActionPoint,
            {"operation": ctx.operation, "title": title},
            meeting=ctx.meetings[meeting_title] if meeting_title else None,
            owner=ctx.users[owner],
            due_date=ctx.day(due),
            status=status,
            progress_note=note,
            closed_at=ctx.at(due, 16) if closed else None,
        )


# --- MCDA, dependencies, security -------------------------------------------------------------------


def seed_assets(ctx: Ctx, specs, dependencies) -> None:
    for spec in specs:
        asset, _ = upsert(
            AssetDeployment,
            {"operation": ctx.operation, "name": spec["name"]},
            provider=ctx.actors[spec["provider"]],
            capability=spec["capability"],
            quantity=spec["quantity"],
            base=spec["base"],
            support_type=spec["support_type"],
            deployed_on=ctx.day(spec["deployed"]),
            phase_out_on=ctx.day(spec["phase_out"]),
            status=spec["status"],
            phase_out_plan=spec["plan"],
            focal_point=ctx.users[spec["focal_point"]],
            sensitivity=spec.get("sensitivity", "internal"),
        )
        asset.areas.set([ctx.areas[pcode] for pcode in spec["areas"]])
        asset.sectors.set([ctx.sectors[code] for code in spec["sectors"]])
        ctx.assets[asset.name] = asset
    for asset_name, activity, pcode, code, criticality, provider, description, readiness in dependencies:
        upsert(
            Dependency,
            {"asset": ctx.assets[asset_name], "activity": activity},
            operation=ctx.operation,
            area=ctx.areas[pcode],
            sector=ctx.sectors[code],
            criticality=criticality,
            alternative_provider=provider,
            alternative_description=description,
            alternative_readiness=readiness,
        )


def seed_security(ctx: Ctx, rows) -> None:
    for pcode, level, risks, assessed, sensitivity in rows:
        upsert(
            SecurityAssessment,
            {"operation": ctx.operation, "area": ctx.areas[pcode]},
            level=level,
            association_risks=risks,
            assessed_on=ctx.day(assessed),
            assessed_by=ctx.users["officer"],
            sensitivity=sensitivity,
        )


# --- Cell requests ----------------------------------------------------------------------------------


def cell_request(ctx: Ctx, title: str, **values) -> CellRequest:
    values.setdefault("submitted_by", ctx.users["field"])
    request, _ = upsert(CellRequest, {"operation": ctx.operation, "title": title}, **values)
    return request


def seed_concerns(ctx: Ctx) -> None:
    """An access concern tabled at the next sitting, a security concern, an answered question."""
    next_sitting = ctx.meetings[data.NEXT_SITTING]
    cell_request(
        ctx,
        "Checkpoint on the EN6 at Lamego delays convoys",
        kind=CellRequest.Kind.ACCESS,
        description="Convoys held up to 4 hours at an informal checkpoint; drivers asked for 'fees'.",
        area=ctx.areas["MZ0709"],
        status=CellRequest.Status.TABLED,
        tabled_at=AgendaItem.objects.get(meeting=next_sitting, position=2),
    )
    cell_request(
        ctx,
        "Armed individuals near the Guara-Guara distribution point",
        kind=CellRequest.Kind.SECURITY,
        description="Three armed men in civilian clothes seen at the edge of the site during distribution.",
        area=ctx.areas["MZ0702"],
        sensitivity="restricted",
    )
    cell_request(
        ctx,
        "Which helicopters serve Búzi and how do we request a seat?",
        kind=CellRequest.Kind.INFORMATION,
        description="Our nutrition team needs to reach Estaquinha next week.",
        area=ctx.areas["MZ0702"],
        status=CellRequest.Status.ANSWERED,
        response="HS Falcon flies Búzi daily until its phase-out; send an RFA through the cell by 16:00 the "
        "day before. UNHAS takes over afterwards.",
        responded_by=ctx.users["officer"],
        responded_at=ctx.at(-4, 10),
    )


ENDORSED_CHECKLIST = {
    "civilian_alternatives_tried": "National Roads Administration and two private contractors asked.",
    "why_alternatives_fail": "No bridging equipment in the country before three weeks.",
    "unique_capability": "Military bridging can be installed within five days.",
    "complements_civilian_capacity": True,
    "exit_plan": "60 days; the National Roads Administration takes over the permanent repair.",
}


def seed_endorsed_rfa(ctx: Ctx) -> None:
    """An RFA endorsed by the HCT, accepted by the military and deployed as an asset."""
    done = cell_request(
        ctx,
        "Engineering support to reopen the Búzi road bridge",
        kind=CellRequest.Kind.ASSISTANCE,
        submitted_by=ctx.users["officer"],
        description="The bridge on the Búzi road collapsed; relief convoys cannot reach Búzi town.",
        area=ctx.areas["MZ0702"],
        status=CellRequest.Status.ANSWERED,
        response="Endorsed by the HCT and accepted by JTF Kestrel: Engineer Company Bravo is on site.",
        responded_by=ctx.users["officer"],
        responded_at=ctx.at(-32, 9),
    )
    upsert(
        AssistanceRequest,
        {"cell_request": done},
        requesting_organisation="World Food Programme (Logistics Cluster)",
        requesting_person="Aisha Bello",
        task_type=AssistanceRequest.TaskType.ENGINEERING,
        delivery_location="Búzi road bridge",
        needed_by=ctx.day(-31),
        duration_days=60,
        priority=AssistanceRequest.Priority.LIFE_SUSTAINING,
        **ENDORSED_CHECKLIST,
        endorsement=AssistanceRequest.Endorsement.ENDORSED,
        endorsed_by=ctx.users["hct"],
        endorsed_at=ctx.at(-33, 11),
        endorsement_note="Last resort: no civilian engineering capacity within three weeks.",
        sent_to_actor=ctx.assets[data.BRIDGING].provider,
        sent_at=ctx.at(-33, 14),
        sent_by=ctx.users["officer"],
        military_response=AssistanceRequest.MilitaryResponse.ACCEPTED,
        military_offer="One engineer company with a modular bridge, for 60 days.",
        military_offer_from=ctx.day(-31),
        military_answered_at=ctx.at(-32, 8),
        military_answer_recorded_by=ctx.users["officer"],
        resulting_asset=ctx.assets[data.BRIDGING],
    )


def seed_pending_rfa(ctx: Ctx) -> None:
    """An RFA awaiting the HCT, its last-resort checklist still incomplete."""
    pending = cell_request(
        ctx,
        "Airlift of WASH supplies to Chinde",
        kind=CellRequest.Kind.ASSISTANCE,
        description="Cholera cases in Chinde; the road is cut and the next boat leaves in 10 days.",
        area=ctx.areas["MZ0402"],
    )
    upsert(
        AssistanceRequest,
        {"cell_request": pending},
        requesting_organisation="United Nations Children's Fund",
        requesting_person="Ngozi Eze",
        task_type=AssistanceRequest.TaskType.AIR_TRANSPORT,
        cargo_or_passengers="12 t of water treatment chemicals and hygiene kits",
        pickup_location="Beira airport",
        delivery_location="Chinde airstrip",
        needed_by=ctx.day(4),
        duration_days=3,
        priority=AssistanceRequest.Priority.LIFE_SAVING,
        civilian_alternatives_tried="Commercial charter operators asked; none available this week.",
    )


# --- Humanitarian notifications (HNS) ---------------------------------------------------------------


def seed_hns(ctx: Ctx) -> None:
    """WFP (the field user notifies for it) and MSF notify sites; a WFP convoy to Búzi is relayed to
    the National Armed Forces and JTF Kestrel; the armed forces acknowledged it, JTF not yet."""
    op, officer = ctx.operation, ctx.users["officer"]
    wfp = ctx.actors["World Food Programme"]
    upsert(
        OrganisationStaff, {"operation": op, "user": ctx.users["field"]}, organisation=wfp, added_by=officer
    )
    for organisation, spec in data.MOZ_HNS_SITES:
        upsert(
            StaticSite,
            {"operation": op, "name": spec["name"]},
            organisation=ctx.actors[organisation],
            site_type=spec["type"],
            latitude=Decimal(spec["lat"]),
            longitude=Decimal(spec["lon"]),
            area=ctx.areas[spec["pcode"]],
            valid_from=ctx.day(spec["from"]),
            valid_until=ctx.day(spec["until"]) if spec.get("until") is not None else None,
            focal_point_name=spec["focal_point"],
            focal_point_phone=spec["phone"],
            submitted_by=ctx.users["field"] if organisation == wfp.name else officer,
        )
    spec = data.MOZ_HNS_CONVOY
    convoy, _ = upsert(
        Movement,
        {"operation": op, "title": spec["title"]},
        organisation=wfp,
        mode="road_convoy",
        starts_at=ctx.at(3, 6),
        ends_at=ctx.at(3, 17),
        origin=spec["origin"],
        origin_latitude=Decimal(spec["origin_at"][0]),
        origin_longitude=Decimal(spec["origin_at"][1]),
        destination=spec["destination"],
        destination_latitude=Decimal(spec["destination_at"][0]),
        destination_longitude=Decimal(spec["destination_at"][1]),
        waypoints=spec["waypoints"],
        vehicles=spec["vehicles"],
        cargo_class="food",
        people=spec["people"],
        focal_point_name=spec["focal_point"],
        focal_point_phone=spec["phone"],
        submitted_by=ctx.users["field"],
    )
    for party, acknowledged in [("National Armed Forces", True), (data.JTF, False)]:
        # Found by party, not version: a later run moves the convoy's dates (a new version), and
        # the demo's relay follows it rather than piling up relays of versions nobody notified.
        relay, _ = Relay.objects.update_or_create(
            movement=convoy,
            party=ctx.actors[party],
            kind=RelayKind.NOTIFICATION,
            defaults={
                "operation": op,
                "version": convoy.version,
                "relayed_at": timezone.now() - dt.timedelta(hours=20),
                "relayed_by": officer,
            },
        )
        if acknowledged:
            relay.acknowledged_at = relay.relayed_at + dt.timedelta(hours=3)
            relay.acknowledgement_reference = "FAN-CIMIC-0412"
            relay.acknowledgement_recorded_by = officer
            relay.save()
