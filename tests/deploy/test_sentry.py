"""Errors reach Sentry when SENTRY_DSN is set, with the request id and without secrets.

The real sentry-sdk sends its envelopes over HTTP to a small ingest server on loopback, from a
fresh Python with the production settings (database and Redis on closed ports, so the API fails).
"""

import gzip
import json
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.deploy.envs import PRODUCTION, environment, run_python

USER_TOKEN = "0a1b2c3d4e5f60718293a4b5c6d7e8f9"
QUERY_TOKEN = "QueryTokenMustNotLeak77"
SESSION = "SessionCookieMustNotLeak99"

SCRIPT = f"""
import io
from wsgiref.util import setup_testing_defaults

from cmcoord.wsgi import application  # as gunicorn loads it (sets Django up)
import sentry_sdk
from cmcoord.celery import app

# A request through the WSGI entry point, as gunicorn makes it: the database is down, so 500.
environ = {{
    "REQUEST_METHOD": "GET",
    "PATH_INFO": "/api/v1/actors/",
    "QUERY_STRING": "token={QUERY_TOKEN}",
    "HTTP_HOST": "cmcoord.example.org",
    "HTTP_X_FORWARDED_PROTO": "https",
    "HTTP_X_REQUEST_ID": "proxy-request-0042",
    "HTTP_AUTHORIZATION": "Token {USER_TOKEN}",
    "HTTP_COOKIE": "sessionid={SESSION}",
    "REMOTE_ADDR": "203.0.113.7",
    "wsgi.input": io.BytesIO(b""),
}}
setup_testing_defaults(environ)
statuses = []
b"".join(application(environ, lambda status, headers, exc_info=None: statuses.append(status)))
assert statuses[0].startswith("500"), statuses


@app.task(name="tests.sentry.fails")
def fails():
    raise RuntimeError("the task failed")


try:
    fails.apply(task_id="task-0123456789")  # CELERY_TASK_EAGER_PROPAGATES: raised here too
except RuntimeError:
    pass
sentry_sdk.flush(timeout=10)
"""


class Ingest(BaseHTTPRequestHandler):
    received: list[bytes] = []

    def do_POST(self):  # noqa: N802 (http.server's name)
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "deflate":
            body = zlib.decompress(body)
        elif encoding == "br":
            import brotli

            body = brotli.decompress(body)
        self.received.append(body)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def envelopes():
    Ingest.received = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Ingest)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        dsn = f"http://publickey@127.0.0.1:{server.server_address[1]}/1"
        env = environment(
            {
                **PRODUCTION,
                "DATABASE_URL": "postgres://cmcoord:secret@127.0.0.1:9/cmcoord",
                "REDIS_URL": "redis://127.0.0.1:9/0",
                "SENTRY_DSN": dsn,
            }
        )
        result = run_python(["-c", SCRIPT], env)
        assert result.returncode == 0, result.stderr
    finally:
        server.shutdown()
    return list(Ingest.received)


def events(envelopes) -> list[dict]:
    found = []
    for envelope in envelopes:
        lines = envelope.split(b"\n")
        for header, payload in zip(lines[1::2], lines[2::2], strict=False):
            if json.loads(header).get("type") == "event":
                found.append(json.loads(payload))
    return found


def test_a_failed_request_is_reported_with_its_request_id_and_no_personal_data(envelopes):
    reported = [e for e in events(envelopes) if e.get("tags", {}).get("request_id") == "proxy-request-0042"]
    assert reported, events(envelopes)
    event = reported[0]
    assert event["exception"]["values"][-1]["type"] == "OperationalError"
    request = event["request"]
    assert request["url"].endswith("://cmcoord.example.org/api/v1/actors/")
    assert request["query_string"] == "token=[redacted]"
    assert request["headers"]["X-Request-Id"] == "proxy-request-0042"
    assert request["headers"].get("Authorization") in (None, "[redacted]", "[Filtered]")
    assert "cookies" not in request and "data" not in request
    assert "Cookie" not in request["headers"] or request["headers"]["Cookie"] in ("[redacted]", "[Filtered]")
    assert "203.0.113.7" not in json.dumps(event)
    # No local variables from the stack frames (they may hold anything).
    frames = event["exception"]["values"][-1]["stacktrace"]["frames"]
    assert not any("vars" in frame for frame in frames)


def test_a_failed_celery_task_is_reported_with_the_task_id(envelopes):
    failed = [
        e
        for e in events(envelopes)
        if any(v.get("value") == "the task failed" for v in e["exception"]["values"])
    ]
    assert failed, events(envelopes)
    assert failed[0]["tags"]["request_id"] == "task-0123456789"


@pytest.mark.parametrize("secret", [USER_TOKEN, QUERY_TOKEN, SESSION, "cmcoord:secret"])
def test_no_secret_is_sent_to_sentry(envelopes, secret):
    assert envelopes
    assert not any(secret.encode() in envelope for envelope in envelopes)
