"""The browsable API (session users in a browser) renders every list and detail page."""

import pytest
from django.test import Client

PAGES = [
    "operations",
    "areas",
    "sectors",
    "actors",
    "mandates",
    "actor-links",
    "contacts",
    "forums",
    "meetings",
    "action-points",
    "cell-requests",
    "assets",
    "dependencies",
    "security-assessments",
    "notifications",
]


@pytest.mark.parametrize("principal", ["officer", "field"])
def test_every_list_renders_as_html_for_a_signed_in_browser(world, principal, officer, field):
    client = Client()
    client.force_login({"officer": officer, "field": field}[principal])
    for page in PAGES:
        response = client.get(f"/api/v1/{page}/", HTTP_ACCEPT="text/html")
        assert response.status_code == 200, page
        assert b"<html" in response.content


def test_a_detail_page_renders_its_edit_form_with_scoped_choices(world, officer):
    client = Client()
    client.force_login(officer)
    response = client.get(f"/api/v1/actors/{world.actor_internal.pk}/", HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert world.actor_other_op.name.encode() not in response.content
