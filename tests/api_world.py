"""The API's world: one record of each kind in the main operation, a client per principal.

``world`` holds the objects the permission matrix names (actor_internal, meeting_restricted,
...); ``api(name)`` returns a DRF client signed in as that principal with a real token header
(user tokens issued by knox, the partner's ``cmp_`` key), or anonymous.
"""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.utils import timezone
from rest_framework.test import APIClient

from actors.models import ActorPresence, InterlocutorStatus
from cell.models import AssistanceRequest, CellRequest
from cmcoord.models import (
    GuidelineDocument,
    GuidelineStatus,
    Notification,
    NotificationKind,
    SecurityAssessment,
    Sensitivity,
    UserToken,
)
from cmcoord.services import partner_token_create
from meetings.models import AgendaItem
from tests.factories import (
    ActionPointFactory,
    ActorFactory,
    AreaFactory,
    AssetFactory,
    CellRequestFactory,
    ContactFactory,
    DependencyFactory,
    MandateFactory,
    MeetingFactory,
    MilitaryActorFactory,
    SectorFactory,
)

PRINCIPALS = ["anonymous", "outsider", "field", "field_other", "officer", "hct", "partner", "admin"]


@pytest.fixture(autouse=True)
def _fresh_throttles():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def partner_key(operation, officer):
    _, raw = partner_token_create(
        operation=operation,
        name="3W dashboard",
        expires_at=timezone.now() + dt.timedelta(days=30),
        by=officer,
    )
    return raw


@pytest.fixture
def principals(outsider, field, field_other, officer, hct, administrator, partner_key):
    return {
        "outsider": outsider,
        "field": field,
        "field_other": field_other,
        "officer": officer,
        "hct": hct,
        "admin": administrator,
        "partner": partner_key,
    }


@pytest.fixture
def api(principals):
    """api("field") -> an APIClient sending that principal's token (one token per user and test)."""
    keys: dict[int, str] = {}

    def make(name: str) -> APIClient:
        client = APIClient()
        if name == "anonymous":
            return client
        who = principals[name]
        if isinstance(who, str):
            key = who
        else:
            key = keys.get(who.pk) or keys.setdefault(who.pk, UserToken.objects.create(user=who)[1])
        client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
        return client

    return make


def make_rfa(operation, by, status=CellRequest.Status.TRIAGED, **checklist):
    """An RFA the cell has triaged (ready for the HCT/UNCT), its checklist complete unless told."""
    request = CellRequestFactory(
        operation=operation,
        kind=CellRequest.Kind.ASSISTANCE,
        title="Airlift of WASH kits",
        submitted_by=by,
        status=status,
    )
    defaults = {
        "requesting_organisation": "UNICEF",
        "requesting_person": "WASH coordinator",
        "task_type": AssistanceRequest.TaskType.AIR_TRANSPORT,
        "needed_by": dt.date(2026, 12, 1),
        "duration_days": 3,
        "priority": AssistanceRequest.Priority.LIFE_SAVING,
        "civilian_alternatives_tried": "WFP UNHAS fully booked; roads cut.",
        "why_alternatives_fail": "No civilian helicopter in country before next week.",
        "unique_capability": "Heavy-lift helicopter.",
        "complements_civilian_capacity": True,
        "exit_plan": "Three days; UNHAS takes over from 5 December.",
    }
    defaults.update(checklist)
    AssistanceRequest.objects.create(cell_request=request, **defaults)
    return request


@pytest.fixture
def world(operation, other_operation, officer, hct, field, field_other):
    """One of each record; names match the permission matrix's placeholders."""
    area = AreaFactory(pcode="MZ07", name="Sofala")
    district = AreaFactory(pcode="MZ0701", name="Beira", level=2, parent=area)
    sector = SectorFactory()
    actor_internal = ActorFactory(
        operation=operation, name="WFP", acronym="WFP", sensitivity=Sensitivity.INTERNAL
    )
    actor_restricted = MilitaryActorFactory(
        operation=operation, name="Special Forces Task Group", sensitivity=Sensitivity.RESTRICTED
    )
    actor_shareable = MilitaryActorFactory(
        operation=operation,
        name="Joint Task Force South",
        acronym="JTF-S",
        sensitivity=Sensitivity.SHAREABLE,
        interlocutor_status=InterlocutorStatus.APPROVED,
        interlocutor_decided_on=dt.date(2026, 4, 1),
    )
    ActorPresence.objects.create(actor=actor_shareable, area=district, sector=sector, activities="Airlift")
    actor_other_op = ActorFactory(operation=other_operation, name="Malawi Red Cross")
    meeting = MeetingFactory(
        forum__operation=operation, minutes="Frank discussion.", summary="Airlift agreed."
    )
    item = AgendaItem.objects.create(meeting=meeting, position=1, title="Airlift requests")
    asset = AssetFactory(provider=actor_shareable, sensitivity=Sensitivity.SHAREABLE)
    asset.areas.set([district])
    asset.sectors.set([sector])
    world = SimpleNamespace(
        operation=operation,
        other_operation=other_operation,
        area=area,
        district=district,
        sector=sector,
        actor_internal=actor_internal,
        actor_restricted=actor_restricted,
        actor_shareable=actor_shareable,
        actor_other_op=actor_other_op,
        mandate=MandateFactory(actor=actor_shareable, sensitivity=Sensitivity.SHAREABLE),
        contact_approved=ContactFactory(actor=actor_shareable, full_name="Maj. Ana Silva"),
        contact_restricted=ContactFactory(
            actor=actor_shareable, full_name="Col. Secret", sensitivity=Sensitivity.RESTRICTED
        ),
        meeting=meeting,
        agenda_item=item,
        meeting_restricted=MeetingFactory(forum=meeting.forum, sensitivity=Sensitivity.RESTRICTED),
        forum=meeting.forum,
        action_point_of_field=ActionPointFactory(operation=operation, owner=field, meeting=meeting),
        action_point_of_officer=ActionPointFactory(operation=operation, owner=officer),
        cell_request_of_field=CellRequestFactory(operation=operation, submitted_by=field, area=district),
        rfa=make_rfa(operation, field),
        asset=asset,
        dependency=DependencyFactory(
            asset=asset, area=district, sector=sector, sensitivity=Sensitivity.SHAREABLE
        ),
        notification_of_field=Notification.objects.create(
            recipient=field, operation=operation, kind=NotificationKind.MEETING_TOMORROW, title="Cell meeting"
        ),
        feed_token_of_field=field.calendar_feed_token,
        # Security context and guidelines kept in the browser (issue 11)
        security_assessment=SecurityAssessment.objects.create(
            operation=operation,
            area=area,
            level=3,
            association_risks="Avoid escorts.",
            assessed_on=dt.date(2026, 11, 1),
        ),
        security_assessment_restricted=SecurityAssessment.objects.create(
            operation=operation,
            area=area,
            level=5,
            association_risks="Liaison only.",
            assessed_on=dt.date(2026, 11, 2),
            sensitivity=Sensitivity.RESTRICTED,
        ),
        guideline=GuidelineDocument.objects.create(
            operation=operation,
            title="Country guidelines",
            url="https://example.org/guidelines.pdf",
            file=ContentFile(b"%PDF-1.4 guidelines", name="guidelines.pdf"),
            content_type="application/pdf",
            status=GuidelineStatus.APPROVED,
            approved_by=hct,
        ),
        guideline_draft=GuidelineDocument.objects.create(
            operation=operation, title="Draft guidelines", url="https://example.org/draft.pdf"
        ),
    )
    return world


def ids(response) -> set:
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}
