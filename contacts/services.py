"""Writes on contacts: the HCT/UNCT's interlocutor decisions on actors and contacts."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy

from actors.models import Actor, InterlocutorStatus
from cmcoord.i18n import override_for
from cmcoord.models import NotificationKind
from cmcoord.permissions import ensure
from cmcoord.reminders.events import tell
from cmcoord.roles import Role
from cmcoord.services import lock_unchanged, operation_members
from contacts.models import Contact, InterlocutorDecision, InterlocutorQuestion

DECISIONS = {InterlocutorStatus.APPROVED, InterlocutorStatus.REJECTED}


@transaction.atomic
def interlocutor_decide(
    *, target: Actor | Contact, decision: str, rationale: str, by, seen_status: str | None = None
) -> InterlocutorDecision:
    """Record an HCT/UNCT decision on an actor or contact; field staff see the effect at once.

    A decision can be revisited later, but of two members deciding at the same moment one
    decision stands and the other is told who took it (``seen_status``: what their page showed).
    """
    ensure(by, "decide_interlocutors", target.operation_id)
    if decision not in DECISIONS:
        raise ValidationError({"decision": gettext("Choose approved or rejected.")})
    if not (rationale or "").strip():
        raise ValidationError({"rationale": gettext("Record why: the decision must be explainable later.")})
    lock_unchanged(target, "interlocutor_status", seen_status)
    record = InterlocutorDecision(
        operation_id=target.operation_id,
        actor=target if isinstance(target, Actor) else None,
        contact=target if isinstance(target, Contact) else None,
        decision=decision,
        rationale=rationale.strip(),
        decided_by=by,
    )
    record.full_clean()
    record.save()
    target.interlocutor_status = decision
    target.interlocutor_decided_by = by
    target.interlocutor_decided_on = timezone.localdate()
    target.interlocutor_rationale = record.rationale
    target._history_user = by
    target.save(
        update_fields=[
            "interlocutor_status",
            "interlocutor_decided_by",
            "interlocutor_decided_on",
            "interlocutor_rationale",
            "updated_at",
        ]
    )
    return record


# --- Interlocutor questions: an officer asks, the HCT/UNCT decides ---------------------------------

QUESTION_ANSWERS = {*DECISIONS, "deferred"}


@transaction.atomic
def interlocutor_question_ask(
    *, target: Actor | Contact, question: str, evidence: str = "", by
) -> InterlocutorQuestion:
    """An officer asks the HCT/UNCT to decide on an actor or a contact; its members are told."""
    ensure(by, "manage_registry", target.operation_id)
    if not (question or "").strip():
        raise ValidationError({"question": gettext("Write the question the HCT/UNCT is to decide.")})
    asked = InterlocutorQuestion(
        operation_id=target.operation_id,
        actor=target if isinstance(target, Actor) else None,
        contact=target if isinstance(target, Contact) else None,
        question=question.strip(),
        evidence=(evidence or "").strip(),
        asked_by=by,
    )
    asked._history_user = by
    asked.full_clean()
    asked.save()
    for member, role in operation_members(asked.operation):
        if role == Role.HCT:
            _tell(
                member,
                asked,
                gettext_lazy("The cell asks the HCT/UNCT for an interlocutor decision: %(target)s"),
            )
    return asked


@transaction.atomic
def interlocutor_question_answer(
    *, question: InterlocutorQuestion, answer: str, rationale: str, by, seen_status: str | None = None
) -> InterlocutorQuestion:
    """The HCT/UNCT approves, rejects (an interlocutor decision) or defers, with its rationale; once.

    The officer who asked is told.
    """
    ensure(by, "decide_interlocutors", question.operation_id)
    if answer not in QUESTION_ANSWERS:
        raise ValidationError({"answer": gettext("Choose approve, reject or defer.")})
    if not (rationale or "").strip():
        raise ValidationError({"rationale": gettext("Record why: the decision must be explainable later.")})
    lock_unchanged(question, "status", seen_status)
    if question.status == InterlocutorQuestion.Status.ANSWERED:
        raise ValidationError(gettext("The HCT/UNCT decided on this question already."))
    if answer == "deferred":
        question.status = InterlocutorQuestion.Status.DEFERRED
    else:
        question.decision = interlocutor_decide(
            target=question.target, decision=answer, rationale=rationale, by=by
        )
        question.status = InterlocutorQuestion.Status.ANSWERED
    question.answer_rationale = rationale.strip()
    question.answered_by, question.answered_at = by, timezone.now()
    question._history_user = by
    question.full_clean()
    question.save()
    if question.asked_by is not None:
        texts = {
            "approved": gettext_lazy("The HCT/UNCT approved %(target)s as interlocutor."),
            "rejected": gettext_lazy("The HCT/UNCT rejected %(target)s as interlocutor."),
            "deferred": gettext_lazy("The HCT/UNCT deferred its decision on %(target)s."),
        }
        _tell(question.asked_by, question, texts[answer])
    return question


def _tell(recipient, question: InterlocutorQuestion, text) -> None:
    with override_for(recipient, question.operation):
        title = str(text) % {"target": question.target}
    tell(
        recipient=recipient,
        operation_id=question.operation_id,
        kind=NotificationKind.INTERLOCUTOR_DECISION,
        subject=f"interlocutor_question:{question.pk}",
        title=title,
        url=question.target.get_absolute_url(),
    )
