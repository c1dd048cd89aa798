"""Told when something enters your queue: once, in the app and by e-mail (or in the daily digest),
per your preference for that kind; not told of what left the queue before the notice went out."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from cell import services as cell_services
from cmcoord.models import Notification, NotificationKind, NotificationPreference, ReminderDelivery
from cmcoord.reminders import deliver
from cmcoord.reminders.digest import send_digests
from cmcoord.roles import Role
from cmcoord.services import role_grant
from tests.factories import CellRequestFactory, UserFactory

pytestmark = pytest.mark.django_db
NEW = NotificationKind.QUEUE_NEW_REQUEST


def notices(user, kind=NEW):
    return list(Notification.objects.filter(recipient=user, kind=kind).values_list("title", flat=True))


def test_officers_are_told_once_of_a_new_request_in_the_app_and_by_email(
    operation, officer, hct, field, field_other, mailoutbox, run_dispatch
):
    request = CellRequestFactory(operation=operation, submitted_by=field, title="Checkpoint at Búzi bridge")
    run_dispatch()
    run_dispatch()
    assert notices(officer) == ["New request to triage: Checkpoint at Búzi bridge (Access concern)"]
    assert notices(hct) == [] and notices(field) == [] and notices(field_other) == []
    [mail] = mailoutbox
    assert mail.to == [officer.email] and "Checkpoint at Búzi bridge" in mail.subject
    assert request.get_absolute_url() in mail.body and "Waiting for you" in mail.body
    assert Notification.objects.get(recipient=officer).url == request.get_absolute_url()


def test_the_hct_and_the_sender_are_told_when_it_is_their_turn(
    operation, officer, hct, field, mailoutbox, run_dispatch, django_capture_on_commit_callbacks
):
    from tests.web.test_waiting_for_you import rfa

    pending = rfa(operation, field, "Airlift to Buzi")
    run_dispatch()
    assert notices(hct, NotificationKind.QUEUE_RFA_TO_ENDORSE) == [
        "An RFA awaits your decision: Airlift to Buzi: Life-saving, needed by "
        f"{pending.rfa.needed_by:%Y-%m-%d}"
    ]
    with django_capture_on_commit_callbacks(execute=True):  # the sender's e-mails go out on commit
        cell_services.rfa_decide(rfa=pending.rfa, endorse=True, note="Last resort.", by=hct)
        cell_services.cell_request_answer(cell_request=pending, response="Endorsed; sent on.", by=officer)
    run_dispatch()
    assert len(notices(officer, NotificationKind.QUEUE_RFA_TO_SEND)) == 1
    # Told once that the cell answered: by the answer itself, not again by the queue.
    answered = "The cell answered your request: Airlift to Buzi"
    assert notices(field, NotificationKind.CELL_REQUEST_UPDATE).count(answered) == 1
    assert notices(field, NotificationKind.QUEUE_ANSWER) == []
    assert [field.email] in [m.to for m in mailoutbox]


def test_what_left_the_queue_before_the_notice_went_out_is_skipped(operation, officer, field, mailoutbox):
    request = CellRequestFactory(operation=operation, submitted_by=field)
    delivery = ReminderDelivery.objects.create(  # claimed; its task waits in the queue
        kind=NEW,
        subject=f"queue.cell_new:{request.pk}",
        occasion=timezone.localdate(request.created_at),
        lead_days=0,
        recipient=officer,
        operation=operation,
    )
    cell_services.cell_request_answer(cell_request=request, response="Handled by phone.", by=officer)
    assert deliver(delivery.pk) == "skipped"
    assert notices(officer) == [] and mailoutbox == []


def test_email_off_for_a_kind_leaves_the_notice_in_the_app(
    operation, officer, field, mailoutbox, run_dispatch
):
    NotificationPreference.objects.create(user=officer, kind=NEW, email=False)
    CellRequestFactory(operation=operation, submitted_by=field)
    run_dispatch()
    assert len(notices(officer)) == 1 and mailoutbox == []


def test_the_daily_digest_gathers_the_kinds_chosen_into_one_email(
    client, operation, officer, field, mailoutbox, run_dispatch
):
    client.force_login(officer)
    form = dict.fromkeys(NotificationKind.values, "on")
    form[NEW + "__digest"] = "on"
    form[NotificationKind.QUEUE_UNANSWERED + "__digest"] = "on"
    assert client.post(reverse("notifications:preferences"), form).status_code == 302
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert re.search(r'name="queue_new_request__digest"[^>]* checked', page)
    assert not re.search(r'name="queue_rfa_to_send__digest"[^>]* checked', page)

    first = CellRequestFactory(operation=operation, submitted_by=field, title="Checkpoint at Búzi bridge")
    second = CellRequestFactory(operation=operation, submitted_by=field, title="Fuel for the clinic")
    gone = CellRequestFactory(operation=operation, submitted_by=field, title="Handled at once")
    run_dispatch()
    assert len(notices(officer)) == 3 and mailoutbox == []  # told in the app now; e-mail tomorrow
    cell_services.cell_request_close(cell_request=gone, by=officer)

    assert send_digests() == "1 digests sent, 0 not"
    [digest] = mailoutbox
    assert digest.to == [officer.email] and "2 notifications" in digest.subject
    assert first.get_absolute_url() in digest.body and second.get_absolute_url() in digest.body
    assert "Handled at once" not in digest.body
    assert send_digests() == "0 digests sent, 0 not"
    assert len(mailoutbox) == 1


def test_a_refused_digest_is_sent_by_the_next_run(operation, officer, field, smtp, settings, run_dispatch):
    NotificationPreference.objects.create(user=officer, kind=NEW, email=True, digest=True)
    CellRequestFactory(operation=operation, submitted_by=field, title="Checkpoint at Búzi bridge")
    run_dispatch()
    assert send_digests() == "0 digests sent, 1 not"  # the SMTP server is down
    smtp.start()
    assert send_digests() == "1 digests sent, 0 not"
    assert smtp.recipients.count(officer.email) == 1


def test_a_second_officer_is_told_too_and_an_officer_of_another_operation_is_not(
    operation, other_operation, officer, field, run_dispatch
):
    second = UserFactory(username="officer2")
    role_grant(user=second, operation=operation, role=Role.OFFICER)
    elsewhere = UserFactory(username="officer-mw")
    role_grant(user=elsewhere, operation=other_operation, role=Role.OFFICER)
    CellRequestFactory(operation=operation, submitted_by=field)
    report = run_dispatch()
    assert report.claimed == 2
    assert len(notices(officer)) == len(notices(second)) == 1 and notices(elsewhere) == []


def test_a_request_late_to_answer_tells_the_officer_once_more(operation, officer, field, run_dispatch):
    request = CellRequestFactory(operation=operation, submitted_by=field, title="Fuel for the clinic")
    run_dispatch()
    request.__class__.objects.filter(pk=request.pk).update(created_at=timezone.now() - dt.timedelta(days=4))
    run_dispatch()
    run_dispatch()
    assert notices(officer, NotificationKind.QUEUE_UNANSWERED) == [
        "Request still unanswered: Fuel for the clinic (Access concern)"
    ]
