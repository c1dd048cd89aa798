"""The meeting record on paper, as a Word document, and sent to the participants by e-mail: each
reader gets what they may read (the minutes only for officers and HCT/UNCT, no hidden people or
action points), the e-mail goes out once, to the right people, each in their own language."""

import io

import pytest
from django.core import mail
from docx import Document

from cmcoord.models import Notification, NotificationKind, ReminderDelivery
from meetings.models import AgendaItem, Decision, Meeting, Participant
from tests.factories import (
    ActionPointFactory,
    ContactFactory,
    ForumFactory,
    MeetingFactory,
    MilitaryActorFactory,
    UserFactory,
)
from tests.pages import page
from tests.reminders.conftest import eager_celery  # noqa: F401  (the delivery task runs inline)

MINUTES = "Said in the room: HIDDEN-MINUTES"
HIDDEN_PERSON = "HIDDEN-PERSON Col. Vusi"
HIDDEN_POINT = "HIDDEN-POINT brief the commander"


@pytest.fixture
def meeting(operation, officer, hct, field, outsider):
    meeting = MeetingFactory(
        forum=ForumFactory(operation=operation, name="UN-CMCoord cell Beira"),
        title='Cell "sitting"/Beira: Búzi',
        summary="Roads open north of Beira.",
        minutes=MINUTES,
        location="HCT hub",
        status="held",
    )
    AgendaItem.objects.create(meeting=meeting, position=1, title="Access to Búzi")
    Decision.objects.create(meeting=meeting, text="Convoys use the N6 without escort.")
    jtf = MilitaryActorFactory(operation=operation, name="JTF Kestrel")
    secret = ContactFactory(actor=jtf, full_name=HIDDEN_PERSON, sensitivity="restricted")
    Participant.objects.create(meeting=meeting, actor=jtf, contact=secret, attended=True)
    Participant.objects.create(meeting=meeting, actor=jtf, attended=True)
    for user in (officer, hct, field, outsider):
        Participant.objects.create(meeting=meeting, user=user)
    ActionPointFactory(operation=operation, meeting=meeting, owner=officer, title=HIDDEN_POINT)
    ActionPointFactory(operation=operation, meeting=meeting, owner=field, title="Share the road map")
    return meeting


# --- Print view ---------------------------------------------------------------------------------


def test_the_print_view_shows_the_record_and_the_minutes_only_to_who_may_read_them(
    client, operation, meeting, officer, hct, field
):
    url = page("meetings:print", operation, pk=meeting.pk)
    for reader, reads_all in ((officer, True), (hct, True), (field, False)):
        client.force_login(reader)
        body = client.get(url).content.decode()
        for shown in ("Access to Búzi", "Roads open north of Beira.", "Convoys use the N6", "JTF Kestrel"):
            assert shown in body, (reader, shown)
        assert "Share the road map" in body
        for hidden in (MINUTES, HIDDEN_PERSON, HIDDEN_POINT):
            assert (hidden in body) is reads_all, (reader, hidden)
        assert "<form" not in body and "<script" not in body


def test_a_restricted_meetings_record_is_not_found_by_field_staff(client, operation, field):
    secret = MeetingFactory(forum=ForumFactory(operation=operation), sensitivity="restricted")
    client.force_login(field)
    assert client.get(page("meetings:print", operation, pk=secret.pk)).status_code == 404
    assert client.get(page("meetings:record-docx", operation, pk=secret.pk)).status_code == 404


# --- DOCX -------------------------------------------------------------------------------------


def _docx_text(response) -> str:
    document = Document(io.BytesIO(response.content))
    texts = [p.text for p in document.paragraphs]
    for table in document.tables:
        texts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(texts)


