"""Two people deciding on the same request at the same moment: one decision, and the other is told
who took it. Two real transactions on PostgreSQL: the first decides and holds its transaction open
while the second tries."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connections, transaction

from cell.models import AssistanceRequest, CellRequest
from cell.services import cell_request_answer, cell_request_close, rfa_decide
from cmcoord.models import Notification
from cmcoord.services import role_grant
from tests.api_world import make_rfa

pytestmark = pytest.mark.postgres


def race(first, second) -> list:
    """Run ``first`` in a transaction held open until ``second`` (another connection) has started.

    Returns what ``second`` gave: its result, or the ValidationError it raised.
    """
    first_done, second_started = threading.Event(), threading.Event()
    outcome = []

    def one():
        try:
            with transaction.atomic():
                first()
                first_done.set()
                second_started.wait(10)
                threading.Event().wait(0.5)  # the second is now waiting on the row, or overwriting it
        finally:
            connections.close_all()

    def two():
        first_done.wait(10)
        second_started.set()
        try:
            outcome.append(second())
        except ValidationError as error:
            outcome.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one), threading.Thread(target=two)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return outcome


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
        lambda: cell_request_close(cell_request=CellRequest.objects.get(pk=request_id), by=officer),
        lambda: cell_request_close(cell_request=CellRequest.objects.get(pk=request_id), by=field),
    )
    assert isinstance(second, ValidationError) and "already closed" in second.messages[0]
