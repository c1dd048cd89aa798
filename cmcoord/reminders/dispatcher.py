"""The dispatcher: claim what is due, retry what was lost, hand each delivery to its own task.

Exactly once per (kind, subject, occasion, lead time, recipient) rests on the unique constraint of
ReminderDelivery: a claim is an INSERT in its own transaction, so of two dispatchers racing for
the same reminder one gets an IntegrityError and moves on. The send task is enqueued only after
the claim commits; a claim whose task never ran (broker down, worker killed) is found again by
``retry_stale`` once its ``next_attempt_at`` has passed: the claim's lease
(REMINDER_RETRY_STALE_AFTER_SECONDS), or the back-off after a refused e-mail. Each run ends by
checking the e-mail backlog (an error in the log when it is too old) and recording that it
completed, for /healthz/.
"""

import datetime as dt
import logging
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from cmcoord.models import ReminderDelivery

from .delivery import PENDING, lease
from .due import Due, everything_due
from .health import check_backlog, record_dispatch

logger = logging.getLogger(__name__)
Status = ReminderDelivery.Status
EmailState = ReminderDelivery.EmailState
RETRY_BATCH = 500


@dataclass
class DispatchReport:
    claimed: int = 0
    retried: int = 0
    skipped: int = 0
    not_enqueued: int = 0
    delivery_ids: list[int] = field(default_factory=list)

    def __str__(self):
        text = f"{self.claimed} claimed, {self.retried} retried, {self.skipped} skipped"
        if self.not_enqueued:
            text += f", {self.not_enqueued} not queued (broker unreachable: a later run retries them)"
        return text


class _Enqueuer:
    """Sends each claimed delivery to its task; after a broker error, stops trying for this run.

    The rows stay CLAIMED and ``retry_stale`` picks them up later, so nothing is lost. In eager
    mode (no Redis) the task runs inline here: its failure is recorded on the row, not raised.
    """

    def __init__(self, report: DispatchReport):
        self.report = report
        self.broker_down = False

    def __call__(self, delivery_id: int) -> None:
        from cmcoord.tasks import send_reminder_delivery  # tasks import this module

        if self.broker_down:
            self.report.not_enqueued += 1
            return
        try:
            send_reminder_delivery.delay(delivery_id)
        except BrokerError:
            logger.exception("Broker unreachable; delivery %s waits for the next dispatch", delivery_id)
            self.broker_down = True
            self.report.not_enqueued += 1
        except Exception:
            logger.exception("Delivery %s failed inline; the next dispatch retries it", delivery_id)

    def on_commit(self, delivery_id: int) -> None:
        transaction.on_commit(lambda: self(delivery_id))


def dispatch(now: dt.datetime | None = None) -> DispatchReport:
    """One run: what the beat task, `manage.py send_reminders` and the tests all call."""
    now = now or timezone.now()
    report = DispatchReport()
    enqueue = _Enqueuer(report)
    for due in everything_due(now):
        claim_due(due, enqueue, now)
    retry_stale(now, enqueue)
    logger.info("Reminder dispatch: %s", report)
    check_backlog(now)
    record_dispatch(now)
    return report


def _existing_keys(due: Due) -> set[tuple[int, int]]:
    """(lead days, recipient) already recorded for this series: most of them, after the first run."""
    rows = ReminderDelivery.objects.filter(kind=due.kind, subject=due.subject, occasion=due.occasion)
    return set(rows.values_list("lead_days", "recipient_id"))


def claim_due(due: Due, enqueue: _Enqueuer, now: dt.datetime) -> None:
    existing = _existing_keys(due)
    for recipient_id in due.recipient_ids:
        if (due.lead_days, recipient_id) in existing:
            continue
        try:
            with transaction.atomic():
                delivery = _new_row(due, recipient_id, due.lead_days, Status.CLAIMED)
                delivery.next_attempt_at = now + lease()  # then the dispatcher retries a lost task
                delivery.save()
                enqueue.report.skipped += _supersede(delivery, due)
                enqueue.on_commit(delivery.pk)
        except IntegrityError:
            continue  # another dispatcher claimed it first
        enqueue.report.claimed += 1
        enqueue.report.delivery_ids.append(delivery.pk)


def _new_row(due: Due, recipient_id: int, lead_days: int, status: str) -> ReminderDelivery:
    return ReminderDelivery(
        kind=due.kind,
        subject=due.subject,
        occasion=due.occasion,
        lead_days=lead_days,
        recipient_id=recipient_id,
        operation_id=due.operation_id,
        status=status,
    )


def _supersede(delivery: ReminderDelivery, due: Due) -> int:
    """The new reminder replaces what is still pending about the same record for the same person.

    A failing e-mail of an earlier lead time, or of an earlier phase-out date, is stale news once
    a newer reminder is claimed: it is recorded as SUPERSEDED, never as sent. One being handed to
    SMTP right now is left alone (its send checks again, see ``delivery``). Missed, less urgent
    lead times of the series get a SUPERSEDED row so they never go out after the urgent one.
    """
    older = ReminderDelivery.objects.filter(
        subject=delivery.subject, recipient_id=delivery.recipient_id, status__in=PENDING, pk__lt=delivery.pk
    ).exclude(email_state=EmailState.SENDING)
    updated = older.update(
        status=Status.SUPERSEDED,
        email_state=EmailState.DROPPED,
        next_attempt_at=None,
        last_error="superseded by a newer reminder about the same record",
    )
    series = ReminderDelivery.objects.filter(
        kind=due.kind, subject=due.subject, occasion=due.occasion, recipient_id=delivery.recipient_id
    )
    known = set(series.values_list("lead_days", flat=True))
    rows = [_new_row(due, delivery.recipient_id, lead, Status.SUPERSEDED) for lead in due.superseded]
    rows = [row for row in rows if row.lead_days not in known]
    for row in rows:
        row.email_state = EmailState.DROPPED
    ReminderDelivery.objects.bulk_create(rows, ignore_conflicts=True)
    return updated + len(rows)


def retry_stale(now: dt.datetime, enqueue: _Enqueuer) -> None:
    """Re-enqueue what is still pending and due again: lost tasks, and e-mails after their back-off.

    SKIP LOCKED passes over rows a worker is preparing right now (PostgreSQL); moving
    ``next_attempt_at`` one lease ahead keeps the next dispatch from enqueueing them again while
    they wait in the queue.
    """
    cutoff = now - lease()
    due_again = Q(next_attempt_at__lte=now) | Q(next_attempt_at__isnull=True, claimed_at__lt=cutoff)
    with transaction.atomic():
        ids = list(
            ReminderDelivery.objects.select_for_update(skip_locked=True)
            .filter(due_again, status__in=PENDING)
            .order_by("next_attempt_at", "pk")
            .values_list("pk", flat=True)[:RETRY_BATCH]
        )
        ReminderDelivery.objects.filter(pk__in=ids).update(next_attempt_at=now + lease())
        for delivery_id in ids:
            enqueue.on_commit(delivery_id)
    enqueue.report.retried += len(ids)
