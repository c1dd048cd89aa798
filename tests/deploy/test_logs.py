"""Production logs: every line is JSON with the request id (or the task id), and no secret in it.

A fresh Python with the production settings (the database and Redis are closed ports on loopback,
so requests fail fast and log errors) makes requests through Django's test client and runs a
Celery task; the test reads what it wrote to standard error, line by line.
"""

import json

import pytest

from tests.deploy.envs import PRODUCTION, environment, run_python

SECRETS = {
    "user token": "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
    "partner key": "cmp_PartnerKeyMustNotLeak42",
    "query token": "QueryTokenMustNotLeak77",
    "password": "hunter2-Must-Not-Leak",
    "database password": "DbPassw0rdMustNotLeak",
    "one-time code": "918273",
}

SCRIPT = f"""
import json, logging, sys
import django
django.setup()
from django.test import Client
from cmcoord.celery import app

SECRETS = {SECRETS!r}
client = Client(HTTP_HOST="cmcoord.example.org", raise_request_exception=False)
headers = {{}}

# A request that came through a proxy with an id, a user token and secrets in the query string;
# the database is down, so the API answers 500 and Django logs the error with its traceback.
response = client.get(
    "/api/v1/actors/?token=" + SECRETS["query token"] + "&key=" + SECRETS["partner key"]
    + "&otp=" + SECRETS["one-time code"],
    secure=True,
    HTTP_X_REQUEST_ID="proxy-request-0042",
    HTTP_AUTHORIZATION="Token " + SECRETS["user token"],
)
headers["proxied"] = [response.status_code, response["X-Request-ID"]]

# A request without an id gets a new one; the health check logs what failed.
response = client.get("/healthz/", secure=True)
headers["fresh"] = [response.status_code, response["X-Request-ID"]]

# An id that is not a sane token is replaced (no forged log lines).
response = client.get("/healthz/", secure=True, HTTP_X_REQUEST_ID="bad id\\nlevel=ERROR")
headers["refused"] = [response.status_code, response["X-Request-ID"]]

log = logging.getLogger("cmcoord.example")
log.warning("sign-in refused: password=%s", SECRETS["password"])
log.error("cannot reach postgres://cmcoord:%s@db:5432/cmcoord", SECRETS["database password"])
log.info("partner called", extra={{"headers": {{"Authorization": "Token " + SECRETS["user token"]}}}})
log.info("json body %s", json.dumps({{"username": "ana", "password": SECRETS["password"]}}))


@app.task(name="tests.logs.noisy")
def noisy():
    logging.getLogger("cmcoord.tasks").info("inside the task")


noisy.apply(task_id="task-0123456789")
log.info("after the task")
print(json.dumps(headers))
"""

CLOSED = "127.0.0.1:9"  # discard port: nothing listens, connections are refused at once


@pytest.fixture(scope="module")
def run():
    env = environment(
        {
            **PRODUCTION,
            "DATABASE_URL": f"postgres://cmcoord:{SECRETS['database password']}@{CLOSED}/cmcoord",
            "REDIS_URL": f"redis://{CLOSED}/0",
        }
    )
    result = run_python(["-c", SCRIPT], env)
    assert result.returncode == 0, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    return json.loads(result.stdout.strip().splitlines()[-1]), lines, result.stderr


@pytest.fixture(scope="module")
def records(run):
    _, lines, _ = run
    parsed = []
    for line in lines:
        try:
            parsed.append(json.loads(line))
        except ValueError:
            pytest.fail(f"not a JSON line: {line!r}")
    return parsed


def test_every_line_is_a_json_object_with_time_level_logger_and_message(records):
    assert len(records) >= 8
    for record in records:
        assert {"time", "level", "logger", "message", "request_id"} <= set(record), record


