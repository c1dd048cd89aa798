"""The dispatcher: claim what is due, retry what was lost, hand each delivery to its own task.

Exactly once per (kind, subject, occasion, lead time, recipient) rests on the unique constraint of
ReminderDelivery. Claiming is set-based, so a run costs what is due, not one query per reminder:
for each kind and lead time, one read of the rows already recorded for the due records, then one
``INSERT ... ON CONFLICT DO NOTHING RETURNING`` per chunk of the missing ones; only the rows that
INSERT returns are this run's to send. One dispatcher runs at a time (a PostgreSQL advisory
lock), so a run longer than the beat interval is not doubled. The send task is enqueued only after
the claim commits; a claim whose task never ran (broker down, worker killed) is found again by
``retry_stale`` once its ``next_attempt_at`` has passed: the claim's lease
(REMINDER_RETRY_STALE_AFTER_SECONDS), or the back-off after a refused e-mail. Each run ends by
checking the e-mail backlog (an error in the log when it is too old) and recording that it
completed, for /healthz/.
"""

import datetime as dt
import logging
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection, transaction
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
# Claims per transaction, and rows per INSERT: at 12 parameters a row, 2500 rows stay under
# SQLite's 32766 parameters (PostgreSQL allows 65535). A claim chunk's superseded rows (the
# missed lead times, usually 0 to 3 a claim) go in one or two more INSERTs.
CHUNK = 1000
ROWS_PER_INSERT = 2500


@dataclass
class DispatchReport:
    claimed: int = 0
    retried: int = 0
    skipped: int = 0
    not_enqueued: int = 0
    busy: bool = False  # another dispatcher held the lock: this run did nothing
    delivery_ids: list[int] = field(default_factory=list)

    def __str__(self):
        if self.busy:
            return "skipped: another dispatcher is running"
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

    def __call__(self, delivery_ids: list[int]) -> None:
        """One task per delivery, all sent through one broker connection (not one each)."""
        from cmcoord.celery import app  # tasks import this module
        from cmcoord.tasks import send_reminder_delivery

        with app.producer_or_acquire() as producer:
            for delivery_id in delivery_ids:
                self._send(send_reminder_delivery, delivery_id, producer)

    def _send(self, task, delivery_id: int, producer) -> None:
        if self.broker_down:
            self.report.not_enqueued += 1
            return
        try:
            task.apply_async((delivery_id,), producer=producer)
        except BrokerError:
            logger.exception("Broker unreachable; delivery %s waits for the next dispatch", delivery_id)
            self.broker_down = True
            self.report.not_enqueued += 1
        except Exception:
            logger.exception("Delivery %s failed inline; the next dispatch retries it", delivery_id)

    def on_commit(self, delivery_ids: list[int]) -> None:
        ids = list(delivery_ids)
        if ids:
            transaction.on_commit(lambda: self(ids))


def dispatch(now: dt.datetime | None = None) -> DispatchReport:
    """One run: what the beat task, `manage.py send_reminders` and the tests all call.

    One dispatcher at a time: a run that finds another one still going returns at once with
    ``busy`` set (the next beat tries again).
    """
    now = now or timezone.now()
    report = DispatchReport()
    with one_dispatcher() as alone:
        if not alone:
            report.busy = True
            logger.warning("Reminder dispatch skipped: another dispatcher is still running")
            return report
        enqueue = _Enqueuer(report)
        for group in _by_kind_and_lead(everything_due(now)):
            claim_group(group, enqueue, now)
        retry_stale(now, enqueue)
    logger.info("Reminder dispatch: %s", report)
    check_backlog(now)
    record_dispatch(now)
    return report


# pg_try_advisory_lock takes a bigint: a fixed key for "the reminder dispatcher".
DISPATCHER_LOCK_KEY = 0x636D636F6F7264  # "cmcoord"


@contextmanager
def one_dispatcher():
    """A PostgreSQL session advisory lock held for the run; yields whether this run got it.

    Released at the end, or by PostgreSQL when the process dies (its connection closes). SQLite
    serialises writers on its own and the unique constraint keeps claims single: there it is a
    no-op.
    """
    if connection.vendor != "postgresql":
        yield True
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [DISPATCHER_LOCK_KEY])
        got = cursor.fetchone()[0]
    try:
        yield got
    finally:
        if got:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [DISPATCHER_LOCK_KEY])


def _by_kind_and_lead(dues: list[Due]) -> list[list[Due]]:
    groups: dict[tuple[str, int], list[Due]] = defaultdict(list)
    for due in dues:
        groups[(due.kind, due.lead_days)].append(due)
    return list(groups.values())


