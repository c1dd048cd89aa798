"""What is due now: reads that turn the database and the clock into reminder keys.

Each ``Due`` becomes one ReminderDelivery claim per recipient. Days are counted in the
operation's time zone: "7 days before" starts at midnight in Maputo, not in UTC.
"""

import datetime as dt
import logging
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass

from assets.models import AssetDeployment
from cmcoord.models import NotificationKind
from cmcoord.models.operations import DEFAULT_LEAD_DAYS
from cmcoord.roles import Role
from cmcoord.services import operation_members
from meetings.models import ActionPoint, Meeting, Participant

logger = logging.getLogger(__name__)

MAX_LEAD_DAYS = 365
WEEK = 7
ASSET_AUDIENCE = {Role.OFFICER, Role.HCT}


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


def asset_recipients(asset, members: list[tuple[object, str]]) -> tuple[int, ...]:
    """Officers and HCT members, and the focal point while they still hold a role in the operation."""
    ids = [user.pk for user, role in members if role in ASSET_AUDIENCE and user.is_active]
    active_members = {user.pk for user, _ in members if user.is_active}
    if asset.focal_point_id in active_members:
        ids.append(asset.focal_point_id)
    return tuple(dict.fromkeys(ids))


def due_for_asset(asset, today: dt.date, recipient_ids: tuple[int, ...]) -> Due | None:
    days_left = (asset.phase_out_on - today).days
    lead, superseded = phase_out_lead(days_left, lead_days_of(asset.operation))
    kind = NotificationKind.PHASE_OUT
    if lead is None:
        lead, superseded, kind = overdue_lead(-days_left), (), NotificationKind.PHASE_OUT_OVERDUE
    if lead is None:
        return None
    return Due(
        kind, f"asset:{asset.pk}", asset.phase_out_on, lead, asset.operation_id, recipient_ids, superseded
    )


def due_assets(now: dt.datetime) -> list[Due]:
    horizon = now.date() + dt.timedelta(days=MAX_LEAD_DAYS + 1)
    assets = (
        AssetDeployment.objects.active()
        .filter(phase_out_on__isnull=False, phase_out_on__lte=horizon)
        .select_related("operation")
        .order_by("pk")
    )
    members: dict[int, list] = {}
    due = []
    for asset in assets:
        if asset.operation_id not in members:
            members[asset.operation_id] = operation_members(asset.operation)
        recipients = asset_recipients(asset, members[asset.operation_id])
        item = due_for_asset(asset, local_today(asset.operation, now), recipients)
        if item and recipients:
            due.append(item)
    return due


def due_for_action_point(action_point, today: dt.date) -> Due | None:
    """Due today or tomorrow (sent the day before, or on the day if that was missed); overdue once."""
    days_left = (action_point.due_date - today).days
    if days_left in (0, 1):
        kind, lead = NotificationKind.ACTION_POINT_DUE, 1
    elif days_left < 0:
        kind, lead = NotificationKind.ACTION_POINT_OVERDUE, -1
    else:
        return None
    subject = f"action_point:{action_point.pk}"
    return Due(
        kind, subject, action_point.due_date, lead, action_point.operation_id, (action_point.owner_id,)
    )


def due_action_points(now: dt.datetime) -> list[Due]:
    points = (
        ActionPoint.objects.open()
        .filter(owner__isnull=False, owner__is_active=True, due_date__lte=now.date() + dt.timedelta(days=2))
        .select_related("operation")
        .order_by("pk")
    )
    due = (due_for_action_point(point, local_today(point.operation, now)) for point in points)
    return [item for item in due if item]


def due_for_meeting(meeting, now: dt.datetime, recipient_ids: tuple[int, ...]) -> Due | None:
    """The day before in the operation's time zone (or on the day, if that was missed)."""
    zone = operation_zone(meeting.operation)
    day = meeting.starts_at.astimezone(zone).date()
    if meeting.starts_at <= now or (day - now.astimezone(zone).date()).days not in (0, 1):
        return None
    kind = NotificationKind.MEETING_TOMORROW
    return Due(kind, f"meeting:{meeting.pk}", day, 1, meeting.operation_id, recipient_ids)


def due_meetings(now: dt.datetime) -> list[Due]:
    meetings = list(
        Meeting.objects.filter(
            status=Meeting.Status.SCHEDULED, starts_at__gt=now, starts_at__lte=now + dt.timedelta(days=2)
        )
        .select_related("operation")
        .order_by("pk")
    )
    invited = defaultdict(list)
    rows = Participant.objects.filter(meeting__in=meetings, user__isnull=False, user__is_active=True)
    for meeting_id, user_id in rows.order_by("pk").values_list("meeting_id", "user_id"):
        invited[meeting_id].append(user_id)
    due = (due_for_meeting(m, now, tuple(invited[m.pk])) for m in meetings if invited[m.pk])
    return [item for item in due if item]


def everything_due(now: dt.datetime) -> list[Due]:
    return [*due_assets(now), *due_action_points(now), *due_meetings(now)]