def test_the_docx_opens_with_the_record_and_keeps_what_a_reader_may_not_see_out(
    client, operation, meeting, officer, field
):
    url = page("meetings:record-docx", operation, pk=meeting.pk)
    client.force_login(officer)
    response = client.get(url)
    assert response["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    day = meeting.starts_at.astimezone(operation.zone).strftime("%Y-%m-%d")
    expected = f'attachment; filename="meeting-{meeting.pk}-{day}-cell-sittingbeira-buzi.docx"'
    assert response["Content-Disposition"] == expected
    text = _docx_text(response)
    for shown in (
        meeting.title,
        "Access to Búzi",
        "Roads open",
        "Convoys use the N6",
        "JTF Kestrel",
        MINUTES,
    ):
        assert shown in text, shown
    assert HIDDEN_PERSON in text and HIDDEN_POINT in text

    client.force_login(field)
    text = _docx_text(client.get(url))
    assert "Convoys use the N6" in text and "Share the road map" in text
    for hidden in (MINUTES, HIDDEN_PERSON, HIDDEN_POINT):
        assert hidden not in text, hidden


# --- Send summary to participants ---------------------------------------------------------------


def test_the_summary_goes_once_to_each_participant_who_may_read_it_in_their_language(
    client, operation, meeting, officer, hct, field, django_capture_on_commit_callbacks
):
    field.language = "fr"
    field.save(update_fields=["language"])
    url = page("meetings:send-summary", operation, pk=meeting.pk)
    client.force_login(officer)
    confirm = client.get(url).content.decode()
    assert "3 recipients" in confirm and "outsider" not in confirm
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url)
    with django_capture_on_commit_callbacks(execute=True):
        second = client.post(url, follow=True)
    assert first.status_code == 302
    assert "The summary was already sent" in second.content.decode()

    meeting.refresh_from_db()
    assert meeting.summary_sent_by == officer and meeting.summary_sent_at is not None
    # Once each, to the participants with an account who may read the meeting (not the outsider).
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in (officer, hct, field))
    assert ReminderDelivery.objects.filter(kind=NotificationKind.MEETING_SUMMARY).count() == 3
    assert Notification.objects.filter(kind=NotificationKind.MEETING_SUMMARY, recipient=field).count() == 1
    sent = {m.to[0]: m for m in mail.outbox}
    to_field = sent[field.email].body
    assert "Bonjour" in to_field and "Décisions" in to_field and "Points d'action" in to_field
    assert "Convoys use the N6 without escort." in to_field and "Share the road map" in to_field
    for hidden in (MINUTES, HIDDEN_PERSON, HIDDEN_POINT):
        assert hidden not in to_field
    to_officer = sent[officer.email].body
    assert "Hello" in to_officer and HIDDEN_POINT in to_officer  # the officer may see every action point
    assert MINUTES not in to_officer  # the minutes never travel by e-mail


def test_someone_who_may_no_longer_read_the_meeting_is_not_sent_it(
    operation, meeting, officer, field, django_capture_on_commit_callbacks
):
    from meetings.services import meeting_summary_send

    Meeting.objects.filter(pk=meeting.pk).update(sensitivity="restricted")
    meeting.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        recipients = meeting_summary_send(meeting=meeting, by=officer)
    assert field not in recipients and officer in recipients
    assert field.email not in [m.to[0] for m in mail.outbox]


def test_only_officers_send_the_summary(client, operation, meeting, hct, field):
    url = page("meetings:send-summary", operation, pk=meeting.pk)
    for who in (hct, field):
        client.force_login(who)
        assert client.post(url).status_code == 403
    assert Meeting.objects.get(pk=meeting.pk).summary_sent_at is None
    assert not mail.outbox


def test_a_new_participant_member_with_no_email_is_told_in_the_app(
    operation, meeting, officer, django_capture_on_commit_callbacks
):
    from cmcoord.roles import Role
    from cmcoord.services import role_grant
    from meetings.services import meeting_summary_send

    quiet = UserFactory(username="quiet", email="")
    role_grant(user=quiet, operation=operation, role=Role.FIELD_STAFF)
    Participant.objects.create(meeting=meeting, user=quiet)
    with django_capture_on_commit_callbacks(execute=True):
        meeting_summary_send(meeting=meeting, by=officer)
    assert Notification.objects.filter(recipient=quiet, kind=NotificationKind.MEETING_SUMMARY).exists()
    assert "quiet@" not in " ".join(m.to[0] for m in mail.outbox)


# --- The permission world: restricted forum, people and action points behind a shared meeting ----


def test_nothing_restricted_reaches_field_staff_through_the_docx_or_the_summary_e_mail(db):
    from types import SimpleNamespace

    from django.utils import timezone

    from cmcoord.reminders.messages import build_message
    from tests.permissions.world import CANARY, build_world

    world = build_world()
    field = world.users["field"]
    for name in ("meeting", "meeting_shared"):
        meeting = world.objects[name]
        response = world.client("field").get(page("meetings:record-docx", world.operation, pk=meeting.pk))
        assert response.status_code == 200
        text = _docx_text(response)
        assert meeting.title in text and CANARY not in text, name
        delivery = SimpleNamespace(
            recipient=field, kind=NotificationKind.MEETING_SUMMARY, subject=f"meeting_summary:{meeting.pk}"
        )
        message = build_message(delivery, timezone.now())
        assert meeting.title in message.email_text
        assert CANARY not in message.title + message.body + message.email_text, name
    # The officer's copy of the same record does carry the restricted parts (the test can fail).
    officer_copy = world.client("officer").get(page("meetings:record-docx", world.operation, pk=meeting.pk))
    assert CANARY in _docx_text(officer_copy)
