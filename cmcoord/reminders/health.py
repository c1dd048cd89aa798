"""How the reminders are doing, for the dispatcher's log and /healthz/: counts and ages only.

The backlog is the reminders claimed but not yet delivered (an e-mail the SMTP server has not
taken, or a task that never ran). Older than REMINDER_EMAIL_BACKLOG_ALERT minutes, it is an
error: a reminder that waits that long is about to miss the day it is about.
"""

import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, Min, Q

from cmcoord.models import Heartbeat, ReminderDelivery

logger = logging.getLogger(__name__)
DISPATCH = "reminder_dispatch"
PENDING = [ReminderDelivery.Status.CLAIMED, ReminderDelivery.Status.FAILED]


@dataclass(frozen=True)
class Backlog:
    pending: int  # claimed and not yet delivered, however young
    overdue: int  # of those, older than the alert
    oldest_age_seconds: int | None

    @property
    def ok(self) -> bool:
        return self.overdue == 0


def backlog(now: dt.datetime) -> Backlog:
    """One indexed aggregate over the pending rows (a handful, unless SMTP is down)."""
    cutoff = now - dt.timedelta(minutes=settings.REMINDER_EMAIL_BACKLOG_ALERT)
    numbers = ReminderDelivery.objects.filter(status__in=PENDING).aggregate(
        pending=Count("pk"), overdue=Count("pk", filter=Q(claimed_at__lt=cutoff)), oldest=Min("claimed_at")
    )
    oldest = numbers["oldest"]
    age = max(0, int((now - oldest).total_seconds())) if oldest else None
    return Backlog(numbers["pending"], numbers["overdue"], age)


def check_backlog(now: dt.datetime) -> Backlog:
    """The dispatcher's last step: a backlog past the alert is an error in the log."""
    found = backlog(now)
    if not found.ok:
        logger.error(
            "Reminder backlog: %s reminder(s) undelivered for more than %s minutes (oldest %s min); "
            "check the SMTP server and the workers",
            found.overdue,
            settings.REMINDER_EMAIL_BACKLOG_ALERT,
            (found.oldest_age_seconds or 0) // 60,
        )
    return found


def record_dispatch(now: dt.datetime) -> None:
    Heartbeat.objects.update_or_create(
        name=DISPATCH,
        defaults={"completed_at": now},
        create_defaults={"completed_at": now, "watched_since": now},
    )


def dispatch_age(now: dt.datetime) -> tuple[int | None, bool]:
    """Seconds since the dispatcher last completed (None: never), and whether that is recent enough.

    Never completed: judged from when the health check first looked, so a beat that was never
    started turns the check red too (after the same delay), not at once on a fresh install.
    """
    beat, _ = Heartbeat.objects.get_or_create(name=DISPATCH, defaults={"watched_since": now})
    waited = now - (beat.completed_at or beat.watched_since)
    fresh = waited.total_seconds() <= settings.REMINDER_DISPATCH_STALE_AFTER_SECONDS
    if beat.completed_at is None:
        return None, fresh
    return max(0, int(waited.total_seconds())), fresh
