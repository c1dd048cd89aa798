"""Exactly once: claims, retries of lost or failed sends, obsolete reminders, preferences."""

import datetime as dt

import pytest

from cmcoord.models import Notification, NotificationKind, NotificationPreference, ReminderDelivery
from cmcoord.reminders import deliver, dispatch, dispatcher

from .conftest import days_before

pytestmark = pytest.mark.django_db
Status = ReminderDelivery.Status


def test_two_dispatches_send_one_email_and_one_notification_per_recipient(
    asset, officer, hct, field, mailoutbox, run_dispatch
):
    with days_before(7):
        first = run_dispatch()
        second = run_dispatch()
    assert (first.claimed, second.claimed) == (3, 0)
    assert sorted(m.to[0] for m in mailoutbox) == sorted(u.email for u in (officer, hct, field))
    assert Notification.objects.count() == 3
    rows = ReminderDelivery.objects.filter(lead_days=7)
    assert sorted(rows.values_list("status", "recipient")) == sorted(
        (Status.SENT, u.pk) for u in (officer, hct, field)
    )


def test_a_reminder_claimed_by_another_dispatcher_is_left_to_it(asset, mailoutbox, run_dispatch, monkeypatch):
    with days_before(7):
        run_dispatch()
        # The other dispatcher read "nothing recorded" just before this one committed its claims.
        monkeypatch.setattr(dispatcher, "_existing_keys", lambda due: set())
        report = run_dispatch()
    assert report.claimed == 0
    assert len(mailoutbox) == 3


def test_a_claim_whose_worker_died_is_sent_by_a_later_dispatch(
    asset, officer, mailoutbox, run_dispatch, settings
):
    with days_before(7):
        ReminderDelivery.objects.create(  # claimed, then the worker was killed before sending
            kind=NotificationKind.PHASE_OUT,
            subject=f"asset:{asset.pk}",
            occasion=asset.phase_out_on,
            lead_days=7,
            recipient=officer,
            operation=asset.operation,
        )
        run_dispatch()
        assert [m.to for m in mailoutbox].count([officer.email]) == 0  # maybe still being sent
    later = dt.timedelta(seconds=settings.REMINDER_RETRY_STALE_AFTER_SECONDS + 1)
    with days_before(7, hour=9) as traveller:
        traveller.shift(later)
        report = run_dispatch()
        run_dispatch()
    assert report.retried == 1
    assert [m.to for m in mailoutbox].count([officer.email]) == 1
    assert Notification.objects.filter(recipient=officer).count() == 1


def test_an_smtp_failure_is_recorded_and_retried_without_doubling_the_notification(
    asset, officer, smtp, run_dispatch, settings
):
    with days_before(7) as traveller:
        run_dispatch()  # the SMTP server is down
        failed = ReminderDelivery.objects.get(recipient=officer, lead_days=7)
        assert (failed.status, failed.email_state, failed.attempts) == (Status.FAILED, "pending", 1)
        assert "ConnectionRefusedError" in failed.last_error
        assert Notification.objects.filter(recipient=officer).count() == 1  # in-app did not wait
        smtp.start()
        traveller.shift(dt.timedelta(seconds=settings.REMINDER_EMAIL_BACKOFF_FIRST_SECONDS + 1))
        run_dispatch()
    failed.refresh_from_db()
    assert (failed.status, failed.email_state, failed.attempts) == (Status.SENT, "sent", 2)
    assert Notification.objects.filter(recipient=officer).count() == 1
    assert smtp.recipients.count(officer.email) == 1


def test_delivering_a_sent_reminder_again_does_nothing(asset, mailoutbox, run_dispatch):
    with days_before(7):
        report = run_dispatch()
        assert [deliver(pk) for pk in report.delivery_ids] == ["not pending"] * 3
    assert len(mailoutbox) == 3


def test_a_reminder_obsolete_by_the_time_it_is_sent_is_skipped(asset, officer, mailoutbox, settings):
    with days_before(7):
        report = dispatch()  # claims committed; the sends wait (test transaction never commits)
        asset.status = "withdrawn"
        asset.save()
        assert {deliver(pk) for pk in report.delivery_ids} == {"skipped"}
    assert mailoutbox == []
    rows = ReminderDelivery.objects.filter(lead_days=7)
    assert set(rows.values_list("status", "email_state")) == {(Status.SKIPPED, "dropped")}


def test_a_failed_earlier_reminder_is_superseded_by_a_more_urgent_one(
    asset, officer, mailoutbox, run_dispatch
):
    with days_before(14):
        dispatch()  # claimed; suppose every send failed and kept failing
    ReminderDelivery.objects.update(status=Status.FAILED)
    with days_before(7):
        run_dispatch()
    statuses = dict(ReminderDelivery.objects.filter(recipient=officer).values_list("lead_days", "status"))
    assert statuses == {30: Status.SUPERSEDED, 14: Status.SUPERSEDED, 7: Status.SENT}
    assert [m.to for m in mailoutbox].count([officer.email]) == 1


def test_email_turned_off_still_gives_the_in_app_notification(asset, officer, hct, mailoutbox, run_dispatch):
    NotificationPreference.objects.create(user=officer, kind=NotificationKind.PHASE_OUT, email=False)
    officer_without_address = hct
    officer_without_address.email = ""
    officer_without_address.save()
    with days_before(7):
        run_dispatch()
    assert [m.to for m in mailoutbox] == [[asset.focal_point.email]]
    assert Notification.objects.filter(recipient=officer, kind=NotificationKind.PHASE_OUT).count() == 1
    assert Notification.objects.filter(recipient=hct).count() == 1
    assert set(ReminderDelivery.objects.filter(lead_days=7).values_list("status", flat=True)) == {Status.SENT}


def test_email_off_for_another_kind_does_not_stop_this_one(asset, officer, mailoutbox, run_dispatch):
    NotificationPreference.objects.create(user=officer, kind=NotificationKind.MEETING_TOMORROW, email=False)
    with days_before(7):
        run_dispatch()
    assert [officer.email] in [m.to for m in mailoutbox]


def test_one_failing_send_does_not_stop_the_dispatch(asset, officer, smtp, run_dispatch):
    with days_before(7):
        report = run_dispatch()  # the SMTP server is down
    assert report.claimed == 3
    rows = ReminderDelivery.objects.filter(lead_days=7)
    assert set(rows.values_list("status", "email_state")) == {(Status.FAILED, "pending")}
    assert Notification.objects.count() == 3
