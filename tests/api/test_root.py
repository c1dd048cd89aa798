"""GET /api/v1/ answers with the API root: the resources and their addresses."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_api_root_lists_the_resources_to_anyone(client):
    response = client.get("/api/v1/", headers={"accept": "application/json"})

    assert response.status_code == 200
    resources = response.json()
    assert resources["actors"].endswith("/api/v1/actors/")
    assert {"operations", "contacts", "meetings", "cell-requests", "assets"} <= set(resources)


def test_no_resource_gets_a_format_suffix_route(client, officer):
    client.force_login(officer)
    assert client.get("/api/v1/actors.json").status_code == 404
