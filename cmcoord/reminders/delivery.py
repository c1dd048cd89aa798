"""Sending one claimed reminder: e-mail and in-app notification, then the row is SENT.

The row is locked (SELECT ... FOR UPDATE SKIP LOCKED) for the whole send, and the notification
and the SENT mark commit together. So two tasks for the same row never both send (the second
skips the locked or already SENT row), and the in-app notification is never doubled.

Trade-off, chosen: at-least-once for the e-mail. The e-mail goes out before the transaction that
marks it SENT commits; a worker killed in that instant (or a failed commit) rolls the mark back
and a later dispatch sends the e-mail again. The other order (mark, commit, then send) would lose
the reminder instead, and a missed phase-out warning costs more than a duplicate. The window is
milliseconds, and a stable Message-ID lets mail clients fold such a duplicate.
"""

import datetime as dt
import logging
import os
import time
from urllib.parse import urlparse

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from cmcoord.models import Notification, ReminderDelivery

from .inbox import email_enabled
from .messages import Message, build_message

logger = logging.getLogger(__name__)
Status = ReminderDelivery.Status
PENDING = [Status.CLAIMED, Status.FAILED]


def deliver(delivery_id: int, *, now: dt.datetime | None = None) -> str:
    """Send one reminder if it is still pending; returns what happened (for logs and tests)."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            delivery = (
                ReminderDelivery.objects.select_for_update(skip_locked=True)
                .filter(pk=delivery_id, status__in=PENDING)
                .first()
            )
            if delivery is None:
                return "not pending"  # sent, skipped, or being sent by another worker right now
            return _send_and_mark(delivery, now)
    except Exception as exc:
        _record_failure(delivery_id, exc, now)
        raise


def _send_and_mark(delivery: ReminderDelivery, now: dt.datetime) -> str:
    message = build_message(delivery, now)
    delivery.attempts += 1
    if message is None:
        delivery.status = Status.SKIPPED
        delivery.last_error = "obsolete: the record changed or the recipient can no longer read it"
        delivery.save(update_fields=["status", "attempts", "last_error"])
        return "skipped"
    if _wants_email(delivery):
        _send_email(delivery, message)
    elif delivery.attempts > settings.REMINDER_MAX_EMAIL_ATTEMPTS:
        delivery.last_error = f"e-mail given up; in-app only. Last error: {delivery.last_error}"[:2000]
    delivery.notification = Notification.objects.create(
        recipient=delivery.recipient,
        operation_id=delivery.operation_id,
        kind=delivery.kind,
        title=message.title,
        body=message.body,
        url=message.path,
    )
    delivery.status, delivery.sent_at = Status.SENT, now
    delivery.save(update_fields=["status", "sent_at", "attempts", "last_error", "notification"])
    return "sent"


def _wants_email(delivery: ReminderDelivery) -> bool:
    user = delivery.recipient
    if not (user.is_active and user.email):
        return False
    if delivery.attempts > settings.REMINDER_MAX_EMAIL_ATTEMPTS:
        return False
    return email_enabled(user, delivery.kind)


def _send_email(delivery: ReminderDelivery, message: Message) -> None:
    _slow_down_for_tests()
    domain = urlparse(settings.SITE_URL).hostname or "cmcoord.localhost"
    email = EmailMessage(
        subject=f"[CMCoord] {message.title}",
        body=message.email_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[delivery.recipient.email],
        headers={"Message-ID": f"<reminder-{delivery.pk}@{domain}>"},
    )
    email.send(fail_silently=False)


def _slow_down_for_tests() -> None:
    """The worker tests kill a worker mid-send: CMCOORD_TEST_SEND_DELAY widens that moment."""
    delay = os.environ.get("CMCOORD_TEST_SEND_DELAY")
    if delay and not settings.PRODUCTION:
        time.sleep(float(delay))


def _record_failure(delivery_id: int, exc: Exception, now: dt.datetime) -> None:
    """Outside the rolled-back transaction: the row says why, and when it was last tried."""
    try:
        ReminderDelivery.objects.filter(pk=delivery_id, status__in=PENDING).update(
            status=Status.FAILED,
            attempts=F("attempts") + 1,
            last_error=f"{type(exc).__name__}: {exc}"[:2000],
            claimed_at=now,
        )
    except Exception:
        logger.exception("Could not record the failure of reminder delivery %s", delivery_id)
