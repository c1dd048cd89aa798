"""Sending one reminder: the in-app notification at once, the e-mail until it is accepted.

1. A short transaction locks the row (SELECT ... FOR UPDATE SKIP LOCKED), builds the message from
   the current records, creates the in-app notification if there is none yet and, when an e-mail
   is wanted, marks it SENDING with the attempt's time and attempt count. It commits: the
   notification never waits for SMTP, and is created once (it is on the row from then on).
2. The e-mail goes to the SMTP server outside any transaction. While its SENDING mark is younger
   than REMINDER_RETRY_STALE_AFTER_SECONDS, no other task sends it.
3. Right after the server's "250 accepted", before even the QUIT, one UPDATE in autocommit marks
   it SENT. A refused or failed send puts it back to PENDING with ``next_attempt_at`` after a
   capped exponential back-off; it is retried for as long as the reminder matters (until its
   record changes or a newer reminder about the same record supersedes it), never given up.

Trade-off, chosen: at-least-once for the e-mail. A worker killed (or a database lost) between the
server's acceptance and that UPDATE's commit leaves the row SENDING; once the mark is stale the
dispatcher sends it again. That window is the one round trip of the UPDATE (measured in
tests/reminders/test_smtp.py, figure in the README). The other order (mark, then send) would lose
the reminder instead. A stable Message-ID lets mail clients fold such a duplicate.
"""

import datetime as dt
import logging
import os
import time
from urllib.parse import urlparse

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from cmcoord.models import Notification, ReminderDelivery

from .inbox import DIGEST, OFF, email_choice
from .messages import Message, build_message

logger = logging.getLogger(__name__)
Status = ReminderDelivery.Status
EmailState = ReminderDelivery.EmailState
PENDING = [Status.CLAIMED, Status.FAILED]
# Rows that stand for a reminder (not one already dropped): a newer one of these supersedes.
LIVE = [*PENDING, Status.SENT]
OBSOLETE = "obsolete: the record changed or the recipient can no longer read it"


def backoff(attempts: int) -> dt.timedelta:
    """1, 2, 4 ... minutes after the attempts so far, capped at REMINDER_EMAIL_BACKOFF_MAX_SECONDS."""
    first, cap = settings.REMINDER_EMAIL_BACKOFF_FIRST_SECONDS, settings.REMINDER_EMAIL_BACKOFF_MAX_SECONDS
    return dt.timedelta(seconds=min(cap, first * 2 ** min(max(attempts - 1, 0), 20)))


def lease() -> dt.timedelta:
    """How long a task or a send may hold a row before the dispatcher hands it out again."""
    return dt.timedelta(seconds=settings.REMINDER_RETRY_STALE_AFTER_SECONDS)


def deliver(delivery_id: int, *, now: dt.datetime | None = None) -> str:
    """Deliver one reminder if it is still pending; returns what happened (for logs and tests)."""
    now = now or timezone.now()
    try:
        prepared = _prepare(delivery_id, now)
    except Exception as exc:
        _record_failure(delivery_id, exc, now)
        raise
    if isinstance(prepared, str):
        return prepared
    return _send_email(*prepared)


def _prepare(delivery_id: int, now: dt.datetime) -> str | tuple[ReminderDelivery, Message]:
    """The short transaction of step 1: what is left to do, the notification, the SENDING mark."""
    with transaction.atomic():
        delivery = (
            ReminderDelivery.objects.select_for_update(skip_locked=True)
            .filter(pk=delivery_id, status__in=PENDING)
            .first()
        )
        if delivery is None:
            return "not pending"  # done, dropped, or locked by another worker right now
        if delivery.email_state == EmailState.SENDING and delivery.email_attempt_at + lease() > now:
            return "being sent"
        if _has_newer(delivery):
            _drop(delivery, Status.SUPERSEDED, "superseded by a newer reminder about the same record")
            return "superseded"
        message = build_message(delivery, now)
        if message is None:
            _drop(delivery, Status.SKIPPED, OBSOLETE)
            return "skipped"
        if delivery.notification_id is None:
            _notify(delivery, message, now)
        choice = _email_choice(delivery)
        if choice == OFF:
            delivery.status, delivery.email_state = Status.SENT, EmailState.OFF
            delivery.save()
            return "sent in-app"
        if choice == DIGEST:  # the daily digest (cmcoord/reminders/digest.py) sends the e-mail
            delivery.status, delivery.email_state = Status.SENT, EmailState.DIGEST
            delivery.save()
            return "sent in-app, e-mail in the digest"
        delivery.email_state, delivery.email_attempt_at = EmailState.SENDING, now
        delivery.attempts += 1
        delivery.next_attempt_at = now + lease()
        delivery.save()
        return delivery, message


