"""Reminders against a real SMTP server on loopback that is down, refusing, then up again.

The dispatcher runs every five minutes of a frozen clock, as beat would; the sends run inline.
"""

import datetime as dt
import logging
import statistics
import time

import pytest
from django.db import connection

from cmcoord.models import Notification, ReminderDelivery
from cmcoord.reminders import deliver, dispatch

from .conftest import days_before

pytestmark = pytest.mark.django_db
Status = ReminderDelivery.Status
EVERY = dt.timedelta(minutes=5)
MINUTE = dt.timedelta(minutes=1)


def sent_rows():
    return ReminderDelivery.objects.filter(lead_days=7, status=Status.SENT)


def test_an_smtp_outage_delays_the_emails_and_loses_none(
    asset, officer, hct, field, smtp, run_dispatch, caplog
):
    """Two hours down, an hour refusing every message, then up: each e-mail goes out once."""
    addresses = sorted(user.email for user in (officer, hct, field))
    with days_before(7) as clock:
        for _ in range(24):  # down: connection refused
            run_dispatch()
            rows = ReminderDelivery.objects.filter(lead_days=7)
            waiting = {(Status.FAILED, "pending", None)}
            assert set(rows.values_list("status", "email_state", "sent_at")) == waiting
            assert Notification.objects.count() == 3  # in-app at once, and only once
            clock.shift(EVERY)
        tries = set(rows.values_list("attempts", flat=True))
        assert tries == {7}  # 0, 5, 10, 15, 25, 45, 80 minutes: backing off, not given up
        assert "undelivered for more than 60 minutes" in caplog.text
        alerts = [r.levelno for r in caplog.records if "Reminder backlog" in r.getMessage()]
        assert alerts[-1] == logging.ERROR

        smtp.start()
        smtp.handler.refusing = True  # up, but 451 to every message
        for _ in range(12):
            run_dispatch()
            assert not sent_rows().exists()
            clock.shift(EVERY)
        assert smtp.handler.refused == 3 and smtp.recipients == []

        smtp.handler.refusing = False
        for _ in range(13):  # at most the capped back-off (an hour) and one dispatch interval
            run_dispatch()
            clock.shift(EVERY)
    assert smtp.recipients == addresses
    assert set(rows.values_list("status", "email_state")) == {(Status.SENT, "sent")}
    assert None not in rows.values_list("sent_at", flat=True)
    assert Notification.objects.count() == 3


def test_the_wait_between_tries_doubles_up_to_an_hour(asset, officer, smtp, run_dispatch):
    with days_before(7):
        report = dispatch()  # claims committed; the sends wait (the test transaction never commits)
        row = ReminderDelivery.objects.get(pk__in=report.delivery_ids, recipient=officer)
        now, waits = dt.datetime.now(dt.UTC), []
        for _ in range(9):
            assert deliver(row.pk, now=now) == "e-mail failed"
            row.refresh_from_db()
            waits.append(round((row.next_attempt_at - now) / MINUTE))
            now = row.next_attempt_at
    assert waits == [1, 2, 4, 8, 16, 32, 60, 60, 60]
    assert (row.status, row.email_state, row.attempts) == (Status.FAILED, "pending", 9)
    assert Notification.objects.filter(recipient=officer).count() == 1


def test_the_dispatcher_retries_an_email_only_after_its_wait(asset, officer, smtp, run_dispatch):
    with days_before(7) as clock:
        run_dispatch()  # down
        clock.shift(dt.timedelta(seconds=30))
        assert run_dispatch().retried == 0
        clock.shift(dt.timedelta(seconds=31))
        assert run_dispatch().retried == 3


def test_a_newer_reminder_supersedes_an_email_still_waiting_for_smtp(
    asset, officer, hct, field, smtp, run_dispatch
):
    with days_before(7):
        run_dispatch()  # down: the 7-day e-mails wait
    with days_before(1):
        run_dispatch()  # still down: the 1-day reminders replace them
    smtp.start()
    with days_before(1, hour=10):
        run_dispatch()
    week = ReminderDelivery.objects.filter(lead_days=7)
    assert set(week.values_list("status", "email_state", "sent_at")) == {(Status.SUPERSEDED, "dropped", None)}
    day = ReminderDelivery.objects.filter(lead_days=1)
    assert set(day.values_list("status", "email_state")) == {(Status.SENT, "sent")}
    assert smtp.recipients == sorted(user.email for user in (officer, hct, field))
    assert {m["Subject"].endswith("phases out tomorrow") for m in smtp.handler.messages} == {True}
    assert Notification.objects.filter(recipient=officer).count() == 2  # the week's in-app stays


def test_an_email_waiting_for_smtp_is_dropped_once_its_record_is_withdrawn(
    asset, officer, smtp, run_dispatch
):
    with days_before(7) as clock:
        run_dispatch()  # down
        asset.status = "withdrawn"
        asset.save()
        smtp.start()
        clock.shift(EVERY)
        run_dispatch()
    rows = ReminderDelivery.objects.filter(lead_days=7)
    assert set(rows.values_list("status", "email_state")) == {(Status.SKIPPED, "dropped")}
    assert smtp.recipients == []


@pytest.mark.django_db(transaction=True)
def test_the_sent_mark_commits_between_the_acceptance_and_the_quit(asset, officer, smtp, capsys):
    """The duplicate window at a crash: from the server's acceptance to the durable SENT mark.

    The server notes when it accepts each message and when the client says QUIT; the sender's
    UPDATE is timed as it returns in autocommit (committed). Each send: acceptance < mark < QUIT.
    On its first send the server also checks that the in-app notification was already committed.
    """
    marks = []

    def time_the_mark(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if 'reminderdelivery" SET "status"' in sql and '"sent_at"' in sql:  # the SENT mark
            marks.append((time.monotonic(), connection.get_autocommit() and not connection.in_atomic_block))
        return result

    notified_before_smtp = []

    def in_app_already_there(addresses):
        notified_before_smtp.append(Notification.objects.filter(recipient__email__in=addresses).exists())
        connection.close()  # this thread's own connection

    smtp.handler.on_data = in_app_already_there
    smtp.start()
    with days_before(7), connection.execute_wrapper(time_the_mark):
        dispatch()  # commits: the sends run at once
        row = ReminderDelivery.objects.get(recipient=officer, lead_days=7)
        smtp.handler.on_data = None
        for _ in range(50):
            ReminderDelivery.objects.filter(pk=row.pk).update(status=Status.CLAIMED, email_state="pending")
            assert deliver(row.pk) == "sent"
    assert notified_before_smtp[:3] == [True, True, True]
    handler = smtp.handler
    assert len(handler.accepted_at) == len(marks) == len(handler.quit_at) == 53
    windows = []
    for accepted, (marked, committed), quit in zip(handler.accepted_at, marks, handler.quit_at, strict=True):
        assert committed and accepted < marked < quit
        windows.append((marked - accepted) * 1000)
    with capsys.disabled():
        print(
            f"\nacceptance -> SENT committed, {len(windows)} sends on {connection.vendor}: median "
            f"{statistics.median(windows):.2f} ms, max {max(windows):.2f} ms"
        )
