"""Texts of the meetings composed for someone else are written in that person's language."""

import datetime as dt
from types import SimpleNamespace

import time_machine

from cmcoord.models import NotificationKind
from cmcoord.reminders.messages import build_message
from meetings.models import Participant
from tests.factories import ForumFactory, MeetingFactory

MAPUTO = dt.timezone(dt.timedelta(hours=2))
MONDAY = dt.datetime(2026, 12, 7, 8, 30, tzinfo=MAPUTO)


def _meeting_reminder(operation, user) -> str:
    meeting = MeetingFactory(
        forum=ForumFactory(operation=operation), starts_at=MONDAY, ends_at=MONDAY + dt.timedelta(hours=1)
    )
    Participant.objects.create(meeting=meeting, user=user)
    delivery = SimpleNamespace(
        recipient=user,
        kind=NotificationKind.MEETING_TOMORROW,
        subject=f"meeting:{meeting.pk}",
        occasion=MONDAY.date(),
    )
    with time_machine.travel(MONDAY - dt.timedelta(days=1), tick=False):
        message = build_message(delivery, dt.datetime.now(dt.UTC))
    return message.email_text


def test_a_meeting_reminder_names_the_weekday_in_the_readers_language(operation, field):
    field.language = "fr"  # the language they chose (cmcoord.i18n.language_for)
    text = _meeting_reminder(operation, field)
    assert "lundi 2026-12-07 08:30" in text and "Monday" not in text


def test_an_english_reader_still_reads_the_weekday_in_english(operation, field):
    assert "Monday 2026-12-07 08:30" in _meeting_reminder(operation, field)
