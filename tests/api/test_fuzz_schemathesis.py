"""Schemathesis against the live schema, per principal: no server error, no schema violation,
every error in JSON.

Each operation gets a few positive and negative (schema-violating: wrong types, control
characters, out-of-range values) examples with generated path ids, and again
with the id of a real record of the world (so detail routes and actions run on objects the
principal may or may not see). API_FUZZ_EXAMPLES raises the number of examples.
"""

import os
import re
from collections import Counter

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error, response_schema_conformance
from schemathesis.core.failures import FailureGroup

from cmcoord.wsgi import application

STATS = Counter()
EXAMPLES = int(os.environ.get("API_FUZZ_EXAMPLES", "2"))
# The files the API serves besides JSON (exports, the schema, its docs page).
FILE_TYPES = ("text/csv", "text/calendar", "text/vcard", "application/vnd.oai.openapi", "text/html")


def api_answers_json(ctx, response, case):
    """An error under /api/ is JSON, whatever the input (a client never has to read an HTML page);
    a success is JSON too unless the operation serves a file."""
    content_type = (response.headers.get("content-type") or [""])[0]
    if content_type.startswith("application/json") or response.status_code == 204:  # 204: no body
        return None
    if response.status_code < 400 and content_type.startswith(FILE_TYPES):
        return None
    raise AssertionError(
        f"{case.method} {case.formatted_path}: {response.status_code} answered as {content_type!r}"
    )


CHECKS = [not_a_server_error, response_schema_conformance, api_answers_json]
# Revoking the caller's own token would sign the rest of the run out (tested in test_auth.py).
SKIP = {"DELETE /api/v1/auth/token/", "POST /api/v1/auth/logout/", "POST /api/v1/auth/logout-all/"}
# Which world object stands behind {id} on each resource path.
REAL_IDS = {
    "operations": "operation",
    "areas": "district",
    "sectors": "sector",
    "actors": "actor_internal",
    "mandates": "mandate",
    "contacts": "contact_approved",
    "forums": "forum",
    "meetings": "meeting",
    "action-points": "action_point_of_field",
    "cell-requests": "rfa",
    "assets": "asset",
    "dependencies": "dependency",
    "notifications": "notification_of_field",
}


def _check(operation, mode, headers, failures, **strategy_kwargs):
    """A Hypothesis test of one operation in one generation mode; failures are collected."""

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        derandomize=True,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy(generation_mode=mode, **strategy_kwargs))
    def check(case):
        response = case.call(headers=headers)
        STATS[response.status_code] += 1
        STATS[mode.value] += 1
        try:
            case.validate_response(response, checks=CHECKS, headers=headers)
        except (Exception, FailureGroup) as exc:  # collect every failure, report them all
            failures.append(f"{operation.label} [{mode.value}] {type(exc).__name__}: {exc}"[:1500])

    return check


def _run(operation, headers, failures, modes=tuple(GenerationMode), **strategy_kwargs):
    for mode in modes:
        try:
            _check(operation, mode, headers, failures, **strategy_kwargs)()
        except Unsatisfiable:
            # Nothing in this operation can be made invalid (no parameters, no body).
            assert mode is GenerationMode.NEGATIVE, operation.label


@pytest.fixture
def same_db_connection():
    """Calls go straight to the WSGI handler: keep Django from closing the test's connection
    after each request (its test client does the same), or PostgreSQL loses the transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


FUZZED = ["anonymous", "outsider", "field", "officer", "hct", "partner", "admin"]


@pytest.mark.parametrize("principal", FUZZED)
def test_schemathesis_finds_no_server_error_and_no_schema_violation(
    principal, world, api, same_db_connection
):
    client = api(principal)
    auth = client._credentials.get("HTTP_AUTHORIZATION")
    headers = {"Authorization": auth} if auth else {}
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)
    failures: list[str] = []
    negative_before = STATS[GenerationMode.NEGATIVE.value]
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.label in SKIP:
            continue
        _run(operation, headers, failures)
        match = re.match(r"^/api/v1/([a-z-]+)/\{id\}", operation.path)
        if match and match.group(1) in REAL_IDS:
            real = getattr(world, REAL_IDS[match.group(1)]).pk
            _run(operation, headers, failures, [GenerationMode.POSITIVE], path_parameters={"id": real})
    print(f"{principal}: responses so far {sorted(STATS.items(), key=str)}")
    # Schema-violating requests were really sent (wrong types, missing fields, bad formats).
    assert STATS[GenerationMode.NEGATIVE.value] - negative_before >= 50
    assert not failures, "\n".join(failures)
