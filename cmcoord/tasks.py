"""Celery tasks: thin doors onto ``cmcoord.reminders``.

Both are idempotent: the dispatcher only claims what has no ReminderDelivery row yet, and the
send task does nothing for a row that is already delivered, dropped, or being sent by another
worker. A refused e-mail is not retried by Celery: the row keeps its back-off
(``next_attempt_at``) and the dispatcher hands it out again, so no retry waits in Redis.
"""

from celery import shared_task

from cmcoord import housekeeping, reminders
from cmcoord.reminders import digest


@shared_task(name="cmcoord.tasks.dispatch_reminders")
def dispatch_reminders() -> str:
    return str(reminders.dispatch())


@shared_task(name="cmcoord.tasks.send_reminder_delivery")
def send_reminder_delivery(delivery_id: int) -> str:
    return reminders.deliver(delivery_id)


@shared_task(name="cmcoord.tasks.send_digests")
def send_digests() -> str:
    """Once a day (beat): each user's daily digest of the kinds they chose to gather."""
    return digest.send_digests()


@shared_task(name="cmcoord.tasks.tidy")
def tidy() -> str:
    """Once a day (beat): expired idempotency keys, API tokens and sessions leave the database."""
    return str(housekeeping.tidy())
