"""Line breaks and control characters typed into a record never break a calendar or card property
or a header, and the record keeps its words (issue 12, point 2)."""

import re

import icalendar
import pytest
import vobject

from actors.models import Actor
from contacts.models import Contact
from meetings.models import ActionPoint, Meeting, Participant
from tests.reminders.conftest import at, eager_celery  # noqa: F401 (a fixture)

NASTY = "Airlift\r\nBEGIN:VEVENT\rUID:forged\x07\x1b\u2028Beira\x85end"  # no NUL: PostgreSQL refuses it
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")


def _store(world, field):
    Meeting.objects.filter(pk=world.meeting.pk).update(title=NASTY, location=NASTY, summary=NASTY)
    ActionPoint.objects.filter(pk=world.action_point_of_field.pk).update(title=NASTY, description=NASTY)
    Actor.objects.filter(pk=world.actor_shareable.pk).update(name=NASTY)
    Contact.objects.filter(pk=world.contact_approved.pk).update(
        full_name=NASTY, rank_or_title=NASTY, languages=NASTY, phone="+258\r\n84", radio_call_sign="E\x07CHO"
    )


def test_calendar_properties_keep_the_words_on_their_own_lines(world, api, field):
    _store(world, field)
    for path in (
        f"/api/v1/feeds/{field.calendar_feed_token}.ics",
        f"/api/v1/meetings/{world.meeting.pk}/ics/",
        f"/api/v1/operations/{world.operation.pk}/meetings.ics",
    ):
        response = api("officer").get(path)
        assert response.status_code == 200, path
        raw = response.getvalue()  # the operation's calendar is streamed
        body = raw.decode()
        assert not CONTROL.search(body.replace("\r\n", "")), path  # only the format's own line ends
        events = icalendar.Calendar.from_ical(raw).walk("VEVENT")
        assert "forged" not in {str(event["UID"]) for event in events}
        summaries = [str(event["SUMMARY"]) for event in events]
        assert any(
            s.startswith("Airlift\nBEGIN:VEVENT\nUID:forged") and s.endswith("Beira\nend") for s in summaries
        )


def test_a_card_keeps_the_words_and_no_control_character(world, api):
    _store(world, None)
    response = api("officer").get(f"/api/v1/contacts/{world.contact_approved.pk}/vcf/")
    assert response.status_code == 200
    body = response.content.decode()
    assert not CONTROL.search(body.replace("\r\n", ""))
    card = vobject.readOne(body)
    assert card.fn.value.startswith("Airlift\nBEGIN:VEVENT")
    assert card.tel.value == "+258 84" and card.x_radio_call_sign.value == "ECHO"
    assert "\n" not in response["Content-Disposition"]


@pytest.mark.usefixtures("eager_celery")  # the reminders run in this process, Redis or not
def test_a_reminder_subject_is_one_line_of_the_titles_words(
    world, field, mailoutbox, django_capture_on_commit_callbacks
):
    from cmcoord.reminders import dispatch

    _store(world, field)
    Participant.objects.get_or_create(meeting=world.meeting, user=field)
    point = world.action_point_of_field
    with at(point.due_date, 9), django_capture_on_commit_callbacks(execute=True):
        dispatch()
    [message] = [m for m in mailoutbox if m.to == [field.email]]
    assert message.subject.endswith("Airlift BEGIN:VEVENT UID:forged Beira end")
    assert not CONTROL.search(message.subject)
    message.message()  # the e-mail's headers are valid
