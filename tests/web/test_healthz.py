"""/healthz/: what a monitor and the container health check read. 200 when all is well, 503 naming
the failed parts, never a 500, and nothing but states, counts and ages."""

import datetime as dt
import json
import socket

import pytest
import time_machine
from django.db import connection

from cmcoord.models import NotificationKind, ReminderDelivery
from cmcoord.reminders import dispatch

pytestmark = pytest.mark.django_db
START = dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def healthz(client):
    response = client.get("/healthz/")
    assert response["Content-Type"] == "application/json"
    return response.status_code, response.json()


def test_all_well_answers_200_with_each_part(client, settings):
    settings.REDIS_URL = ""  # the embedded, in-process mode
    with time_machine.travel(START, tick=False):
        dispatch()
        status, body = healthz(client)
    assert status == 200
    assert body["status"] == "ok" and body["failed"] == []
    checks = body["checks"]
    assert checks["database"] == {"status": "ok"}
    assert checks["broker"] == {"status": "not configured"}
    assert checks["reminder_dispatch"]["status"] == "ok"
    assert checks["reminder_dispatch"]["last_completed_age_seconds"] == 0
    assert checks["email_backlog"]["status"] == "ok"
    assert checks["email_backlog"]["undelivered"] == 0


def test_a_broker_that_does_not_answer_gives_503_naming_it(client, settings):
    settings.REDIS_URL = f"redis://:hunter2@127.0.0.1:{free_port()}/0"  # nothing listens there
    status, body = healthz(client)
    assert status == 503
    assert body["failed"] == ["broker"]
    assert "hunter2" not in json.dumps(body) and "127.0.0.1" not in json.dumps(body)


def test_a_running_broker_is_ok(client, settings, redis_url):
    settings.REDIS_URL = redis_url
    status, body = healthz(client)
    assert body["checks"]["broker"] == {"status": "ok"}
    assert status == 200


def test_a_dispatcher_that_stopped_running_gives_503(client, settings):
    settings.REDIS_URL = ""
    stale = settings.REMINDER_DISPATCH_STALE_AFTER_SECONDS
    with time_machine.travel(START, tick=False) as clock:
        dispatch()
        clock.shift(dt.timedelta(seconds=stale))
        assert healthz(client)[0] == 200
        clock.shift(dt.timedelta(seconds=1))
        status, body = healthz(client)
    assert status == 503
    assert body["failed"] == ["reminder_dispatch"]
    assert body["checks"]["reminder_dispatch"]["last_completed_age_seconds"] == stale + 1


def test_a_dispatcher_that_never_ran_turns_red_after_the_same_delay(client, settings):
    settings.REDIS_URL = ""
    stale = settings.REMINDER_DISPATCH_STALE_AFTER_SECONDS
    with time_machine.travel(START, tick=False) as clock:
        status, body = healthz(client)  # a fresh install: not a failure yet
        assert status == 200 and body["checks"]["reminder_dispatch"]["last_completed_age_seconds"] is None
        clock.shift(dt.timedelta(seconds=stale + 1))
        status, body = healthz(client)
    assert status == 503 and body["failed"] == ["reminder_dispatch"]


def test_reminders_undelivered_past_the_alert_give_503_with_count_and_age(client, settings, officer):
    settings.REDIS_URL = ""
    with time_machine.travel(START, tick=False) as clock:
        ReminderDelivery.objects.create(  # claimed; its e-mail keeps failing
            kind=NotificationKind.MEETING_TOMORROW,
            subject="meeting:1",
            occasion=START.date(),
            lead_days=1,
            recipient=officer,
            status=ReminderDelivery.Status.FAILED,
        )
        clock.shift(dt.timedelta(minutes=settings.REMINDER_EMAIL_BACKLOG_ALERT - 1))
        dispatch()
        status, body = healthz(client)
        assert status == 200 and body["checks"]["email_backlog"]["undelivered"] == 1
        clock.shift(dt.timedelta(minutes=2))
        dispatch()
        status, body = healthz(client)
    assert status == 503
    assert body["failed"] == ["email_backlog"]
    backlog = body["checks"]["email_backlog"]
    assert backlog["older_than_alert"] == 1
    assert backlog["oldest_age_seconds"] == (settings.REMINDER_EMAIL_BACKLOG_ALERT + 1) * 60
    assert officer.email not in json.dumps(body) and "meeting" not in json.dumps(body)


@pytest.mark.postgres
def test_a_database_that_is_down_gives_503_not_500(client, require_postgres, transactional_db):
    """A real refused connection: the test database's server is asked for on a dead port."""
    params, port = connection.settings_dict, connection.settings_dict["PORT"]
    connection.close()
    params["PORT"] = str(free_port())
    try:
        status, body = healthz(client)
    finally:
        connection.close()
        params["PORT"] = port
    assert status == 503
    assert body["failed"] == ["database"]
    assert body["checks"]["reminder_dispatch"] == {"status": "unknown"}
