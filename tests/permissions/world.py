"""A small operation with one record of each kind and sensitivity, and every kind of principal.

Every restricted record, and every field that only officers and HCT may read, carries
CANARY, so a test can look for it in any response to anyone who may not see it.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.test import Client
from django.utils import timezone

from actors.models import ActorLink, ActorPresence, InterlocutorStatus
from assets.models import AssetDeployment
from cell.models import AssistanceRequest, CellRequest
from cmcoord.models import GuidelineDocument, GuidelineStatus, Notification, SecurityAssessment, Sensitivity
from cmcoord.roles import Role
from cmcoord.services import partner_token_create, record_share, role_grant
from contacts.models import InterlocutorQuestion
from hns.models import HnsSettings
from hns.services import acknowledge, incident_record, relay, staff_set
from imports.models import ImportBatch
from meetings.models import AgendaItem, Decision, Participant
from tests.factories import (
    TODAY,
    ActionPointFactory,
    ActorFactory,
    AreaFactory,
    AssetFactory,
    CellRequestFactory,
    ContactFactory,
    DependencyFactory,
    ForumFactory,
    MandateFactory,
    MeetingFactory,
    MilitaryActorFactory,
    MovementFactory,
    OperationFactory,
    SectorFactory,
    StaticSiteFactory,
    UserFactory,
)

CANARY = "CANARY-7f3a9"
R, INTERNAL, S = Sensitivity.RESTRICTED, Sensitivity.INTERNAL, Sensitivity.SHAREABLE
PRINCIPALS = ["anonymous", "outsider", "field", "field_other", "officer", "hct", "partner", "admin"]
MAY_SEE_RESTRICTED = {"officer", "hct", "admin"}


@dataclass
class World:
    objects: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    partner_key: str = ""

    def __getattr__(self, name):
        try:
            return self.objects[name]
        except KeyError:
            raise AttributeError(name) from None

    def client(self, principal: str) -> Client:
        if principal == "partner":
            return Client(HTTP_AUTHORIZATION=f"Token {self.partner_key}")
        client = Client()
        if principal != "anonymous":
            client.force_login(self.users[principal])
        return client


def build_world() -> World:
    world = World()
    op = OperationFactory(name="Cyclone Response Mozambique 2026")
    other = OperationFactory(name="Floods Response Malawi 2026", country="MWI", time_zone="Africa/Blantyre")
    _people(world, op, other)
    token, world.partner_key = partner_token_create(
        operation=op,
        name="3W dashboard",
        expires_at=timezone.now() + dt.timedelta(days=30),
        by=world.users["officer"],
    )
    o = world.objects
    o.update(
        operation=op,
        other_operation=other,
        partner_token=token,
        area=AreaFactory(pcode="MZ07", name="Sofala"),
    )
    o["sector"] = SectorFactory()
    _registry(world, op, other)
    _cell(world, op)
    _shared(world, op)
    # An upload waiting for its officer's confirmation: only that officer opens it.
    _hns(world, op)
    o["import_batch"] = ImportBatch.objects.create(
        operation=op,
        kind="actors",
        created_by=world.users["officer"],
        filename="actors.csv",
        content=b"Name,Type,Category\nCARE International,ingo,international_civilian\n",
    )
    return world


def _people(world, op, other):
    for username, operation, role in [
        ("officer", op, Role.OFFICER),
        ("hct", op, Role.HCT),
        ("field", op, Role.FIELD_STAFF),
        ("field_other", other, Role.FIELD_STAFF),
    ]:
        user = UserFactory(username=username)
        role_grant(user=user, operation=operation, role=role)
        world.users[username] = user
    world.users["outsider"] = UserFactory(username="outsider")
    world.users["admin"] = UserFactory(username="admin", is_staff=True, is_superuser=True)


def _registry(world, op, other):
    o = world.objects
    approved = {
        "interlocutor_status": InterlocutorStatus.APPROVED,
        "interlocutor_decided_on": dt.date(2026, 4, 1),
    }
    o["actor_shareable"] = ActorFactory(
        operation=op, name="World Food Programme", acronym="WFP", sensitivity=S
    )
    o["actor_internal"] = MilitaryActorFactory(
        operation=op, name="Joint Task Force South", sensitivity=INTERNAL, **approved
    )
    o["actor_restricted"] = MilitaryActorFactory(operation=op, name=f"Special unit {CANARY}", sensitivity=R)
    o["actor_other_op"] = ActorFactory(operation=other, name="Malawi Defence Force liaison", sensitivity=S)
    o["mandate"] = MandateFactory(actor=o["actor_internal"], sensitivity=INTERNAL)
    MandateFactory(actor=o["actor_internal"], title=f"Secret annex {CANARY}", sensitivity=R)
    o["contact_approved"] = ContactFactory(
        actor=o["actor_internal"],
        full_name="Maj. Ana Sitoe",
        radio_call_sign=f"ECHO-{CANARY}",
        sensitivity=INTERNAL,
    )
    o["contact_restricted"] = ContactFactory(
        actor=o["actor_internal"], full_name=f"Col. {CANARY}", sensitivity=R
    )
    o["contact_undecided"] = ContactFactory(
        actor=MilitaryActorFactory(
            operation=op,
            name="Border police",
            category="domestic_military",
            actor_type="police",
            contributing_state="",
        ),
        full_name="Insp. Undecided",
    )
    air_wing = MilitaryActorFactory(operation=op, name="Air wing", sensitivity=S)
    o["asset"] = AssetFactory(provider=air_wing, name="Two helicopters, Beira", sensitivity=S)
    AssetFactory(provider=o["actor_internal"], name=f"Drone {CANARY}", sensitivity=R)
    o["dependency"] = DependencyFactory(asset=o["asset"], activity="Food airdrops to Buzi", sensitivity=S)
    DependencyFactory(asset=o["asset"], activity=f"Convoy escort {CANARY}", sensitivity=R)
    _leaky_neighbours(world, op)


def _leaky_neighbours(world, op):
    """Records members may read that point at restricted ones: the pointer must not leak."""
    o = world.objects
    hidden = o["actor_restricted"]
    MilitaryActorFactory(operation=op, name="Platoon of the hidden unit", parent=hidden, sensitivity=INTERNAL)
    MandateFactory(actor=hidden, title=f"Internal mandate {CANARY}", sensitivity=INTERNAL)
    o["actor_link"] = ActorLink.objects.create(
        operation=op, source=o["actor_internal"], target=o["actor_shareable"], kind="liaison"
    )
    ActorLink.objects.create(
        operation=op, source=o["actor_internal"], target=hidden, kind="command", mechanism=CANARY
    )
    drone = AssetDeployment.objects.get(name__startswith="Drone")
    DependencyFactory(asset=drone, activity=f"Reliance on the drone {CANARY}", sensitivity=S)
    o["asset_of_hidden_unit"] = AssetFactory(provider=hidden, name="Engineers, Dondo", sensitivity=INTERNAL)
    # Pictures (the 3W matrix): the hidden unit works where a visible force does; the MCDA
    # timeline already has the restricted drone and the restricted dependency above.
    for actor in (o["actor_internal"], hidden):
        ActorPresence.objects.create(actor=actor, area=o["area"])
    o["security_assessment"] = SecurityAssessment.objects.create(
        operation=op, area=o["area"], level=3, association_risks="Avoid military escorts.", assessed_on=TODAY
    )
    # Uploaded files: the restricted document's file carries the canary.
    approved = {"status": GuidelineStatus.APPROVED, "approved_by": world.users["hct"], "approved_on": TODAY}
    o["guideline"] = GuidelineDocument.objects.create(
        operation=op,
        title="UN-CMCoord guidelines for Mozambique",
        sensitivity=INTERNAL,
        file=ContentFile(b"%PDF-1.4 country guidelines", name="country-guidelines.pdf"),
        file_name="country-guidelines.pdf",
        **approved,
    )
    o["guideline_restricted"] = GuidelineDocument.objects.create(
        operation=op,
        title="Liaison arrangements",
        sensitivity=R,
        file=ContentFile(f"%PDF-1.4 {CANARY}".encode(), name="liaison.pdf"),
        file_name="liaison.pdf",
        **approved,
    )
    # Security context and guidelines kept in the browser (issue 11): a shareable document
    # partners download, a draft only officers and the HCT/UNCT read, an older assessment.
    o["guideline_shareable"] = GuidelineDocument.objects.create(
        operation=op,
        title="Civil-military coordination guidance note",
        sensitivity=S,
        file=ContentFile(b"%PDF-1.4 shareable guidance", name="guidance.pdf"),
        file_name="guidance.pdf",
        **approved,
    )
    o["guideline_draft"] = GuidelineDocument.objects.create(
        operation=op,
        title=f"Draft guidelines {CANARY}",
        sensitivity=INTERNAL,
        file=ContentFile(f"%PDF-1.4 draft {CANARY}".encode(), name="draft.pdf"),
        file_name="draft.pdf",
    )
    o["security_assessment_restricted"] = SecurityAssessment.objects.create(
        operation=op,
        area=o["area"],
        level=5,
        association_risks=f"Armed escorts seen at {CANARY}",
        assessed_on=TODAY,
        sensitivity=R,
    )


def _cell(world, op):
    o, users = world.objects, world.users
    o["meeting"] = MeetingFactory(
        forum__operation=op, summary="Roads open north of Beira.", minutes=f"Said: {CANARY}"
    )
    o["meeting_restricted"] = MeetingFactory(
        forum=o["meeting"].forum, title=f"Bilateral {CANARY}", sensitivity=R
    )
    o["forum"] = o["meeting"].forum
    o["agenda_item"] = AgendaItem.objects.create(meeting=o["meeting"], position=1, title="Access")
    Participant.objects.create(meeting=o["meeting"], contact=o["contact_restricted"], attended=True)
    Participant.objects.create(meeting=o["meeting"], actor=o["actor_restricted"])
    secret_item = AgendaItem.objects.create(meeting=o["meeting_restricted"], position=1, title="Corridor")
    o["cell_request_tabled_in_secret"] = CellRequestFactory(
        operation=op, submitted_by=users["field"], title="Tabled", status="tabled", tabled_at=secret_item
    )
    o["action_point_of_field"] = ActionPointFactory(
        operation=op, owner=users["field"], title="Check the bridge"
    )
    o["action_point_of_officer"] = ActionPointFactory(
        operation=op, owner=users["officer"], title=f"Call {CANARY}"
    )
    o["cell_request_of_field"] = CellRequestFactory(
        operation=op, submitted_by=users["field"], title="Checkpoint"
    )
    CellRequestFactory(operation=op, submitted_by=users["officer"], title=f"Officer's concern {CANARY}")
    rfa_request = CellRequestFactory(
        operation=op,
        submitted_by=users["field"],
        kind=CellRequest.Kind.ASSISTANCE,
        title="Airlift to Buzi",
        status=CellRequest.Status.TRIAGED,
    )
    o["rfa"] = AssistanceRequest.objects.create(
        cell_request=rfa_request,
        requesting_organisation="WFP",
        requesting_person="A. Field",
        task_type="air_transport",
        needed_by=dt.date(2026, 12, 1),
        duration_days=5,
        priority="life_saving",
    )
    o["interlocutor_question"] = InterlocutorQuestion.objects.create(
        operation=op,
        actor=o["actor_internal"],
        question=f"May we talk to them? {CANARY}",
        asked_by=users["officer"],
    )
    o["notification_of_field"] = Notification.objects.create(
        recipient=users["field"], operation=op, kind="cell_request_update", title="Answered"
    )
    o["feed_token_of_field"] = users["field"].calendar_feed_token


def _shared(world, op):
    """Restricted records an officer shared with field staff, pointing at restricted ones of every
    kind: field reads the shared record itself and nothing hidden that it points at."""
    o, users = world.objects, world.users
    o["contact_shared"] = ContactFactory(
        actor=o["actor_restricted"], full_name="Lt. Rui Tembe", sensitivity=R
    )
    secret_forum = ForumFactory(operation=op, name=f"Liaison forum {CANARY}", sensitivity=R)
    o["meeting_shared"] = meeting = MeetingFactory(
        forum=secret_forum,
        title="Corridor talks",
        summary="Agreed a window for the Buzi convoy.",
        minutes=f"Minutes {CANARY}",
        sensitivity=R,
    )
    Participant.objects.create(meeting=meeting, actor=o["actor_restricted"])
    Participant.objects.create(meeting=meeting, contact=o["contact_restricted"])
    Participant.objects.create(meeting=meeting, user=users["field"])
    item = AgendaItem.objects.create(meeting=meeting, position=1, title="Convoy window")
    Decision.objects.create(meeting=meeting, agenda_item=item, text="Convoy on Tuesday.")
    CellRequestFactory(
        operation=op,
        submitted_by=users["officer"],
        title=f"Escort question {CANARY}",
        status="tabled",
        tabled_at=item,
    )
    ActionPointFactory(operation=op, owner=users["officer"], meeting=meeting, title=f"Brief {CANARY}")
    for record in (o["contact_shared"], meeting):
        record_share(record=record, user=users["field"], by=users["officer"])


def _hns(world, op):
    """HNS (humanitarian notification system): field notifies for WFP; another organisation's site
    and movement carry the canary (field reads none of them, nor who acknowledged what)."""
    o, users = world.objects, world.users
    # Its own organisation: the registry's actors stay deletable (a notification keeps its organisation).
    wfp = o["hns_organisation"] = ActorFactory(operation=op, name="WFP Logistics", sensitivity=S)
    ngo = ActorFactory(operation=op, name="Relief NGO", sensitivity=INTERNAL)
    o["hns_staff"] = staff_set(operation=op, user=users["field"], organisation=wfp, by=users["officer"])
    o["hns_site_own"] = StaticSiteFactory(organisation=wfp, name="WFP warehouse Beira", area=o["area"])
    o["hns_site_other"] = StaticSiteFactory(
        organisation=ngo, name=f"Clinic {CANARY}", site_type="health_facility", focal_point_name=CANARY
    )
    o["hns_movement_own"] = MovementFactory(organisation=wfp, title="Food convoy Beira to Buzi")
    o["hns_movement_other"] = MovementFactory(
        organisation=ngo, title=f"Evacuation {CANARY}", mode="evacuation"
    )
    # A party of its own: the registry's actors stay deletable (a relay keeps its party, PROTECT).
    party = MilitaryActorFactory(operation=op, name="National army", sensitivity=INTERNAL)
    party_contact = ContactFactory(actor=party, full_name="Capt. Liaison")
    o["hns_party"] = party
    (o["hns_relay"],) = relay(
        notification=o["hns_movement_own"], parties=[(party, None)], by=users["officer"]
    )
    acknowledge(relay_record=o["hns_relay"], by=users["officer"], reference=f"JTF-{CANARY}")
    relay(notification=o["hns_site_other"], parties=[(party, party_contact)], by=users["officer"])
    incident_record(
        notification=o["hns_site_other"],
        by=users["officer"],
        occurred_at=timezone.now(),
        description=f"Shelling nearby {CANARY}",
        party=party,
    )
    HnsSettings.objects.create(operation=op, lead_hours=48, emergency_lead_hours=24)
