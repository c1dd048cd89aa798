"""The data set of issue 15, seeded fast (bulk_create in batches, a fixed random seed).

At scale 1: 5 operations, 100k actors, 100k mandates, 150k presences, 20k actor links, 100k
contacts, 25 forums, 20k meetings (3 agenda items, 4 participants and 1 decision each), 50k
assets, 75k dependencies, 60k action points and 40k cell requests: about 900k rows. BENCH_SCALE
multiplies every count (0.05 for a quick run). Users: officer, hct and field hold their role in
operations 1 and 2; each other operation has its own officer and HCT member; a partner token reads
operation 1. No history rows are written (bulk_create skips them): the history pages are not
benchmarked.
"""

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.utils import timezone

from actors.models import Actor, ActorLink, ActorPresence, Mandate
from assets.models import AssetDeployment, Dependency
from cell.models import CellRequest
from cmcoord.models import Area, Operation, PartnerToken, Sector
from cmcoord.models.tokens import hash_token
from cmcoord.reference import load_all
from cmcoord.roles import Role
from cmcoord.services import role_grant
from contacts.models import Contact
from meetings.models import ActionPoint, AgendaItem, CoordinationForum, Decision, Meeting, Participant

SEED = 15
ASSET_NAMES = ["Helicopter", "C-130", "Field hospital", "Engineers", "Trucks"]
BATCH = 5000
OPERATIONS = 5
PASSWORD = "bench-password-not-secret"  # noqa: S105 (a throw-away bench database on loopback)
PARTNER_KEY = "cmp_bench_partner_key_for_the_benchmark_only_0123456789abcdef"

COUNTS = {
    "actors": 100_000,
    "presences": 150_000,
    "links": 20_000,
    "contacts": 100_000,
    "meetings": 20_000,
    "assets": 50_000,
    "dependencies": 75_000,
    "action_points": 60_000,
    "cell_requests": 40_000,
}
CATEGORY_TYPES = {
    "domestic_civilian": ["government", "local_authority", "national_ngo", "civil_defence"],
    "domestic_military": ["armed_forces", "police", "gendarmerie", "border_customs"],
    "international_civilian": ["un_agency", "ingo", "donor", "red_cross"],
    "foreign_military": ["armed_forces", "un_peacekeeping"],
}
WORDS = [
    "Beira",
    "Nampula",
    "Pemba",
    "Quelimane",
    "Tete",
    "Chimoio",
    "Maputo",
    "Lichinga",
    "Inhambane",
    "Xai-Xai",
    "Búzi",
    "Dondo",
    "Nhamatanda",
    "logistics",
    "relief",
    "water",
    "health",
    "shelter",
    "food",
    "protection",
    "airlift",
    "convoy",
    "liaison",
    "engineering",
    "medical",
    "brigade",
    "battalion",
    "regiment",
    "company",
    "detachment",
    "task",
    "force",
    "support",
    "unit",
    "coordination",
]


def marker(scale: float) -> str:
    return f"Bench operation 1 (scale {scale:g})"


def seeded(scale: float) -> bool:
    if Operation._meta.db_table not in connection.introspection.table_names():
        return False
    return Operation.objects.filter(name=marker(scale)).exists()


def sensitivity(rng) -> str:
    roll = rng.random()
    return "shareable" if roll < 0.3 else "internal" if roll < 0.85 else "restricted"


