"""A refused form starts with what is wrong, each item a link to its field: on a phone the errors
no longer sit screens below the top of the page."""

import re

import pytest

from tests.pages import page

pytestmark = pytest.mark.django_db


def summary(html: str) -> str:
    match = re.search(r'<div class="error-summary".*?</div>', html, re.S)
    assert match, "no error summary"
    return match.group(0)


def test_a_refused_actor_form_lists_its_errors_at_the_top_with_links(client, officer, operation):
    client.force_login(officer)
    html = client.post(page("actors:create", operation), {"name": ""}).content.decode()

    top = summary(html)
    assert html.index(top) < html.index(
        '<form method="post" class="stack record-form"'
    )  # not the header's switcher
    assert '<a href="#id_name">' in top
    assert "This field is required." in top


def test_a_refused_request_lists_the_rfa_checklist_only_for_an_rfa(client, field, operation):
    client.force_login(field)
    concern = client.post(page("cell:request-create", operation), {"kind": "access", "title": "Checkpoint"})
    assert '<a href="#id_description">' in summary(concern.content.decode())
    assert "#id_rfa-" not in summary(concern.content.decode())

    rfa = client.post(page("cell:request-create", operation), {"kind": "assistance", "title": "Airlift"})
    assert '<a href="#id_rfa-task_type">' in summary(rfa.content.decode())
