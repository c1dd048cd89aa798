"""An officer asks the HCT/UNCT for an interlocutor decision on an actor or a contact; the HCT/UNCT
approves, rejects (an interlocutor decision, as from the actor's page) or defers, with rationale;
both sides are told; the queues read what awaits the HCT/UNCT and what was answered."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cmcoord.models import Notification
from contacts.models import InterlocutorDecision, InterlocutorQuestion
from contacts.services import interlocutor_question_answer, interlocutor_question_ask
from tests.factories import ContactFactory, MilitaryActorFactory

pytestmark = pytest.mark.django_db


def _ask(operation, officer, **target):
    target = target or {"target": MilitaryActorFactory(operation=operation)}
    return interlocutor_question_ask(
        question="May the cell deal with their CIMIC branch?",
        evidence="Met them twice in Beira.",
        by=officer,
        **target,
    )


def test_the_hct_approves_and_the_officer_is_told(operation, officer, hct):
    asked = _ask(operation, officer)
    assert Notification.objects.filter(recipient=hct, kind="interlocutor_decision").exists()
    assert list(InterlocutorQuestion.objects.awaiting_hct()) == [asked]
    interlocutor_question_answer(question=asked, answer="approved", rationale="Neutral role.", by=hct)
    asked.refresh_from_db()
    assert asked.status == "answered" and asked.decision == InterlocutorDecision.objects.get()
    assert asked.actor.interlocutor_status == "approved"
    assert list(InterlocutorQuestion.objects.answered()) == [asked]
    told = Notification.objects.get(recipient=officer, kind="interlocutor_decision")
    assert "approved" in told.title


def test_a_deferred_question_stays_with_the_hct(operation, officer, hct):
    contact = ContactFactory(actor=MilitaryActorFactory(operation=operation))
    asked = _ask(operation, officer, target=contact)
    interlocutor_question_answer(
        question=asked, answer="deferred", rationale="Ask again after the visit.", by=hct
    )
    assert list(InterlocutorQuestion.objects.awaiting_hct()) == [asked]
    assert contact.interlocutor_status == "undecided" and not InterlocutorDecision.objects.exists()


def test_only_officers_ask_and_only_the_hct_answers(operation, officer, hct, field):
    with pytest.raises(PermissionDenied):
        _ask(operation, field)
    with pytest.raises(PermissionDenied):
        _ask(operation, hct)
    asked = _ask(operation, officer)
    for who in (officer, field):
        with pytest.raises(PermissionDenied):
            interlocutor_question_answer(question=asked, answer="approved", rationale="Yes.", by=who)
    assert InterlocutorQuestion.objects.get().status == "asked"
    assert list(InterlocutorQuestion.objects.for_user(field)) == []


def test_a_question_is_decided_once_and_always_with_a_rationale(operation, officer, hct):
    asked = _ask(operation, officer)
    with pytest.raises(ValidationError):
        interlocutor_question_answer(question=asked, answer="approved", rationale=" ", by=hct)
    interlocutor_question_answer(
        question=asked, answer="rejected", rationale="Party to the conflict.", by=hct
    )
    with pytest.raises(ValidationError):
        interlocutor_question_answer(question=asked, answer="approved", rationale="Changed my mind.", by=hct)
    assert InterlocutorDecision.objects.get().decision == "rejected"


def test_through_the_pages_the_officer_asks_and_the_hct_decides(client, operation, officer, hct, field):
    from django.urls import reverse

    actor = MilitaryActorFactory(operation=operation, name="Coastal Guard")
    op = operation.pk
    client.force_login(officer)
    asked = client.post(
        reverse("contacts:question-ask", kwargs={"op": op}),
        {"actor": actor.pk, "question": "Can we coordinate landings?", "evidence": "They run the port."},
    )
    assert asked.status_code == 302
    question = InterlocutorQuestion.objects.get()
    client.force_login(field)
    assert client.get(reverse("contacts:question-list", kwargs={"op": op})).status_code == 403
    answer = reverse("contacts:question-answer", kwargs={"op": op, "pk": question.pk})
    assert client.post(answer, {"answer": "approved", "rationale": "Yes."}).status_code == 404  # hidden
    client.force_login(hct)
    page = client.get(reverse("contacts:question-list", kwargs={"op": op})).content.decode()
    assert "Can we coordinate landings?" in page and "They run the port." in page
    client.post(answer, {"answer": "approved", "rationale": "Port authority.", "seen_status": "asked"})
    actor.refresh_from_db()
    assert actor.interlocutor_status == "approved"
    assert InterlocutorQuestion.objects.answered().count() == 1
