"""Celery tasks: thin doors onto ``cmcoord.reminders``.

Both are idempotent: the dispatcher only claims what has no ReminderDelivery row yet, and the
send task does nothing for a row that is already SENT, SKIPPED or being sent by another worker.
"""

from smtplib import SMTPException

from celery import shared_task
from celery.utils.time import get_exponential_backoff_interval
from django.db import InterfaceError, OperationalError

from cmcoord import reminders

# Transient: the SMTP server or the network (OSError covers timeouts and refused connections),
# or a database that went away for a moment.
SEND_ERRORS = (SMTPException, OSError, OperationalError, InterfaceError)
BACKOFF_FIRST_SECONDS = 30
# Below REMINDER_RETRY_STALE_AFTER_SECONDS (no overlap with the dispatcher's retries) and far
# below the broker's visibility timeout (no long ETA in Redis).
BACKOFF_MAX_SECONDS = 300


@shared_task(name="cmcoord.tasks.dispatch_reminders")
def dispatch_reminders() -> str:
    return str(reminders.dispatch())


@shared_task(bind=True, name="cmcoord.tasks.send_reminder_delivery", max_retries=5)
def send_reminder_delivery(self, delivery_id: int) -> str:
    """Exponential back-off on SMTP and network errors: only this one delivery is retried.

    Written out rather than ``autoretry_for``: run inline (no Redis, eager mode) a retry would
    fire at once with no back-off; there the failure stays on the row for the next dispatch.
    """
    try:
        return reminders.deliver(delivery_id)
    except SEND_ERRORS as exc:
        if self.request.is_eager:
            raise
        countdown = get_exponential_backoff_interval(
            factor=BACKOFF_FIRST_SECONDS,
            retries=self.request.retries,
            maximum=BACKOFF_MAX_SECONDS,
            full_jitter=True,
        )
        raise self.retry(exc=exc, countdown=countdown) from exc
