""" "Waiting for you": each role's queue on its overview, the total in the header of every page,
nothing from another operation or hidden from the reader, and items leaving once dealt with."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from assets.models import Readiness
from cell import services as cell_services
from cell.models import AssistanceRequest, CellRequest
from cmcoord import services
from cmcoord.models import Sensitivity, Strategy
from cmcoord.roles import Role
from meetings.models import ActionPoint
from tests.factories import (
    ActionPointFactory,
    AssetFactory,
    CellRequestFactory,
    DependencyFactory,
    MilitaryActorFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
HEADER = re.compile(r'href="/#waiting">Waiting for you(?: <span class="badge">(\d+)</span>)?</a>')


def header_count(page: str) -> int:
    found = HEADER.search(page)
    assert found, "the header has no 'Waiting for you' link"
    return int(found.group(1) or 0)


def section(page: str) -> str:
    """The dashboard's "Waiting for you" section."""
    return page.split('<section id="waiting"', 1)[1].split("</section>", 1)[0]


def dashboard(client, user, operation) -> str:
    client.force_login(user)
    response = client.get(reverse("web:dashboard", args=[operation.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _approved_military(operation):
    return MilitaryActorFactory(
        operation=operation, interlocutor_status="approved", interlocutor_decided_on=timezone.localdate()
    )


def rfa(operation, by, title, *, endorsement="pending", military="not_sent", hct=None, **fields):
    """An RFA the cell has triaged (the HCT/UNCT decides only then), at the given stage."""
    fields.setdefault("status", CellRequest.Status.TRIAGED)
    request = CellRequestFactory(
        operation=operation, submitted_by=by, kind=CellRequest.Kind.ASSISTANCE, title=title, **fields
    )
    decided = {} if endorsement == "pending" else {"endorsed_by": hct, "endorsed_at": timezone.now()}
    if military != "not_sent":  # sent: to whom and when
        decided |= {"sent_to_actor": _approved_military(operation), "sent_at": timezone.now()}
    if military not in ("not_sent", "pending"):
        decided["military_answered_at"] = timezone.now()
    AssistanceRequest.objects.create(
        cell_request=request,
        requesting_organisation="WFP",
        requesting_person="Ana Macuácua",
        task_type="air_transport",
        needed_by=timezone.localdate() + dt.timedelta(days=5),
        duration_days=4,
        priority="life_saving",
        civilian_alternatives_tried="UNHAS",
        why_alternatives_fail="None before 10 December",
        unique_capability="Heavy lift",
        complements_civilian_capacity=True,
        exit_plan="UNHAS takes over",
        endorsement=endorsement,
        military_response=military,
        **decided,
    )
    return request


def days_ago(request, days: int) -> None:
    CellRequest.objects.filter(pk=request.pk).update(created_at=timezone.now() - dt.timedelta(days=days))


@pytest.fixture
def officer_world(operation, other_operation, officer, hct, field, field_other):
    """What waits for the officer, and what must not count: another operation's request."""
    CellRequestFactory(operation=operation, submitted_by=field, title="Checkpoint at Búzi bridge")
    old = CellRequestFactory(operation=operation, submitted_by=field, title="Fuel for the Nhamatanda clinic")
    days_ago(old, 5)  # the operation answers within 3 days
    answered = CellRequestFactory(operation=operation, submitted_by=field, title="Answered long ago")
    cell_services.cell_request_answer(cell_request=answered, response="Done.", by=officer)
    days_ago(answered, 9)
    to_send = rfa(operation, field, "Airlift to Buzi", endorsement="endorsed", hct=hct)
    CellRequest.objects.filter(pk=to_send.pk).update(status=CellRequest.Status.ANSWERED, response="Endorsed.")
    waiting_answer = rfa(
        operation, field, "Sealift to Beira", endorsement="endorsed", military="pending", hct=hct
    )
    CellRequest.objects.filter(pk=waiting_answer.pk).update(
        status=CellRequest.Status.ANSWERED, response="Sent to the military."
    )
    CellRequestFactory(operation=other_operation, submitted_by=field_other, title="Malawi flood road")
    return {"old": old, "to_send": to_send, "waiting_answer": waiting_answer}


def test_the_officer_sees_new_late_to_send_and_to_record_and_nothing_of_another_operation(
    client, operation, officer, officer_world
):
    page = dashboard(client, officer, operation)
    waiting = section(page)
    assert "New requests and concerns to triage" in waiting and "Checkpoint at Búzi bridge" in waiting
    assert "Requests unanswered for too long" in waiting and "Fuel for the Nhamatanda clinic" in waiting
    assert "Endorsed RFAs to send to the military" in waiting and "Airlift to Buzi" in waiting
    assert "Military answers to record" in waiting and "Sealift to Beira" in waiting
    assert "Malawi flood road" not in page and "Answered long ago" not in waiting
    assert header_count(page) == 4
    assert officer_world["old"].get_absolute_url() in waiting  # each item links where it is dealt with


def test_a_late_request_counts_once_and_the_operation_setting_decides_when_it_is_late(
    client, operation, officer, officer_world
):
    operation.answer_within_days = 10
    operation.save()
    waiting = section(dashboard(client, officer, operation))
    assert "Requests unanswered for too long" not in waiting
    new_part = waiting.split("New requests and concerns to triage", 1)[1]
    assert (
        "Fuel for the Nhamatanda clinic" in new_part and waiting.count("Fuel for the Nhamatanda clinic") == 1
    )


def test_the_operation_form_sets_the_days_to_answer(admin_client, operation):
    page = admin_client.get(reverse("admin:cmcoord_operation_change", args=[operation.pk])).content.decode()
    assert 'name="answer_within_days"' in page
    operation.answer_within_days = 0
    with pytest.raises(Exception, match="answer_within_days|greater than or equal"):
        operation.full_clean()


def test_the_officer_queue_empties_as_the_work_is_done(client, operation, officer, hct, field, officer_world):
    new = CellRequest.objects.get(title="Checkpoint at Búzi bridge")
    cell_services.cell_request_answer(cell_request=new, response="The bridge is open again.", by=officer)
    cell_services.cell_request_close(cell_request=officer_world["old"], by=officer)
    sent = {"sent_to_actor": _approved_military(operation), "sent_at": timezone.now()}
    AssistanceRequest.objects.filter(pk=officer_world["to_send"].pk).update(
        military_response="pending", **sent
    )
    AssistanceRequest.objects.filter(pk=officer_world["waiting_answer"].pk).update(
        military_response="accepted", military_answered_at=timezone.now()
    )
    page = dashboard(client, officer, operation)
    assert "Airlift to Buzi" in section(page)  # now an answer to record
    assert header_count(page) == 1
    AssistanceRequest.objects.filter(pk=officer_world["to_send"].pk).update(
        military_response="declined", military_answered_at=timezone.now()
    )
    page = dashboard(client, officer, operation)
    assert header_count(page) == 0 and "Nothing waits for you." in section(page)


def test_the_hct_sees_rfas_to_decide_and_the_strategy_draft_until_decided(
    client, operation, officer, hct, field
):
    pending = rfa(operation, field, "Airlift to Buzi")
    services.strategy_draft(
        operation=operation, by=officer, strategy=Strategy.COORDINATION, rationale="Armed groups near Búzi."
    )
    page = dashboard(client, hct, operation)
    waiting = section(page)
    assert (
        "Requests for military assistance awaiting your decision" in waiting and "Airlift to Buzi" in waiting
    )
    assert "Life-saving, needed by" in waiting
    assert "Strategy drafts awaiting your approval" in waiting and "#strategy" in waiting
    assert header_count(page) == 2
    assert "New requests and concerns to triage" not in waiting  # the officer's, not the HCT's

    cell_services.rfa_decide(rfa=pending.rfa, endorse=True, note="Last resort.", by=hct)
    operation.refresh_from_db()
    services.strategy_approve(operation=operation, by=hct)
    assert header_count(dashboard(client, hct, operation)) == 0


def test_field_staff_see_their_answers_until_they_open_them(client, operation, officer, field):
    mine = CellRequestFactory(operation=operation, submitted_by=field, title="Road to Búzi")
    colleague = UserFactory(username="colleague")
    services.role_grant(user=colleague, operation=operation, role=Role.FIELD_STAFF)
    theirs = CellRequestFactory(operation=operation, submitted_by=colleague, title="Their road")
    for request in (mine, theirs):
        cell_services.cell_request_answer(cell_request=request, response="Open from Monday.", by=officer)
    page = dashboard(client, field, operation)
    assert "Answers to your requests" in section(page) and "Road to Búzi" in section(page)
    assert "Their road" not in page and header_count(page) == 1

    client.get(mine.get_absolute_url())
    assert header_count(dashboard(client, field, operation)) == 0
    cell_services.cell_request_answer(cell_request=mine, response="Closed again on Tuesday.", by=officer)
    assert header_count(dashboard(client, field, operation)) == 1  # a new answer comes back


def test_field_staff_see_their_action_points_due_or_overdue_marked_in_words(
    client, operation, officer, field
):
    today = timezone.localdate()
    ActionPointFactory(
        operation=operation, owner=field, title="Share the convoy plan", due_date=today - dt.timedelta(days=2)
    )
    ActionPointFactory(
        operation=operation, owner=field, title="Call the district", due_date=today + dt.timedelta(days=1)
    )
    ActionPointFactory(
        operation=operation, owner=field, title="Next month's task", due_date=today + dt.timedelta(days=20)
    )
    ActionPointFactory(operation=operation, owner=officer, title="The officer's task", due_date=today)
    page = dashboard(client, field, operation)
    waiting = section(page)
    assert "Your action points due or overdue" in waiting
    assert "Share the convoy plan: overdue, it was due on" in waiting
    assert "Call the district: due on" in waiting
    assert "Next month&#x27;s task" not in waiting and "The officer&#x27;s task" not in page
    assert header_count(page) == 2
    ActionPoint.objects.filter(title="Share the convoy plan").update(status="done", closed_at=timezone.now())
    assert header_count(dashboard(client, field, operation)) == 1


def test_field_staff_see_phase_outs_of_activities_they_are_responsible_for(client, operation, field):
    provider = MilitaryActorFactory(operation=operation, name="SANDF")
    soon = AssetFactory(
        operation=operation,
        provider=provider,
        name="Oryx helicopters",
        phase_out_on=timezone.localdate() + dt.timedelta(days=10),
    )
    hidden = AssetFactory(
        operation=operation, provider=provider, name="Restricted airlift", sensitivity=Sensitivity.RESTRICTED
    )
    mine = DependencyFactory(
        asset=soon, operation=operation, activity="Food distribution in Búzi", responsible=field
    )
    DependencyFactory(asset=soon, operation=operation, activity="Someone else's clinic")
    DependencyFactory(asset=hidden, operation=operation, activity="Hidden activity", responsible=field)
    page = dashboard(client, field, operation)
    waiting = section(page)
    assert "Phase-outs that hit activities you are responsible for" in waiting
    assert "Food distribution in Búzi relies on Oryx helicopters, which phases out on" in waiting
    assert (
        "Someone else" not in waiting and "Hidden activity" not in page and "Restricted airlift" not in page
    )
    assert header_count(page) == 1
    mine.alternative_provider, mine.alternative_readiness = "WFP trucks", Readiness.READY
    mine.save()
    assert header_count(dashboard(client, field, operation)) == 0


def test_the_header_count_is_on_every_page_and_its_cost_does_not_grow_with_the_items(
    client, operation, officer, field
):
    client.force_login(officer)
    pages = [reverse("home"), reverse("notifications:list"), reverse("actors:list", args=[operation.pk])]
    CellRequestFactory(operation=operation, submitted_by=field)

    def queries(url):
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    before = {url: queries(url) for url in pages}
    for url in pages:
        assert header_count(client.get(url).content.decode()) == 1
    for _ in range(6):
        CellRequestFactory(operation=operation, submitted_by=field)
    after = {url: queries(url) for url in pages}
    assert after == before
    home = client.get(reverse("home")).content.decode()
    assert header_count(home) == 7 and "7 items waiting for you" in home


def test_people_outside_the_operation_have_nothing_waiting(client, operation, field, outsider, officer_world):
    client.force_login(outsider)
    assert header_count(client.get(reverse("home")).content.decode()) == 0


def test_field_staffs_overview_starts_with_their_own_work(client, operation, field):
    asset = AssetFactory(
        provider=MilitaryActorFactory(operation=operation),
        phase_out_on=timezone.localdate() + dt.timedelta(days=10),
    )
    DependencyFactory(asset=asset, alternative_readiness=Readiness.NONE)
    page = dashboard(client, field, operation)
    assert "MCDA phasing out without a ready alternative" in page
    assert page.index('<section id="waiting"') < page.index("MCDA phasing out without a ready alternative")


def test_an_rfa_the_cell_has_not_triaged_does_not_wait_for_the_hct_yet(client, operation, hct, field):
    rfa(operation, field, "Airlift not yet triaged", status=CellRequest.Status.SUBMITTED)
    rfa(operation, field, "Airlift triaged")
    waiting = section(dashboard(client, hct, operation))
    assert "Airlift triaged" in waiting and "Airlift not yet triaged" not in waiting