def _has_newer(delivery: ReminderDelivery) -> bool:
    """A reminder claimed later about the same record for the same person replaces this one."""
    return ReminderDelivery.objects.filter(
        subject=delivery.subject, recipient_id=delivery.recipient_id, pk__gt=delivery.pk, status__in=LIVE
    ).exists()


def _drop(delivery: ReminderDelivery, status: str, why: str) -> None:
    delivery.status, delivery.last_error, delivery.next_attempt_at = status, why, None
    if delivery.email_state != EmailState.SENT:
        delivery.email_state = EmailState.DROPPED
    delivery.save()


def _notify(delivery: ReminderDelivery, message: Message, now: dt.datetime) -> None:
    delivery.notification = Notification.objects.create(
        recipient=delivery.recipient,
        operation_id=delivery.operation_id,
        kind=delivery.kind,
        title=message.title,
        body=message.body,
        url=message.path,
    )
    delivery.notified_at = now


def _email_choice(delivery: ReminderDelivery) -> str:
    user = delivery.recipient
    if not (user.is_active and user.email):
        return OFF
    return email_choice(user, delivery.kind)


def _email(delivery: ReminderDelivery, message: Message) -> EmailMessage:
    domain = urlparse(settings.SITE_URL).hostname or "cmcoord.localhost"
    return EmailMessage(
        subject=f"[CMCoord] {message.title}",
        body=message.email_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[delivery.recipient.email],
        headers={"Message-ID": f"<reminder-{delivery.pk}@{domain}>"},
    )


def _send_email(delivery: ReminderDelivery, message: Message) -> str:
    """Steps 2 and 3: send, then mark SENT before closing the SMTP session."""
    connection = get_connection(fail_silently=False)
    try:
        connection.open()
        _slow_down_for_tests()
        connection.send_messages([_email(delivery, message)])
    except Exception as exc:
        _close(connection)
        _email_failed(delivery, exc)
        return "e-mail failed"
    _mark_sent(delivery)
    _close(connection)
    return "sent"


def _mark_sent(delivery: ReminderDelivery) -> None:
    """The one statement between the server's acceptance and a durable SENT: keep it alone."""
    marked = ReminderDelivery.objects.filter(
        pk=delivery.pk, email_state=EmailState.SENDING, email_attempt_at=delivery.email_attempt_at
    ).update(status=Status.SENT, email_state=EmailState.SENT, sent_at=timezone.now(), next_attempt_at=None)
    if not marked:  # the SENDING mark went stale and another task took the row over
        logger.warning("Reminder delivery %s was sent after its send mark went stale", delivery.pk)


def _email_failed(delivery: ReminderDelivery, exc: Exception) -> None:
    retry_at = delivery.email_attempt_at + backoff(delivery.attempts)
    logger.warning(
        "Reminder e-mail %s not accepted (try %s); retrying after %s: %s",
        delivery.pk,
        delivery.attempts,
        retry_at.isoformat(),
        exc,
    )
    ReminderDelivery.objects.filter(
        pk=delivery.pk, email_state=EmailState.SENDING, email_attempt_at=delivery.email_attempt_at
    ).update(
        status=Status.FAILED,
        email_state=EmailState.PENDING,
        next_attempt_at=retry_at,
        last_error=f"{type(exc).__name__}: {exc}"[:2000],
    )


def _close(connection) -> None:
    """The e-mail's fate is recorded by now: a failing QUIT changes nothing."""
    try:
        connection.close()
    except Exception:  # noqa: BLE001 - logged; nothing else to do with a dying SMTP session
        logger.info("Closing the SMTP connection failed", exc_info=True)


def _slow_down_for_tests() -> None:
    """The worker tests kill a worker mid-send: CMCOORD_TEST_SEND_DELAY widens that moment."""
    delay = os.environ.get("CMCOORD_TEST_SEND_DELAY")
    if delay and not settings.PRODUCTION:
        time.sleep(float(delay))


def _record_failure(delivery_id: int, exc: Exception, now: dt.datetime) -> None:
    """Outside the rolled-back transaction: the row says why, and when it is tried again."""
    try:
        row = ReminderDelivery.objects.filter(pk=delivery_id, status__in=PENDING)
        attempts = row.values_list("attempts", flat=True).first() or 0
        row.update(
            status=Status.FAILED,
            attempts=F("attempts") + 1,
            last_error=f"{type(exc).__name__}: {exc}"[:2000],
            next_attempt_at=now + backoff(attempts + 1),
        )
    except Exception:
        logger.exception("Could not record the failure of reminder delivery %s", delivery_id)
