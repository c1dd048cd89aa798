"""`manage.py send_reminders` (no Redis needed) and the Celery settings behind the guarantees."""

import io

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from cmcoord.celery import app as celery_app
from cmcoord.models import ReminderDelivery

from .conftest import days_before

pytestmark = pytest.mark.django_db


def test_send_reminders_runs_the_dispatcher_once(asset, mailoutbox, django_capture_on_commit_callbacks):
    out = io.StringIO()
    with days_before(7), django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", stdout=out)
    assert "3 claimed" in out.getvalue()
    assert len(mailoutbox) == 3


def test_send_reminders_loops_until_stopped(
    asset, mailoutbox, monkeypatch, django_capture_on_commit_callbacks
):
    pauses = []

    def sleep(seconds):
        pauses.append(seconds)
        if len(pauses) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr("cmcoord.management.commands.send_reminders.time.sleep", sleep)
    # It would close the test's connection: the test transaction looks abandoned to it.
    monkeypatch.setattr("cmcoord.management.commands.send_reminders.close_old_connections", lambda: None)
    out = io.StringIO()
    with days_before(7), django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", "--loop", "--every", "42", stdout=out)
    assert pauses == [42, 42]
    assert out.getvalue().count("Reminders:") == 2 and "stopped" in out.getvalue()
    assert len(mailoutbox) == 3


def test_the_loop_survives_a_failed_run(monkeypatch):
    runs = []

    def failing_dispatch():
        runs.append(1)
        raise RuntimeError("database restarting")

    def sleep(seconds):
        if len(runs) == 2:
            raise KeyboardInterrupt

    monkeypatch.setattr("cmcoord.management.commands.send_reminders.dispatch", failing_dispatch)
    monkeypatch.setattr("cmcoord.management.commands.send_reminders.time.sleep", sleep)
    call_command("send_reminders", "--loop", stdout=io.StringIO())
    assert len(runs) == 2


def test_send_reminders_refuses_a_zero_interval():
    with pytest.raises(CommandError):
        call_command("send_reminders", "--loop", "--every", "0")


def test_the_beat_runs_the_dispatcher_and_the_daily_digest_once_each():
    entries = settings.CELERY_BEAT_SCHEDULE.values()
    assert sorted(entry["task"] for entry in entries) == [
        "cmcoord.tasks.dispatch_reminders",
        "cmcoord.tasks.send_digests",
        "cmcoord.tasks.tidy",
    ]
    assert all(entry["task"] in celery_app.tasks for entry in entries)
    dispatcher = settings.CELERY_BEAT_SCHEDULE["dispatch-reminders"]
    assert dispatcher["schedule"] == settings.REMINDER_DISPATCH_EVERY_SECONDS
    digest = settings.CELERY_BEAT_SCHEDULE["send-digests"]["schedule"]
    assert digest.hour == {settings.NOTIFICATION_DIGEST_HOUR_UTC} and digest.minute == {0}  # once a day
    assert "cmcoord.tasks.send_reminder_delivery" in celery_app.tasks


def test_timeouts_fit_together():
    """Nothing is redelivered while it may still run; no retry waits in Redis longer than a run."""
    assert settings.CELERY_TASK_ACKS_LATE and settings.CELERY_TASK_REJECT_ON_WORKER_LOST
    assert settings.CELERY_WORKER_PREFETCH_MULTIPLIER == 1
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert settings.CELERY_TASK_SOFT_TIME_LIMIT < settings.CELERY_TASK_TIME_LIMIT < visibility
    assert settings.REMINDER_RETRY_STALE_AFTER_SECONDS > settings.CELERY_TASK_TIME_LIMIT
    assert "max_retries" not in celery_app.tasks["cmcoord.tasks.send_reminder_delivery"].__dict__
    assert ReminderDelivery.Status.SKIPPED == "skipped"
