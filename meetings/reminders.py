"""Reminders of action points (due tomorrow or today, then overdue) and of meetings (the day
before, to the invited users), registered with the core's reminder machinery. Days are counted in
the operation's time zone."""

import datetime as dt
from collections import defaultdict
from types import SimpleNamespace

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cmcoord import reminders
from cmcoord.i18n import override_for
from cmcoord.models import NotificationKind, Operation
from cmcoord.permissions import visible_related
from cmcoord.reminders.due import Due, local_today, operation_zone
from cmcoord.reminders.messages import Message, render_message
from meetings.models import ActionPoint, Meeting, Participant
from meetings.record import local, meeting_record
from meetings.services import SUMMARY_RECORD, summary_title


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
    """Open action points due by tomorrow (or overdue) in their operation's time zone.

    The operations are read once and each one's local day computed once; the points are read as
    plain values, not model instances: tens of thousands may be overdue at any time.
    """
    points = ActionPoint.objects.open().filter(
        owner__isnull=False, owner__is_active=True, due_date__lte=now.date() + dt.timedelta(days=2)
    )
    operations = Operation.objects.filter(pk__in=points.values("operation_id"))
    today = {operation.pk: local_today(operation, now) for operation in operations}
    rows = points.order_by("pk").values_list("pk", "operation_id", "owner_id", "due_date")
    due = (
        due_for_action_point(
            SimpleNamespace(pk=pk, operation_id=op, owner_id=owner, due_date=date), today[op]
        )
        for pk, op, owner, date in rows.iterator(chunk_size=5000)
    )
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


def action_point_message(pk: int, delivery, now) -> Message | None:
    user = delivery.recipient
    point = ActionPoint.objects.for_user(user).select_related("operation", "meeting").filter(pk=pk).first()
    if point is None or point.owner_id != user.pk or point.due_date != delivery.occasion:
        return None
    if point.status not in (ActionPoint.Status.OPEN, ActionPoint.Status.IN_PROGRESS):
        return None
    days_left = (point.due_date - local_today(point.operation, now)).days
    context = {
        "point": point,
        "meeting": visible_related(user, point, "meeting"),
        "days_left": days_left,
        "days_over": -days_left,
        "user": user,
    }
    with override_for(user, point.operation):  # written in the owner's language
        title = _action_point_title(point, delivery.kind, days_left)
        return render_message("email/reminders/action_point.txt", title, point.get_absolute_url(), context)


def _action_point_title(point, kind, days_left: int) -> str:
    values = {"title": point.title, "date": f"{point.due_date:%Y-%m-%d}", "days": days_left}
    if kind == NotificationKind.ACTION_POINT_OVERDUE:
        return _("Action point overdue since %(date)s: %(title)s") % values
    if days_left == 0:
        return _("Action point due today: %(title)s") % values
    if days_left == 1:
        return _("Action point due tomorrow: %(title)s") % values
    return (
        ngettext(
            "Action point due in %(days)d day: %(title)s",
            "Action point due in %(days)d days: %(title)s",
            days_left,
        )
        % values
    )


def meeting_message(pk: int, delivery, now) -> Message | None:
    user = delivery.recipient
    meeting = Meeting.objects.for_user(user).select_related("operation", "forum").filter(pk=pk).first()
    if meeting is None or meeting.status != Meeting.Status.SCHEDULED or meeting.starts_at <= now:
        return None
    zone = operation_zone(meeting.operation)
    starts = meeting.starts_at.astimezone(zone)
    if starts.date() != delivery.occasion or not meeting.participants.filter(user=user).exists():
        return None
    days = (starts.date() - now.astimezone(zone).date()).days
    with override_for(user, meeting.operation):  # written in the invited person's language
        title = _meeting_title(meeting, starts, days)
        # Formatted here: the template's date filter would turn it back to UTC. The weekday's name
        # is in the reader's language.
        context = {
            "meeting": meeting,
            "forum": visible_related(user, meeting, "forum"),
            "when": formats.date_format(starts, "l Y-m-d H:i"),
            "zone": zone,
            "user": user,
        }
        return render_message("email/reminders/meeting.txt", title, meeting.get_absolute_url(), context)


def _meeting_title(meeting, starts, days: int) -> str:
    values = {"title": meeting.title, "time": f"{starts:%H:%M}", "days": days}
    if days == 0:
        return _("Meeting today at %(time)s: %(title)s") % values
    if days == 1:
        return _("Meeting tomorrow at %(time)s: %(title)s") % values
    return (
        ngettext(
            "Meeting in %(days)d day at %(time)s: %(title)s",
            "Meeting in %(days)d days at %(time)s: %(title)s",
            days,
        )
        % values
    )


def no_dates_due(now) -> list:
    return []  # the summary goes out when an officer sends it, never by date


def summary_message(pk: int, delivery, now) -> Message | None:
    """The meeting's summary, decisions and action points for one participant, composed when it
    goes out: in their language, only what they may read then (never the minutes), or nothing if
    they may no longer read the meeting."""
    user = delivery.recipient
    meeting = Meeting.objects.for_user(user).select_related("operation", "chair").filter(pk=pk).first()
    if meeting is None:
        return None
    record = meeting_record(user, meeting, with_minutes=False)
    zone = operation_zone(meeting.operation)
    with override_for(user, meeting.operation):
        context = {
            "record": record,
            "meeting": meeting,
            "when": formats.date_format(local(meeting.starts_at, zone), "l Y-m-d H:i"),
            "zone": zone,
            "user": user,
        }
        return render_message(
            "email/meeting_summary.txt", summary_title(meeting), meeting.get_absolute_url(), context
        )


def register() -> None:
    reminders.register("action_point", due=due_action_points, message=action_point_message)
    reminders.register("meeting", due=due_meetings, message=meeting_message)
    reminders.register(SUMMARY_RECORD, due=no_dates_due, message=summary_message)
