"""Errors are JSON with field messages, hidden objects are 404, and nothing answers 500."""

from unittest import mock

import pytest
from django.db import IntegrityError


def test_an_unparsable_body_is_a_400(world, api):
    response = api("officer").generic("POST", "/api/v1/actors/", "{not json", content_type="application/json")
    assert response.status_code == 400
    assert "detail" in response.json()


def test_missing_fields_are_listed_one_by_one(world, api):
    response = api("officer").post("/api/v1/actors/", {"operation": world.operation.pk})
    assert response.status_code == 400
    assert {"name", "category", "actor_type"} <= set(response.json())


def test_a_page_past_the_end_is_a_json_404(world, api):
    response = api("officer").get("/api/v1/actors/?page=99")
    assert response.status_code == 404
    assert response.json()["detail"]


def test_an_id_too_large_for_the_database_is_a_404(world, api):
    assert api("officer").get("/api/v1/actors/99999999999999999999999/").status_code == 404


def test_an_integrity_error_that_slips_past_validation_is_a_400(world, api):
    with mock.patch("cmcoord.api.records.record_save", side_effect=IntegrityError("duplicate")):
        response = api("officer").patch(f"/api/v1/actors/{world.actor_internal.pk}/", {"notes": "x"})
    assert response.status_code == 400
    assert response.json()["non_field_errors"]


def test_a_hidden_object_is_404_for_writes_too(world, api):
    url = f"/api/v1/actors/{world.actor_restricted.pk}/"
    assert api("field").patch(url, {"name": "x"}).status_code == 404
    assert api("field").delete(url).status_code == 404
    assert api("partner").get(url).status_code == 404


@pytest.mark.parametrize("signed_in", [False, True])
def test_a_body_nested_too_deeply_is_a_json_400(client, officer, signed_in):
    if signed_in:
        client.force_login(officer)
    body = "[" * 100_000 + "]" * 100_000
    for url in ("/api/v1/auth/token/", "/api/v1/actors/"):
        response = client.post(url, body, content_type="application/json")
        assert response.status_code in (400, 401, 403), (url, response.status_code)
        assert response["Content-Type"].startswith("application/json")
        if response.status_code == 400:
            assert "nested too deeply" in response.json()["detail"]


@pytest.mark.parametrize("path", ["/api/v1/actors/99999999999999999999999/", "/api/v1/no-such-thing/"])
def test_an_address_the_api_does_not_know_answers_json(client, officer, path):
    client.force_login(officer)
    response = client.get(path)
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_a_page_that_does_not_exist_is_still_a_page(client, officer):
    client.force_login(officer)
    response = client.get("/operations/99999999999999999999999/")
    assert response.status_code == 404 and response["Content-Type"].startswith("text/html")


API_LISTS = [
    "operations", "areas", "sectors", "actors", "mandates", "actor-links", "contacts", "forums",
    "meetings", "action-points", "cell-requests", "assets", "dependencies", "security-assessments",
    "notifications",
]  # fmt: skip
PAGE_LISTS = ["actors", "contacts", "meetings", "action-points", "requests", "assets", "dependencies"]
# Control characters, invalid UTF-8, numbers past 64 bits, dates past the calendar, in every
# kind of parameter (search, ordering, ids, choices, dates, paging, format).
BAD_QUERIES = [
    "search=%00", "q=%00", "ordering=%00", "ordering=-%00%01", "search=%ff%fe", "%ff=%ff",
    "operation=99999999999999999999999", "operation=-99999999999999999999999", "owner=99999999999999999999",
    "asset=99999999999999999999999", "meeting=1e999", "area=%00", "sector=%0d%0a", "status=%00",
    "updated_since=9999-12-31T23:59:59-10:00", "updated_since=%00", "starts_after=0001-01-01T00:00%2B14:00",
    "due_before=99999-01-01", "phase_out_before=0000-00-00", "page=%00", "page=99999999999999999999",
    "page_size=99999999999999999999", "format=%00", "format=hxl&search=%00",
]  # fmt: skip


