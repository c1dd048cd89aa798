""" "Waiting for you" (cmcoord/queues.py): the action points due or overdue, for their owner.

An action point enters its owner's queue the day before it is due and stays there, marked
overdue once its date has passed, until it is done or cancelled. The owner is told by the action
point reminders (meetings/reminders.py), so this queue sends no notice of its own.
"""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cmcoord import queues
from cmcoord.roles import Role
from meetings.models import ActionPoint


def due_or_overdue(user, operation_ids, now):
    tomorrow = timezone.localdate(now) + dt.timedelta(days=1)
    return (
        ActionPoint.objects.for_user(user)
        .open()
        .filter(operation__in=operation_ids, owner=user, due_date__lte=tomorrow)
        .order_by("due_date", "pk")
    )


def action_point_label(point, today: dt.date | None = None) -> str:
    """Its title and due date, and "overdue" in words (not only in colour)."""
    today = today or timezone.localdate()
    values = {"title": point.title, "date": f"{point.due_date:%Y-%m-%d}"}
    if point.due_date < today:
        return _("%(title)s: overdue, it was due on %(date)s") % values
    return _("%(title)s: due on %(date)s") % values


def register() -> None:
    queues.register(
        "action_points",
        roles={Role.FIELD_STAFF},
        title=gettext_lazy("Your action points due or overdue"),
        items=due_or_overdue,
        label=action_point_label,
        per_person=True,
    )
