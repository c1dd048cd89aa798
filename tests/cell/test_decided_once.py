"""Two people deciding on the same request at the same moment: one decision, and the other is told
who took it. Two real transactions on PostgreSQL: the first decides and holds its transaction open
while the second tries."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cell.models import AssistanceRequest, CellRequest
from cell.services import cell_request_answer, cell_request_close, cell_request_table, rfa_decide
from cmcoord.models import Notification
from cmcoord.services import role_grant
from meetings.models import AgendaItem
from tests.api_world import make_rfa
from tests.concurrency import race
from tests.factories import CellRequestFactory, ForumFactory, MeetingFactory

pytestmark = pytest.mark.postgres


@pytest.fixture
def rfa(require_postgres, transactional_db, operation, field):
    return make_rfa(operation, field).rfa


def test_an_endorsement_and_a_decline_at_the_same_moment_give_one_decision(rfa, hct, field):
    other_hct = type(hct).objects.create(username="hct2")
    role_grant(user=other_hct, operation=rfa.cell_request.operation, role="hct")
    [second] = race(
        lambda: rfa_decide(rfa=AssistanceRequest.objects.get(pk=rfa.pk), endorse=True, note="", by=hct),
        lambda: rfa_decide(
            rfa=AssistanceRequest.objects.get(pk=rfa.pk), endorse=False, note="No.", by=other_hct
        ),
    )
    assert isinstance(second, ValidationError)
    assert str(hct) in second.messages[0] and "endorsed" in second.messages[0]
    rfa.refresh_from_db()
    assert (rfa.endorsement, rfa.endorsed_by) == ("endorsed", hct)
    assert Notification.objects.filter(recipient=field).count() == 1  # one answer, not two


def test_two_officers_answering_at_once_give_the_sender_one_answer(rfa, officer, field):
    request_id = rfa.cell_request_id
    colleague = type(officer).objects.create(username="officer2")
    role_grant(user=colleague, operation=rfa.cell_request.operation, role="officer")
    [second] = race(
        lambda: cell_request_answer(
            cell_request=CellRequest.objects.get(pk=request_id), response="UNHAS flies Monday.", by=officer
        ),
        lambda: cell_request_answer(
            cell_request=CellRequest.objects.get(pk=request_id), response="No flights.", by=colleague
        ),
    )
    assert isinstance(second, ValidationError) and str(officer) in second.messages[0]
    assert CellRequest.objects.get(pk=request_id).response == "UNHAS flies Monday."
    assert Notification.objects.filter(recipient=field).count() == 1


def test_closing_twice_at_once_closes_once(rfa, officer, field):
    request_id = rfa.cell_request_id
    [second] = race(
        lambda: cell_request_close(
            cell_request=CellRequest.objects.get(pk=request_id), by=officer, outcome="delivered"
        ),
        lambda: cell_request_close(cell_request=CellRequest.objects.get(pk=request_id), by=field),
    )
    # The second is told who closed it, and when (the state it saw moved on).
    assert isinstance(second, ValidationError) and "changed “" in second.messages[0]
    assert str(officer) in second.messages[0]


def _scheduled_item(operation, title):
    meeting = MeetingFactory(forum=ForumFactory(operation=operation), status="scheduled")
    return AgendaItem.objects.create(meeting=meeting, position=1, title=title)


def test_two_officers_tabling_at_once_put_the_request_on_one_agenda(rfa, officer):
    request_id = rfa.cell_request_id
    colleague = type(officer).objects.create(username="officer2")
    role_grant(user=colleague, operation=rfa.cell_request.operation, role="officer")
    monday = _scheduled_item(rfa.cell_request.operation, "Airlift requests")
    tuesday = _scheduled_item(rfa.cell_request.operation, "Access")
    [second] = race(
        lambda: cell_request_table(
            cell_request=CellRequest.objects.get(pk=request_id), agenda_item=monday, by=officer
        ),
        lambda: cell_request_table(
            cell_request=CellRequest.objects.get(pk=request_id), agenda_item=tuesday, by=colleague
        ),
    )
    assert isinstance(second, ValidationError)
    assert str(officer) in second.messages[0] and "Tabled" in second.messages[0]
    assert CellRequest.objects.get(pk=request_id).tabled_at == monday


def test_tabling_from_a_page_shown_before_a_colleague_tabled_it_is_refused(
    client, db, operation, officer, field
):
    """Not a race: the officer looked at the page, a colleague tabled it, then the officer acts."""
    cell_request = CellRequestFactory(operation=operation, submitted_by=field)
    colleague = type(officer).objects.create(username="officer2")
    role_grant(user=colleague, operation=operation, role="officer")
    item, other_item = _scheduled_item(operation, "Access"), _scheduled_item(operation, "Airlift")
    client.force_login(officer)
    page = client.get(cell_request.get_absolute_url()).content.decode()
    assert 'name="seen_status" value="submitted"' in page
    cell_request_table(cell_request=cell_request, agenda_item=item, by=colleague)

    url = reverse("cell:request-table", kwargs={"op": operation.pk, "pk": cell_request.pk})
    answer = client.post(url, {"agenda_item": other_item.pk, "seen_status": "submitted"}, follow=True)

    assert f"{colleague} changed “{cell_request}” to “Tabled at a meeting”" in answer.content.decode()
    cell_request.refresh_from_db()
    assert cell_request.tabled_at == item
