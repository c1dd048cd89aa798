"""Writes on contacts: the HCT/UNCT's interlocutor decisions on actors and contacts."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from actors.models import Actor, InterlocutorStatus
from cmcoord.permissions import ensure
from cmcoord.services import lock_unchanged
from contacts.models import Contact, InterlocutorDecision

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
