"""What /healthz/ reports: the database, the broker, the reminder dispatcher and the backlog.

It runs on every container health check, so each part costs one round trip at most (SELECT 1, a
Redis PING with a one-second timeout, one row by its unique name, one indexed aggregate). It
reveals states, counts and ages only: no host, address or error text (those go to the log).
"""

import datetime as dt
import functools
import logging

import redis
from django.conf import settings
from django.db import DatabaseError, connection
from django.utils import timezone

from cmcoord.reminders import health as reminders_health

logger = logging.getLogger(__name__)
OK, FAILED = "ok", "failed"


def report(now: dt.datetime | None = None) -> tuple[list[str], dict]:
    """The names of the failed parts (empty when all is well) and the JSON body."""
    now = now or timezone.now()
    checks = {"database": _database(), "broker": _broker()}
    if checks["database"]["status"] == OK:
        checks["reminder_dispatch"] = _guarded("reminder dispatch", _dispatch, now)
        checks["email_backlog"] = _guarded("e-mail backlog", _backlog, now)
    else:  # both live in the database: nothing to tell, and the database is named already
        checks["reminder_dispatch"] = checks["email_backlog"] = {"status": "unknown"}
    failed = [name for name, check in checks.items() if check["status"] == FAILED]
    return failed, {"status": FAILED if failed else OK, "failed": failed, "checks": checks}


def _database() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        logger.exception("Health check: the database does not answer")
        return {"status": FAILED}
    return {"status": OK}


@functools.cache
def _redis(url: str) -> redis.Redis:
    """One client (and its connection pool) per process, not a new connection per check."""
    return redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1)


def _broker() -> dict:
    if not settings.REDIS_URL:
        return {"status": "not configured"}  # tasks run in-process: there is no broker to lose
    try:
        _redis(settings.REDIS_URL).ping()
    except (redis.RedisError, OSError):
        logger.exception("Health check: the Celery broker (Redis) does not answer")
        return {"status": FAILED}
    return {"status": OK}


def _guarded(what: str, check, now: dt.datetime) -> dict:
    try:
        return check(now)
    except DatabaseError:
        logger.exception("Health check: could not read the %s", what)
        return {"status": FAILED}


def _dispatch(now: dt.datetime) -> dict:
    age, fresh = reminders_health.dispatch_age(now)
    return {
        "status": OK if fresh else FAILED,
        "last_completed_age_seconds": age,
        "stale_after_seconds": settings.REMINDER_DISPATCH_STALE_AFTER_SECONDS,
    }


def _backlog(now: dt.datetime) -> dict:
    found = reminders_health.backlog(now)
    return {
        "status": OK if found.ok else FAILED,
        "undelivered": found.pending,
        "older_than_alert": found.overdue,
        "oldest_age_seconds": found.oldest_age_seconds,
        "alert_after_minutes": settings.REMINDER_EMAIL_BACKLOG_ALERT,
    }