def test_each_request_has_its_id_on_every_line_and_in_the_response(run, records):
    headers, _, _ = run
    assert headers["proxied"] == [500, "proxy-request-0042"]
    proxied = [r for r in records if r["request_id"] == "proxy-request-0042"]
    loggers = {r["logger"] for r in proxied}
    assert {"django.request", "cmcoord.access"} <= loggers, proxied
    error = next(r for r in proxied if r["logger"] == "django.request")
    assert error["level"] == "ERROR" and "exc_info" in error
    access = next(r for r in proxied if r["logger"] == "cmcoord.access")
    assert (access["method"], access["path"], access["status"]) == ("GET", "/api/v1/actors/", 500)

    status, fresh = headers["fresh"]
    assert status == 503 and len(fresh) == 32 and fresh != "proxy-request-0042"
    fresh_lines = [r for r in records if r["request_id"] == fresh]
    assert [r["status"] for r in fresh_lines if r["logger"] == "cmcoord.access"] == [503]
    # Django logs the 503 after the middleware chain returned: the id is still there.
    assert [r["message"] for r in fresh_lines if r["logger"] == "django.request"] == [
        "Service Unavailable: /healthz/"
    ]
    status, replaced = headers["refused"]
    assert len(replaced) == 32 and "\n" not in replaced
    assert any(r["request_id"] == replaced for r in records)


def test_lines_outside_a_request_have_no_id_and_a_task_has_its_own(records):
    inside = next(r for r in records if r["message"] == "inside the task")
    assert inside["request_id"] == "task-0123456789"
    after = next(r for r in records if r["message"] == "after the task")
    assert after["request_id"] is None


@pytest.mark.parametrize("name", SECRETS)
def test_no_secret_reaches_the_logs(run, name):
    _, _, stderr = run
    assert SECRETS[name] not in stderr


def test_redacted_lines_still_say_what_happened(records):
    messages = [r["message"] for r in records]
    assert "sign-in refused: password=[redacted]" in messages
    assert "cannot reach postgres://[redacted]@db:5432/cmcoord" in messages
    partner = next(r for r in records if r["message"] == "partner called")
    assert partner["headers"] == {"Authorization": "Token [redacted]"}


def test_gunicorn_as_the_image_runs_it_writes_only_json_lines(tmp_path):
    """The web container's command: gunicorn's own lines and the app's, all JSON, with the id."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.error
    import urllib.request
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = environment(
        {
            **PRODUCTION,
            "DATABASE_URL": f"postgres://cmcoord:x@{CLOSED}/cmcoord",
            "REDIS_URL": f"redis://{CLOSED}/0",
        }
    )
    gunicorn = Path(sys.executable).parent / "gunicorn"
    command = [str(gunicorn), "cmcoord.wsgi", f"--bind=127.0.0.1:{port}", "--workers=1"]
    command += ["--log-config-json=deploy/gunicorn-logging.json", "--forwarded-allow-ips=*"]
    stderr = (tmp_path / "stderr").open("w+")
    server = subprocess.Popen(command, cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=stderr)
    try:
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/healthz/?token={SECRETS['query token']}",
            headers={
                "Host": "cmcoord.example.org",
                "X-Forwarded-Proto": "https",
                "X-Request-ID": "via-nginx-0042",
            },
        )
        deadline = time.monotonic() + 30
        while True:  # one request only, once gunicorn listens
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert time.monotonic() < deadline, "gunicorn did not start"
                time.sleep(0.2)
        try:
            status = urllib.request.urlopen(request, timeout=60).status  # noqa: S310 (http://127.0.0.1)
        except urllib.error.HTTPError as answered:
            status = answered.code
        assert status == 503
    finally:
        server.terminate()
        server.wait(timeout=30)
    stderr.seek(0)
    lines = [line for line in stderr.read().splitlines() if line.strip()]
    records = []
    for line in lines:
        try:
            records.append(json.loads(line))
        except ValueError:
            pytest.fail(f"not a JSON line: {line!r}")
    assert any(r["logger"] == "gunicorn.error" and "Booting worker" in r["message"] for r in records)
    access = [r for r in records if r["logger"] == "cmcoord.access"]
    assert [(r["request_id"], r["status"], r["path"]) for r in access] == [
        ("via-nginx-0042", 503, "/healthz/")
    ]
    assert SECRETS["query token"] not in "\n".join(lines)
