"""Logs and error reports: a request id on every line, no secrets, JSON in production, Sentry.

- ``RequestIdMiddleware`` (first in MIDDLEWARE) gives each request an id: the caller's
  ``X-Request-ID`` when it is a sane token (a proxy's or a client's), else a new one. It is sent
  back in the ``X-Request-ID`` response header and written on one access line per request
  (logger ``cmcoord.access``: method, path without the query string, status, duration).
- In a Celery task the id is the task's id (``cmcoord/celery.py`` sets it around each task).
- ``ContextFilter`` puts ``request_id`` on every record; the formatters (JSON or plain) pass the
  finished line through ``redact``: Authorization values, tokens and keys, passwords and the
  credentials in URLs never reach the output.
- ``init_sentry`` reports errors to Sentry when SENTRY_DSN is set, without personal data, local
  variables or request bodies, with the same redaction and the request id as a tag.
"""

import logging
import re
import time
import uuid
from contextvars import ContextVar

from django.core.signals import request_finished
from django.dispatch import receiver
from pythonjsonlogger.json import JsonFormatter as _JsonFormatter

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)

REQUEST_ID_HEADER = "X-Request-ID"
# An incoming id is kept only if it is a short token: nothing a caller sends can forge log lines.
_SANE_ID = re.compile(r"^[A-Za-z0-9._:@/+=-]{8,128}$")

REDACTED = "[redacted]"
_SENSITIVE_NAMES = r"[a-z0-9_-]*(?:password|passwd|secret|token|api[_-]?key|signature|credential)[a-z0-9_-]*"
_REDACTIONS = [
    # Authorization: Token abc / 'HTTP_AUTHORIZATION': 'Bearer abc' / "authorization": "Basic abc"
    (
        re.compile(
            r"(?i)((?:proxy-)?authorization\\?[\"']?\s*[:=]\s*\\?[\"']?)"
            r"(?:(token|bearer|basic|digest)\s+)?[^\s\"'\\&,;}]+"
        ),
        lambda m: f"{m.group(1)}{m.group(2) + ' ' if m.group(2) else ''}{REDACTED}",
    ),
    # "password": "abc", 'api_key': 'abc', password='abc'
    (
        re.compile(rf"(?i)(\b{_SENSITIVE_NAMES}\\?[\"']?\s*[:=]\s*\\?[\"'])[^\"'\\]*"),
        lambda m: f"{m.group(1)}{REDACTED}",
    ),
    # Query strings and forms: ?token=abc&key=abc&password=abc&otp=123456
    (
        re.compile(
            rf"(?i)(^|[?&;\s,({{\[])({_SENSITIVE_NAMES}|key|otp|code|sessionid|csrfmiddlewaretoken)=[^&\s\"'\\#]+"
        ),
        lambda m: f"{m.group(1)}{m.group(2)}={REDACTED}",
    ),
    # Token abc... / Bearer abc... wherever they appear
    (
        re.compile(r"(?i)\b(token|bearer)\s+[A-Za-z0-9._~+/=-]{16,}"),
        lambda m: f"{m.group(1)} {REDACTED}",
    ),
    # Partner keys
    (re.compile(r"\bcmp_[A-Za-z0-9_-]{6,}"), lambda m: f"cmp_{REDACTED}"),
    # Credentials in URLs: postgres://user:password@host, https://key@sentry
    (
        re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/\s@\"'\\]+@"),
        lambda m: f"{m.group(1)}{REDACTED}@",
    ),
]


def redact(text: str) -> str:
    for pattern, replacement in _REDACTIONS:
        text = pattern.sub(replacement, text)
    return text


def configure(config: dict) -> None:
    """settings.LOGGING_CONFIG: the dict config, and Python's warnings as log records (JSON too)."""
    import logging.config

    logging.config.dictConfig(config)
    logging.captureWarnings(True)


def new_request_id() -> str:
    return uuid.uuid4().hex


class ContextFilter(logging.Filter):
    """Adds ``request_id`` to every record; replaces Django's ``request`` object by method and path."""

    def filter(self, record):
        record.request_id = request_id_var.get()
        request = getattr(record, "request", None)
        if request is not None and not isinstance(request, str):
            # Django's loggers attach the request: its repr carries the query string.
            record.request = f"{getattr(request, 'method', '')} {getattr(request, 'path', '')}".strip()
        return True


class JsonFormatter(_JsonFormatter):
    """One JSON object per line: time, level, logger, message, request_id and the record's extras."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("fmt", "%(asctime)s %(levelname)s %(name)s %(message)s %(request_id)s")
        kwargs.setdefault("rename_fields", {"asctime": "time", "levelname": "level", "name": "logger"})
        kwargs.setdefault("json_ensure_ascii", False)
        super().__init__(*args, **kwargs)

    def formatTime(self, record, datefmt=None):  # noqa: N802 (logging's name)
        return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + f".{int(record.msecs):03d}Z"

    def format(self, record):
        return redact(super().format(record))


class PlainFormatter(logging.Formatter):
    def format(self, record):
        return redact(super().format(record))


class RequestIdMiddleware:
    """The request's id in the logs, the response header and Sentry; one access line per request."""

    access_log = logging.getLogger("cmcoord.access")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get("HTTP_X_REQUEST_ID", "")
        request_id = incoming if _SANE_ID.match(incoming) else new_request_id()
        request.request_id = request_id
        # Kept until request_finished: Django logs 4xx/5xx responses after the middleware returns.
        request_id_var.set(request_id)
        started = time.monotonic()
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        self.access_log.info(
            "%s %s %s",
            request.method,
            request.path,
            response.status_code,
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.monotonic() - started) * 1000, 1),
            },
        )
        return response


@receiver(request_finished, dispatch_uid="cmcoord.logs.forget_request_id")
def forget_request_id(**kwargs):
    request_id_var.set(None)


# --- Sentry ---------------------------------------------------------------------------------------


def _scrub(value):
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {key: _scrub(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_scrub(item) for item in value]
    return value


def before_send(event, hint):
    """Every string of the event redacted like a log line; the request id as a tag."""
    request = event.get("request") or {}
    headers = request.get("headers") or {}
    for name in list(headers):
        if name.lower() in {"authorization", "proxy-authorization", "cookie", "x-csrftoken"}:
            headers[name] = REDACTED
    request.pop("cookies", None)
    request.pop("data", None)
    event = _scrub(event)
    request_id = request_id_var.get()
    if request_id:
        event.setdefault("tags", {})["request_id"] = request_id
    return event


def init_sentry(dsn: str, *, environment: str, release: str | None = None, **options) -> None:
    import sentry_sdk
    from sentry_sdk.integrations.celery import CeleryIntegration
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        before_send=before_send,
        traces_sample_rate=0.0,
        **options,
    )
