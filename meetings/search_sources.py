"""What of meetings and action points people find from the operation's search box
(``cmcoord.site_search``). Minutes are searched only for those who read them."""

from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from cmcoord import site_search
from meetings.models import ActionPoint, Meeting
from meetings.rules import can_read_minutes


def _when(meeting) -> str:
    return (
        formats.date_format(timezone.localtime(meeting.starts_at), "SHORT_DATE_FORMAT")
        if meeting.starts_at
        else ""
    )


def _due(action_point) -> str:
    due = formats.date_format(action_point.due_date, "SHORT_DATE_FORMAT") if action_point.due_date else ""
    return f"{action_point.get_status_display()} · {due}" if due else action_point.get_status_display()


def register() -> None:
    site_search.register(
        "meetings",
        model=Meeting,
        label=_("Meetings"),
        fields={"title": "A", "location": "B", "summary": "B", "minutes": "C"},
        masked={"minutes": can_read_minutes},
        title=lambda meeting: meeting.title,
        meta=_when,
    )
    site_search.register(
        "action-points",
        model=ActionPoint,
        label=_("Action points"),
        fields={"title": "A", "description": "B", "progress_note": "C"},
        meta=_due,
    )
