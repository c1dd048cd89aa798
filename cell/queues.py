""" "Waiting for you" (cmcoord/queues.py): what the cell's requests and RFAs ask of each role.

Officers: new requests and concerns to triage, requests unanswered after the operation's
``answer_within_days``, RFAs endorsed but not yet sent to the military, military answers to record.
HCT/UNCT: RFAs awaiting their decision. Field staff: the cell's answers they have not opened yet.
Every queue starts from ``CellRequest.objects.for_user``.

The interlocutor questions ("to put to the HCT", "decisions requested") are contacts' own
(``contacts/queues.py``).
"""

import datetime as dt

from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cell.models import CellRequest
from cmcoord import queues
from cmcoord.models import NotificationKind, Operation
from cmcoord.roles import Role

Status = CellRequest.Status
OPEN = [Status.SUBMITTED, Status.TABLED]


def _requests(user, operation_ids):
    return CellRequest.objects.for_user(user).filter(operation__in=operation_ids)


def _late_q(operation_ids, now: dt.datetime) -> Q:
    """Sent more than the operation's ``answer_within_days`` ago (one small query for the settings)."""
    q = Q(pk__in=[])
    days = Operation.objects.filter(pk__in=operation_ids).values_list("pk", "answer_within_days")
    for operation_id, within in days:
        q |= Q(operation_id=operation_id, created_at__lt=now - dt.timedelta(days=within))
    return q


def untriaged(user, operation_ids, now):
    """Sent, not yet tabled or answered, and not yet late (late ones are in ``unanswered``)."""
    late = _late_q(operation_ids, now)
    return _requests(user, operation_ids).filter(status=Status.SUBMITTED).exclude(late).order_by("created_at")


def unanswered(user, operation_ids, now):
    late = _late_q(operation_ids, now)
    rows = _requests(user, operation_ids).filter(late, status__in=OPEN)
    return rows.select_related("operation").order_by("created_at")


def _rfas(user, operation_ids, state: str):
    """The RFAs in one state of their lifecycle, as the model names it (``CellRequestQuerySet``)."""
    rows = getattr(_requests(user, operation_ids), state)()
    return rows.select_related("rfa").order_by("rfa__needed_by", "pk")


def rfas_to_send(user, operation_ids, now):
    return _rfas(user, operation_ids, "endorsed_not_sent")


def military_answers(user, operation_ids, now):
    return _rfas(user, operation_ids, "military_answer_pending")


def rfas_to_endorse(user, operation_ids, now):
    """Only what the HCT/UNCT can decide now: the cell has triaged or tabled it."""
    return _rfas(user, operation_ids, "awaiting_endorsement")


def answers_not_seen(user, operation_ids, now):
    """The sender's requests answered since they last opened them."""
    return (
        _requests(user, operation_ids)
        .filter(submitted_by=user, status=Status.ANSWERED)
        .filter(Q(response_seen_at__isnull=True) | Q(response_seen_at__lt=F("responded_at")))
        .order_by("-responded_at")
    )


def mark_answer_seen(user, cell_request) -> None:
    """The sender opened their answered request: it leaves their queue."""
    if cell_request.submitted_by_id == getattr(user, "pk", None) and cell_request.status == Status.ANSWERED:
        CellRequest.objects.filter(pk=cell_request.pk, status=Status.ANSWERED).filter(
            Q(response_seen_at__isnull=True) | Q(response_seen_at__lt=F("responded_at"))
        ).update(response_seen_at=timezone.now())


def _request_label(request) -> str:
    return _("%(title)s (%(kind)s)") % {"title": request.title, "kind": request.get_kind_display()}


def _rfa_label(request) -> str:
    return _("%(title)s: %(priority)s, needed by %(date)s") % {
        "title": request.title,
        "priority": request.rfa.get_priority_display(),
        "date": f"{request.rfa.needed_by:%Y-%m-%d}",
    }


def register() -> None:
    queues.register(
        "cell_new",
        roles={Role.OFFICER},
        title=gettext_lazy("New requests and concerns to triage"),
        items=untriaged,
        label=_request_label,
        notice=gettext_lazy("New request to triage: %(item)s"),
        notify=NotificationKind.QUEUE_NEW_REQUEST,
        entered=lambda r: r.created_at,
    )
    queues.register(
        "cell_unanswered",
        roles={Role.OFFICER},
        title=gettext_lazy("Requests unanswered for too long"),
        items=unanswered,
        label=_request_label,
        notice=gettext_lazy("Request still unanswered: %(item)s"),
        notify=NotificationKind.QUEUE_UNANSWERED,
        entered=lambda r: r.created_at + dt.timedelta(days=r.operation.answer_within_days),
    )
    queues.register(
        "cell_rfa_send",
        roles={Role.OFFICER},
        title=gettext_lazy("Endorsed RFAs to send to the military"),
        items=rfas_to_send,
        label=_rfa_label,
        notice=gettext_lazy("The HCT/UNCT endorsed an RFA: send it to the military: %(item)s"),
        notify=NotificationKind.QUEUE_RFA_TO_SEND,
        entered=lambda r: r.rfa.endorsed_at,
    )
    queues.register(
        "cell_military",
        roles={Role.OFFICER},
        title=gettext_lazy("Military answers to record"),
        items=military_answers,
        label=_rfa_label,
        notice=gettext_lazy("Record the military's answer to the RFA: %(item)s"),
        notify=NotificationKind.QUEUE_MILITARY_ANSWER,
        entered=lambda r: r.rfa.sent_at or r.rfa.endorsed_at,
    )
    queues.register(
        "cell_rfa_endorse",
        roles={Role.HCT},
        title=gettext_lazy("Requests for military assistance awaiting your decision"),
        items=rfas_to_endorse,
        label=_rfa_label,
        notice=gettext_lazy("An RFA awaits your decision: %(item)s"),
        notify=NotificationKind.QUEUE_RFA_TO_ENDORSE,
        entered=lambda r: r.created_at,
    )
    queues.register(
        "cell_answers",
        roles={Role.FIELD_STAFF},
        title=gettext_lazy("Answers to your requests"),
        items=answers_not_seen,  # no notice: the answer itself tells the sender (cell.services)
        per_person=True,
    )
