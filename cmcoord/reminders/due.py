"""What is due now: the registered apps turn the database and the clock into reminder keys.

This module holds what they share: lead times, overdue cadence, days in the operation's time
zone. Each ``Due`` becomes one ReminderDelivery claim per recipient. Days are counted in the
operation's time zone: "7 days before" starts at midnight in Maputo, not in UTC.
"""

import datetime as dt
import logging
import zoneinfo
from dataclasses import dataclass

from cmcoord.models.operations import DEFAULT_LEAD_DAYS

from . import registry

logger = logging.getLogger(__name__)

MAX_LEAD_DAYS = 365
WEEK = 7


@dataclass(frozen=True)
class Due:
    kind: str
    subject: str
    occasion: dt.date
    lead_days: int
    operation_id: int
    recipient_ids: tuple[int, ...]
    # Less urgent lead times whose day also came (missed during an outage): never to be sent.
    superseded: tuple[int, ...] = ()


def operation_zone(operation) -> dt.tzinfo:
    try:
        return operation.zone
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        logger.warning(
            "Operation %s has an unknown time zone %r; using UTC", operation.pk, operation.time_zone
        )
        return dt.UTC


def local_today(operation, now: dt.datetime) -> dt.date:
    return now.astimezone(operation_zone(operation)).date()


def lead_days_of(operation) -> list[int]:
    """The operation's lead times, most distant first; a malformed list falls back to the default."""
    days = operation.reminder_lead_days if isinstance(operation.reminder_lead_days, list) else []
    valid = {d for d in days if isinstance(d, int) and not isinstance(d, bool) and 0 < d <= MAX_LEAD_DAYS}
    return sorted(valid or DEFAULT_LEAD_DAYS, reverse=True)


def phase_out_lead(days_left: int, leads: list[int]) -> tuple[int | None, tuple[int, ...]]:
    """The most urgent lead time whose day has come, and the less urgent ones it supersedes."""
    if days_left < 0:
        return None, ()
    passed = sorted(d for d in leads if days_left <= d)
    if not passed:
        return None, ()
    return passed[0], tuple(passed[1:])


def overdue_lead(days_over: int) -> int | None:
    """Past the date: once on the first day, then weekly (-1, -8, -15, ...) until resolved."""
    if days_over < 1:
        return None
    return -(1 + WEEK * ((days_over - 1) // WEEK))


def everything_due(now: dt.datetime) -> list[Due]:
    """What every registered app says is due now."""
    return [item for source in registry.sources() for item in source.due(now)]
