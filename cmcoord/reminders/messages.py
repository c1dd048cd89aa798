"""What a reminder says, built at send time from the current records and for one recipient.

A reminder whose record changed since it was claimed (asset withdrawn, date moved, action point
done, meeting cancelled) or that its recipient may no longer read gives None: it is skipped.
"""

import datetime as dt
from dataclasses import dataclass

from django.template.loader import render_to_string

from assets.models import ACTIVE_STATUSES, AssetDeployment, Dependency, Readiness
from cmcoord.models import NotificationKind
from cmcoord.permissions import visible_related
from meetings.models import ActionPoint, Meeting

from .due import local_today, operation_zone
from .links import absolute_url, action_point_path, asset_path, meeting_path, preferences_path

TITLE_MAX = 300


@dataclass(frozen=True)
class Message:
    title: str  # the e-mail subject and the notification title
    body: str  # the in-app text
    email_text: str  # the in-app text with the absolute link and a footer
    path: str


def build_message(delivery, now: dt.datetime) -> Message | None:
    record, _, pk = delivery.subject.partition(":")
    builder = {"asset": _asset, "action_point": _action_point, "meeting": _meeting}.get(record)
    if builder is None or not pk.isdigit():
        return None
    return builder(int(pk), delivery, now)


def days_phrase(days: int) -> str:
    return {0: "today", 1: "tomorrow"}.get(days, f"in {days} days")


def _render(template: str, title: str, path: str, context: dict) -> Message:
    context = {**context, "url": absolute_url(path), "preferences_url": absolute_url(preferences_path())}
    body = render_to_string(template, {**context, "email": False}).strip()
    email_text = render_to_string(template, {**context, "email": True}).strip() + "\n"
    return Message(" ".join(title.split())[:TITLE_MAX], body, email_text, path)


def _asset(pk: int, delivery, now) -> Message | None:
    user = delivery.recipient
    asset = (
        AssetDeployment.objects.for_user(user).select_related("provider", "operation").filter(pk=pk).first()
    )
    if asset is None or asset.status not in ACTIVE_STATUSES or asset.phase_out_on != delivery.occasion:
        return None
    days_left = (asset.phase_out_on - local_today(asset.operation, now)).days
    dependencies = list(Dependency.objects.for_user(user).filter(asset=asset).order_by("activity"))
    provider = visible_related(user, asset, "provider")
    named = f"{asset.name} ({provider})" if provider else asset.name
    if delivery.kind == NotificationKind.PHASE_OUT_OVERDUE:
        title = f"{named} is {-days_left} days past its phase-out date"
    else:
        title = f"{named} phases out {days_phrase(days_left)}"
    context = {
        "asset": asset,
        "provider": provider,
        "days_left": days_left,
        "days_over": -days_left,
        "overdue": days_left < 0,
        "dependencies": dependencies,
        "not_ready": [d for d in dependencies if d.alternative_readiness != Readiness.READY],
        "user": user,
    }
    return _render("email/reminders/asset.txt", title, asset_path(asset), context)


def _action_point(pk: int, delivery, now) -> Message | None:
    user = delivery.recipient
    point = ActionPoint.objects.for_user(user).select_related("operation", "meeting").filter(pk=pk).first()
    if point is None or point.owner_id != user.pk or point.due_date != delivery.occasion:
        return None
    if point.status not in (ActionPoint.Status.OPEN, ActionPoint.Status.IN_PROGRESS):
        return None
    days_left = (point.due_date - local_today(point.operation, now)).days
    if delivery.kind == NotificationKind.ACTION_POINT_OVERDUE:
        title = f"Action point overdue since {point.due_date:%Y-%m-%d}: {point.title}"
    else:
        title = f"Action point due {days_phrase(days_left)}: {point.title}"
    context = {
        "point": point,
        "meeting": visible_related(user, point, "meeting"),
        "days_left": days_left,
        "days_over": -days_left,
        "user": user,
    }
    return _render("email/reminders/action_point.txt", title, action_point_path(point), context)


def _meeting(pk: int, delivery, now) -> Message | None:
    user = delivery.recipient
    meeting = Meeting.objects.for_user(user).select_related("operation", "forum").filter(pk=pk).first()
    if meeting is None or meeting.status != Meeting.Status.SCHEDULED or meeting.starts_at <= now:
        return None
    zone = operation_zone(meeting.operation)
    starts = meeting.starts_at.astimezone(zone)
    if starts.date() != delivery.occasion or not meeting.participants.filter(user=user).exists():
        return None
    days = (starts.date() - now.astimezone(zone).date()).days
    title = f"Meeting {days_phrase(days)} at {starts:%H:%M}: {meeting.title}"
    # Formatted here: the template's date filter would turn it back to UTC.
    context = {
        "meeting": meeting,
        "forum": visible_related(user, meeting, "forum"),
        "when": f"{starts:%A %Y-%m-%d %H:%M}",
        "zone": zone,
        "user": user,
    }
    return _render("email/reminders/meeting.txt", title, meeting_path(meeting), context)