def _chunks(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


Key = tuple[str, dt.date, int, int]  # subject, occasion, lead days, recipient


def _existing_keys(dues: list[Due]) -> set[Key]:
    """Every row already recorded for these series (all lead times), in one read per chunk.

    A group holds one kind; each subject is due once per run, so its rows are read once.
    """
    if not dues:
        return set()
    kind = dues[0].kind
    occasions = {due.subject: due.occasion for due in dues}
    keys: set[Key] = set()
    for subjects in _chunks(list(occasions), CHUNK):
        rows = ReminderDelivery.objects.filter(kind=kind, subject__in=subjects).values_list(
            "subject", "occasion", "lead_days", "recipient_id"
        )
        keys.update(row for row in rows if occasions[row[0]] == row[1])
    return keys


def claim_group(dues: list[Due], enqueue: _Enqueuer, now: dt.datetime) -> None:
    """Claim every reminder of one kind and lead time that has no row yet: set-based.

    The missing (subject, recipient) pairs go in with INSERT ... ON CONFLICT DO NOTHING RETURNING,
    in chunks of CHUNK rows each in its own transaction: of two dispatchers racing (should the
    lock ever be bypassed) each row goes to one, and only the rows this run inserted are sent.
    """
    existing = _existing_keys(dues)
    wanted = [
        (due, recipient_id)
        for due in dues
        for recipient_id in due.recipient_ids
        if (due.subject, due.occasion, due.lead_days, recipient_id) not in existing
    ]
    for chunk in _chunks(wanted, CHUNK):
        with transaction.atomic():
            claimed = _insert_claims(chunk, now)
            enqueue.report.skipped += _supersede(claimed, existing)
            enqueue.on_commit([delivery_id for delivery_id, _due, _recipient in claimed])
        enqueue.report.claimed += len(claimed)
        enqueue.report.delivery_ids.extend(delivery_id for delivery_id, _due, _recipient in claimed)


_COLUMNS = (
    "kind",
    "subject",
    "occasion",
    "lead_days",
    "recipient_id",
    "operation_id",
    "status",
    "attempts",
    "claimed_at",
    "next_attempt_at",
    "email_state",
    "last_error",
)


def _insert_claims(chunk: list[tuple[Due, int]], now: dt.datetime) -> list[tuple[int, Due, int]]:
    """One INSERT of the chunk's claims; returns (id, due, recipient) of the rows it inserted."""
    retry_at = now + lease()  # then the dispatcher retries a lost task
    rows = [
        (due, recipient_id, due.lead_days, Status.CLAIMED, EmailState.PENDING, retry_at)
        for due, recipient_id in chunk
    ]
    inserted = _insert(rows, now, returning=True)
    inserted.sort()  # the order RETURNING gives is not promised
    by_key = {(due.subject, recipient_id): due for due, recipient_id in chunk}
    return [(pk, by_key[(subject, recipient_id)], recipient_id) for pk, subject, recipient_id in inserted]


def _insert(rows: list[tuple], now: dt.datetime, *, returning: bool = False) -> list[tuple]:
    """INSERT ... ON CONFLICT DO NOTHING of (due, recipient, lead, status, e-mail state, next attempt)
    rows, in statements of at most ROWS_PER_INSERT; with ``returning``, the rows it inserted."""
    table = connection.ops.quote_name(ReminderDelivery._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(c) for c in _COLUMNS)
    placeholders = "(" + ", ".join(["%s"] * len(_COLUMNS)) + ")"
    tail = " RETURNING id, subject, recipient_id" if returning else ""
    inserted: list[tuple] = []
    for batch in _chunks(rows, ROWS_PER_INSERT):
        params: list = []
        for due, recipient_id, lead_days, status, email_state, next_attempt_at in batch:
            params += [
                due.kind,
                due.subject,
                due.occasion,
                lead_days,
                recipient_id,
                due.operation_id,
                status,
                0,
                now,
                next_attempt_at,
                email_state,
                "",
            ]
        values = ", ".join([placeholders] * len(batch))
        # Only quoted names and placeholders go into the text; the values are parameters.
        sql = f"INSERT INTO {table} ({columns}) VALUES {values} ON CONFLICT DO NOTHING{tail}"  # noqa: S608
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            if returning:
                inserted += cursor.fetchall()
    return inserted


def _supersede(claimed: list[tuple[int, Due, int]], existing: set[Key]) -> int:
    """The new reminders replace what is still pending about the same record for the same person.

    A failing e-mail of an earlier lead time, or of an earlier phase-out date, is stale news once
    a newer reminder is claimed: it is recorded as SUPERSEDED, never as sent. One being handed to
    SMTP right now is left alone (its send checks again, see ``delivery``). Missed, less urgent
    lead times of the series get a SUPERSEDED row so they never go out after the urgent one.
    One read and one UPDATE for the older rows, one INSERT for the missed lead times.
    """
    if not claimed:
        return 0
    new_ids = {pk for pk, _due, _recipient in claimed}
    pairs = {(due.subject, recipient_id) for _pk, due, recipient_id in claimed}
    older = (
        ReminderDelivery.objects.filter(
            subject__in={subject for subject, _ in pairs}, status__in=PENDING, pk__lt=max(new_ids)
        )
        .exclude(email_state=EmailState.SENDING)
        .values_list("pk", "subject", "recipient_id")
    )
    stale = [
        pk for pk, subject, recipient_id in older if pk not in new_ids and (subject, recipient_id) in pairs
    ]
    updated = 0
    if stale:
        updated = ReminderDelivery.objects.filter(pk__in=stale).update(
            status=Status.SUPERSEDED,
            email_state=EmailState.DROPPED,
            next_attempt_at=None,
            last_error="superseded by a newer reminder about the same record",
        )
    rows = [
        (due, recipient_id, lead, Status.SUPERSEDED, EmailState.DROPPED, None)
        for _pk, due, recipient_id in claimed
        for lead in due.superseded
        if (due.subject, due.occasion, lead, recipient_id) not in existing
    ]
    _insert(rows, timezone.now())
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
        enqueue.on_commit(ids)
    enqueue.report.retried += len(ids)