@pytest.mark.parametrize("who", ["anonymous", "field", "officer"])
def test_no_query_string_gives_a_server_error_and_api_errors_are_json(world, api, client, principals, who):
    failures = []
    for resource in API_LISTS:
        for query in BAD_QUERIES:
            response = api(who).get(f"/api/v1/{resource}/?{query}")
            if response.status_code >= 500 or not response["Content-Type"].startswith(
                ("application/json", "text/csv")
            ):
                failures.append((resource, query, response.status_code, response["Content-Type"]))
    if who != "anonymous":
        client.force_login(principals[who])
    for name in PAGE_LISTS:
        for query in BAD_QUERIES:
            response = client.get(f"/operations/{world.operation.pk}/{name}/?{query}")
            if response.status_code >= 500:
                failures.append((name, query, response.status_code))
    assert failures == []


@pytest.mark.parametrize("signed_in", [False, True])
def test_a_json_body_over_the_upload_limit_is_a_json_413(client, officer, signed_in, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    if signed_in:
        client.force_login(officer)
    body = '{"name": "' + "x" * 20_000 + '"}'
    for url in ("/api/v1/auth/token/", "/api/v1/actors/"):
        response = client.post(url, body, content_type="application/json")
        assert response.status_code in (413, 401, 403), (url, response.status_code)
        assert response["Content-Type"].startswith("application/json")
    client.force_login(officer)
    response = client.post("/api/v1/actors/", body, content_type="application/json")
    assert response.status_code == 413
    assert response.json() == {"detail": "The request body is too large."}


def test_a_request_django_itself_refuses_under_the_api_is_json(client, officer, settings):
    """A form body over the limit, a forged Host: Django answers before any viewset, in JSON."""
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    client.force_login(officer)
    client.handler.enforce_csrf_checks = True
    response = client.post("/api/v1/actors/", {"name": "x" * 20_000})
    assert response.status_code in (403, 413) and response.json()["detail"]
    response = client.get("/api/v1/actors/", HTTP_HOST="evil.example\r\nX: y")
    assert response.status_code == 400
    assert response.json() == {"detail": "Bad request."}
    assert client.get("/", HTTP_HOST="evil.example")["Content-Type"].startswith("text/html")


def test_json_with_an_unpaired_surrogate_is_a_json_400_and_nothing_is_saved(world, api):
    before = world.operation.actors.count()
    op = world.operation.pk
    body = '{"operation": ' + str(op) + ', "name": "WFP \\ud800", "category": "international_civilian"}'
    response = api("officer").post("/api/v1/actors/", body, content_type="application/json")
    assert response.status_code == 400
    assert "unpaired surrogate" in response.json()["detail"]
    assert world.operation.actors.count() == before


def test_wrong_method_and_media_type_are_json(world, api):
    response = api("officer").put("/api/v1/actors/", {})
    assert response.status_code == 405 and response.json()["detail"]
    response = api("officer").post(
        "/api/v1/actors/", "name=x", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 415 and response.json()["detail"]


def test_a_server_error_under_the_api_is_json_and_pages_keep_their_page(client, officer):
    client.raise_request_exception = False
    client.force_login(officer)
    with mock.patch("cmcoord.api.views.OperationViewSet.list", side_effect=RuntimeError("boom")):
        response = client.get("/api/v1/operations/")
    assert response.status_code == 500
    assert response.json() == {"detail": "A server error occurred."}
    with mock.patch("web.views.render", side_effect=RuntimeError("boom")):
        page = client.get("/")
    assert page.status_code == 500 and page["Content-Type"].startswith("text/html")


def test_invalid_utf8_in_a_form_body_is_no_server_error(client, officer, world):
    client.force_login(officer)
    for path in ("/login/", f"/operations/{world.operation.pk}/actors/new/"):
        response = client.post(
            path, b"username=%ff%fe&name=\xff\xfe\x00", content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code < 500, path
