""" "Waiting for you" for interlocutor decisions: officers see the military actors nobody has put to
the HCT/UNCT yet, the HCT/UNCT sees the questions asked; each leaves the queue once dealt with."""

import pytest

from actors.models import InterlocutorStatus
from contacts.services import interlocutor_question_answer, interlocutor_question_ask
from tests.factories import ActorFactory, MilitaryActorFactory
from tests.web.test_waiting_for_you import dashboard, header_count, section

pytestmark = pytest.mark.django_db


def test_an_undecided_military_actor_waits_for_the_officer_until_it_is_put_to_the_hct(
    client, officer, operation, other_operation
):
    brigade = MilitaryActorFactory(operation=operation, name="3rd Brigade")
    MilitaryActorFactory(
        operation=operation,
        name="Navy task group",
        interlocutor_status=InterlocutorStatus.APPROVED,
        interlocutor_decided_on="2026-04-01",
    )
    ActorFactory(operation=operation, name="Red Cross")  # civilian: no decision needed
    MilitaryActorFactory(operation=other_operation, name="Elsewhere battalion")

    waiting = section(dashboard(client, officer, operation))
    assert "3rd Brigade" in waiting
    assert "Navy task group" not in waiting and "Red Cross" not in waiting and "Elsewhere" not in waiting
    assert f"?actor={brigade.pk}#ask" in waiting  # straight to the question form, actor chosen

    interlocutor_question_ask(target=brigade, question="Talk to them on access?", evidence="", by=officer)
    assert "3rd Brigade" not in section(dashboard(client, officer, operation))


def test_a_question_waits_for_the_hct_until_decided_and_a_deferred_one_stays(
    client, officer, hct, field, operation
):
    brigade = MilitaryActorFactory(operation=operation, name="3rd Brigade")
    question = interlocutor_question_ask(
        target=brigade, question="May field staff call their CIMIC cell?", evidence="", by=officer
    )
    page = dashboard(client, hct, operation)
    assert "3rd Brigade" in section(page) and header_count(page) >= 1
    assert f"#question-{question.pk}" in section(page)
    assert "3rd Brigade" not in section(dashboard(client, field, operation))  # not field staff's

    interlocutor_question_answer(
        question=question, answer="deferred", rationale="Ask again after the visit.", by=hct
    )
    assert "3rd Brigade" in section(dashboard(client, hct, operation))

    question.refresh_from_db()
    interlocutor_question_answer(question=question, answer="approved", rationale="Reliable liaison.", by=hct)
    assert "3rd Brigade" not in section(dashboard(client, hct, operation))