def words(rng, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def bulk(model, rows, batch=BATCH):
    """Save an iterable of unsaved instances in batches; returns their ids (PostgreSQL returns them)."""
    ids, pending = [], []
    for row in rows:
        pending.append(row)
        if len(pending) >= batch:
            ids += [obj.pk for obj in model.objects.bulk_create(pending)]
            pending = []
    if pending:
        ids += [obj.pk for obj in model.objects.bulk_create(pending)]
    return ids


def split(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


def seed(scale: float, log=print) -> dict:
    rng = random.Random(SEED)
    today = timezone.localdate()
    n = {key: max(1, int(value * scale)) for key, value in COUNTS.items()}
    load_all()
    sectors = list(Sector.objects.values_list("pk", flat=True))
    user_model = get_user_model()

    def user(username):
        account = user_model(username=username, email=f"{username}@example.org", first_name=username.title())
        account.set_password(PASSWORD)
        account.save()
        return account

    with transaction.atomic():
        countries = list(Area.objects.values_list("country", flat=True).distinct()) or ["MOZ"]
        operations = []
        for i in range(OPERATIONS):
            name = marker(scale) if i == 0 else f"Bench operation {i + 1}"
            operations.append(
                Operation.objects.create(
                    name=name,
                    country=countries[i % len(countries)],
                    time_zone="Africa/Maputo",
                    emergency_type="natural_disaster",
                    start_date=today - dt.timedelta(days=200),
                )
            )
        officer, hct, field = user("officer"), user("hct"), user("field")
        people = {"officer": officer, "hct": hct, "field": field}
        for operation in operations[:2]:
            role_grant(user=officer, operation=operation, role=Role.OFFICER)
            role_grant(user=hct, operation=operation, role=Role.HCT)
            role_grant(user=field, operation=operation, role=Role.FIELD_STAFF)
        officers = {operations[0].pk: officer, operations[1].pk: officer}
        for i, operation in enumerate(operations[2:], start=3):
            officers[operation.pk] = user(f"officer{i}")
            role_grant(user=officers[operation.pk], operation=operation, role=Role.OFFICER)
            role_grant(user=user(f"hct{i}"), operation=operation, role=Role.HCT)
        PartnerToken.objects.create(
            operation=operations[0],
            name="Bench partner",
            key_hash=hash_token(PARTNER_KEY),
            key_prefix=PARTNER_KEY[:12],
            created_by=officer,
            expires_at=timezone.now() + dt.timedelta(days=300),
        )
    areas = {
        op.pk: list(Area.objects.filter(country=op.country).values_list("pk", flat=True)) for op in operations
    }

    per_op = {key: split(value, OPERATIONS) for key, value in n.items()}
    actors_of, contacts_of, approved_contacts_of = {}, {}, {}
    for index, operation in enumerate(operations):
        op = operation.pk
        log(f"  operation {index + 1}: actors")

        def actor_rows(count=per_op["actors"][index], op=op):
            for i in range(count):
                category = rng.choice(list(CATEGORY_TYPES))
                approved = rng.random() < 0.4
                yield Actor(
                    operation_id=op,
                    name=f"{words(rng, 2).title()} {i}",
                    acronym=f"A{i}",
                    category=category,
                    actor_type=rng.choice(CATEGORY_TYPES[category]),
                    sensitivity=sensitivity(rng),
                    interlocutor_status="approved" if approved else "undecided",
                    interlocutor_decided_on=today - dt.timedelta(days=10) if approved else None,
                )

        actors = bulk(Actor, actor_rows())
        actors_of[op] = actors
        bulk(
            Mandate,
            (
                Mandate(
                    actor_id=actor,
                    title=words(rng, 4).capitalize(),
                    authority=rng.choice(["unsc_resolution", "host_nation_request", "bilateral_agreement"]),
                    scope=words(rng, 12),
                    in_force_from=today - dt.timedelta(days=rng.randint(30, 900)),
                    sensitivity=sensitivity(rng),
                )
                for actor in actors
            ),
        )
        bulk(
            ActorPresence,
            (
                ActorPresence(
                    actor_id=rng.choice(actors),
                    area_id=rng.choice(areas[op]) if areas[op] else None,
                    sector_id=rng.choice(sectors),
                    activities=words(rng, 6),
                )
                for _ in range(per_op["presences"][index])
            ),
        )
        pairs = (
            {tuple(rng.sample(actors, 2)) for _ in range(per_op["links"][index])}
            if len(actors) > 1
            else set()
        )
        bulk(
            ActorLink,
            (
                ActorLink(
                    operation_id=op, source_id=a, target_id=b, kind="liaison", sensitivity=sensitivity(rng)
                )
                for a, b in pairs
            ),
        )
        log(f"  operation {index + 1}: contacts")
        contact_rows = []
        for i in range(per_op["contacts"][index]):
            approved = rng.random() < 0.5
            contact_rows.append(
                Contact(
                    operation_id=op,
                    actor_id=actors[i % len(actors)],
                    full_name=f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()} {i}",
                    position=rng.choice(["cimic_officer", "liaison_officer", "focal_point", "commander"]),
                    phone=f"+25884{i:07d}",
                    email=f"contact{op}-{i}@example.org",
                    interlocutor_status="approved" if approved else "undecided",
                    interlocutor_decided_on=today - dt.timedelta(days=5) if approved else None,
                    sensitivity=sensitivity(rng),
                )
            )
        contacts = bulk(Contact, contact_rows)
        contacts_of[op] = contacts
        approved_contacts_of[op] = [
            c for c, row in zip(contacts, contact_rows, strict=True) if row.interlocutor_status == "approved"
        ]
        del contact_rows

        log(f"  operation {index + 1}: meetings")
        forums = bulk(
            CoordinationForum,
            (
                CoordinationForum(
                    operation_id=op, name=f"Forum {i}", kind="cmcoord_cell", sensitivity="internal"
                )
                for i in range(5)
            ),
        )
        meeting_count = per_op["meetings"][index]
        starts = [
            timezone.now() + dt.timedelta(hours=rng.randint(-24 * 200, 24 * 60)) for _ in range(meeting_count)
        ]
        meetings = bulk(
            Meeting,
            (
                Meeting(
                    operation_id=op,
                    forum_id=rng.choice(forums),
                    kind="forum_sitting",
                    title=f"{words(rng, 3).capitalize()} {i}",
                    starts_at=start,
                    ends_at=start + dt.timedelta(hours=2),
                    status="held" if start < timezone.now() else "scheduled",
                    summary=words(rng, 20),
                    minutes=words(rng, 40),
                    sensitivity=sensitivity(rng),
                )
                for i, start in enumerate(starts)
            ),
        )
        items = bulk(
            AgendaItem,
            (AgendaItem(meeting_id=m, position=p, title=words(rng, 4)) for m in meetings for p in (1, 2, 3)),
        )
        bulk(
            Decision,
            (
                Decision(meeting_id=m, agenda_item_id=items[3 * i], text=words(rng, 12))
                for i, m in enumerate(meetings)
            ),
        )
        bulk(
            Participant,
            (
                participant
                for m in meetings
                for participant in (
                    Participant(meeting_id=m, actor_id=rng.choice(actors)),
                    Participant(meeting_id=m, actor_id=rng.choice(actors)),
                    Participant(meeting_id=m, contact_id=rng.choice(contacts)),
                    Participant(meeting_id=m, user_id=officers[op].pk),
                )
            ),
        )

        log(f"  operation {index + 1}: assets")
        asset_rows = []
        for i in range(per_op["assets"][index]):
            deployed = today - dt.timedelta(days=rng.randint(100, 300))
            asset_rows.append(
                AssetDeployment(
                    operation_id=op,
                    name=f"{rng.choice(ASSET_NAMES)} {i}",
                    provider_id=rng.choice(actors),
                    capability=rng.choice(["helicopter", "fixed_wing", "engineering", "ground_transport"]),
                    quantity=rng.randint(1, 6),
                    support_type=rng.choice(["direct", "indirect", "infrastructure"]),
                    deployed_on=deployed,
                    # Most are due for a reminder: phasing out within 30 days, or overdue.
                    phase_out_on=today + dt.timedelta(days=rng.randint(-60, 40)),
                    status=rng.choice(["deployed", "deployed", "deployed", "phasing_out"]),
                    focal_point_id=field.pk if index < 2 and rng.random() < 0.3 else None,
                    sensitivity=sensitivity(rng),
                )
            )
        assets = bulk(AssetDeployment, asset_rows)
        del asset_rows
        bulk(
            Dependency,
            (
                Dependency(
                    operation_id=op,
                    asset_id=assets[i % len(assets)],
                    activity=f"{words(rng, 3).capitalize()} {i}",
                    area_id=rng.choice(areas[op]) if areas[op] else None,
                    sector_id=rng.choice(sectors),
                    criticality=rng.choice(["low", "medium", "high", "critical"]),
                    alternative_provider="WFP road convoy",
                    alternative_readiness=rng.choice(["none", "identified", "arranged", "ready"]),
                    sensitivity=sensitivity(rng),
                )
                for i in range(per_op["dependencies"][index])
            ),
        )

        log(f"  operation {index + 1}: action points and cell requests")

        def action_points(count=per_op["action_points"][index], op=op, index=index, meetings=meetings):
            for i in range(count):
                done = rng.random() < 0.3
                owner = field.pk if index < 2 and rng.random() < 0.2 else officers[op].pk
                yield ActionPoint(
                    operation_id=op,
                    meeting_id=rng.choice(meetings),
                    title=f"{words(rng, 4).capitalize()} {i}",
                    owner_id=owner,
                    due_date=today + dt.timedelta(days=rng.randint(-60, 60)),
                    status="done" if done else "open",
                    closed_at=timezone.now() if done else None,
                )

        bulk(ActionPoint, action_points())
        bulk(
            CellRequest,
            (
                CellRequest(
                    operation_id=op,
                    kind=rng.choice(["access", "security", "information"]),
                    title=f"{words(rng, 4).capitalize()} {i}",
                    description=words(rng, 30),
                    area_id=rng.choice(areas[op]) if areas[op] else None,
                    submitted_by_id=field.pk if index < 2 and rng.random() < 0.3 else officers[op].pk,
                    sensitivity=rng.choice(["internal", "restricted"]),
                )
                for i in range(per_op["cell_requests"][index])
            ),
        )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"operations": [op.pk for op in operations], **people}
