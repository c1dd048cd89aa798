"""iCalendar (RFC 5545) for meetings and action points: one meeting, an operation's, a user's feed.

Meetings are events in UTC with their summary (never the minutes). An action point is an
all-day event on its due date: calendar apps show those, while most ignore VTODO.
"""

import datetime as dt

from django.conf import settings
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from .text import one_line, property_text

PRODID = "-//CMCoord//Civil-military coordination//EN"
UID_DOMAIN = "cmcoord"
STATUS = {"scheduled": "CONFIRMED", "held": "CONFIRMED", "cancelled": "CANCELLED"}


def _calendar(name: str) -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", one_line(name))
    return cal


def meeting_event(meeting) -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{UID_DOMAIN}")
    event.add("dtstamp", meeting.updated_at)
    event.add("last-modified", meeting.updated_at)
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at)
    event.add("summary", property_text(meeting.title))
    if meeting.location:
        event.add("location", property_text(meeting.location))
    if meeting.summary:
        event.add("description", property_text(meeting.summary))
    event.add("status", STATUS.get(meeting.status, "CONFIRMED"))
    event.add("url", f"{settings.SITE_URL}{meeting.get_absolute_url()}")
    return event


def action_point_event(action_point) -> Event:
    event = Event()
    event.add("uid", f"action-point-{action_point.pk}@{UID_DOMAIN}")
    event.add("dtstamp", action_point.updated_at)
    event.add("last-modified", action_point.updated_at)
    event.add("dtstart", action_point.due_date)
    if action_point.due_date < dt.date.max:  # an all-day event without DTEND is one day long anyway
        event.add("dtend", action_point.due_date + dt.timedelta(days=1))
    event.add("summary", property_text(_("Action point due: %(title)s") % {"title": action_point.title}))
    text = "\n\n".join(part for part in (action_point.description, action_point.progress_note) if part)
    if text:
        event.add("description", property_text(text))
    event.add("status", "CANCELLED" if action_point.status == "cancelled" else "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    return event


def calendar(name: str, *, meetings=(), action_points=()) -> bytes:
    cal = _calendar(name)
    for meeting in meetings:
        cal.add_component(meeting_event(meeting))
    for action_point in action_points:
        cal.add_component(action_point_event(action_point))
    return cal.to_ical()
