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
