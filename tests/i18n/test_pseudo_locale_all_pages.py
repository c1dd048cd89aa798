"""Every HTML page of the project, in the pseudo-locale, shows no unmarked text.

Reuses the permission matrix: its world (one record of each kind and sensitivity) and its
declared routes. Each HTML route (not the API, not Django's admin) is opened as an officer,
field staff and an HCT member, in ``qps``: the page where it answers 200, the 403/404 page
where it refuses; every page's unmarked text is reported at once.
"""

import re

import pytest
from django.urls import reverse

from cmcoord.roles import Role
from cmcoord.services import role_grant
from tests.factories import OperationFactory
from tests.i18n.test_pseudo_locale import PSEUDO, pseudo_locale, record_words, unmarked  # noqa: F401
from tests.permissions.expectations_edit import EDIT_EXPECTATIONS
from tests.permissions.test_matrix import EXPECTATIONS, _url
from tests.permissions.world import build_world
from tests.signin.steps import enrolled, sign_in_with_password

READERS = ["officer", "field", "hct"]  # hct: the strategy approval and read-only views
SECRET = re.compile(r'(?<=id="totp-secret")>[A-Z2-7 ]+')
pytestmark = pytest.mark.usefixtures("pseudo_locale")


def html_pages():
    for key, entry in sorted(EXPECTATIONS.items()):
        route = entry.get("route", key)
        if route.startswith("api:") or route == "healthz":
            continue
        for principal in READERS:
            if entry["status"][principal] in (200, 403, 404):  # the page, or the error page
                yield key, entry, principal


def test_no_html_page_shows_an_unmarked_string(db):
    world = build_world()
    whitelist = record_words()
    clients = {principal: world.client(principal) for principal in READERS}
    problems, seen = {}, 0
    for key, entry, principal in html_pages():
        url = _url(world, key, entry)
        response = clients[principal].get(url, headers={"accept-language": PSEUDO})
        assert response.status_code == entry["status"][principal], f"{principal} GET {url}"
        assert response.headers["Content-Language"] == PSEUDO, url
        if getattr(response, "streaming", False) or not response["Content-Type"].startswith("text/html"):
            continue  # a download (an uploaded file, a meeting's DOCX record), not a page
        seen += 1
        if found := unmarked(response.content.decode(), whitelist):
            problems[f"{key} as {principal} ({url})"] = sorted(set(found))
    assert seen > 40, "the matrix should give dozens of pages"
    assert not problems, "\n".join(f"{page}: {texts}" for page, texts in problems.items())


def test_no_form_sent_back_with_its_errors_shows_an_unmarked_string(db):
    """An officer's create and edit forms, sent empty: the errors and the form are marked."""
    world = build_world()
    whitelist = record_words()
    client = world.client("officer")
    problems, seen = {}, 0
    for key, entry in sorted(EDIT_EXPECTATIONS.items()):
        if not entry.get("route", key).endswith(("-create", ":create", "-update", ":update")):
            continue
        if entry["status"]["officer"] != 200:
            continue  # a way into other pages (a meeting's edit sections), not a form
        url = _url(world, key, entry)
        response = client.post(url, {}, headers={"accept-language": PSEUDO})
        assert response.status_code == 200, f"POST {url}: {response.status_code}"
        html = response.content.decode()
        seen += "⟦This field is required.⟧" in html  # the form came back with its errors
        if found := unmarked(html, whitelist):
            problems[f"{key} ({url})"] = sorted(set(found))
    assert seen > 10
    assert not problems, "\n".join(f"{page}: {texts}" for page, texts in problems.items())


def test_the_two_factor_steps_show_no_unmarked_string(db, client, officer, hct):
    """The pages between the password and the operation: enrolment, the code, a wrong code."""
    whitelist = record_words()
    lang = {"accept-language": PSEUDO}
    problems = {}
    enrolled(hct)
    for user in ("officer", "hct"):
        client.logout()
        sign_in_with_password(client, user)
        step = client.get(reverse("home"), headers=lang)
        while step.status_code == 302:
            url = step["Location"]
            step = client.get(url, headers=lang)
        assert step.status_code == 200, url
        for page in (step, client.post(url, {"code": "000000"}, headers=lang)):
            html = SECRET.sub(">", page.content.decode())  # the key to type in, not words
            if found := unmarked(html, whitelist):
                problems[f"{user} at {url}"] = sorted(set(found))
    assert not problems, "\n".join(f"{page}: {texts}" for page, texts in problems.items())


def test_an_operation_with_nothing_yet_shows_its_empty_states_marked(db):
    """A new operation: every list, dashboard and queue says it is empty, in the reader's language."""
    world = build_world()
    empty = OperationFactory(name="Drought Response Chad 2026", country="TCD")
    for principal, role in (("officer", Role.OFFICER), ("field", Role.FIELD_STAFF), ("hct", Role.HCT)):
        role_grant(user=world.users[principal], operation=empty, role=role)
    whitelist = record_words()
    problems, seen = {}, 0
    for key, entry, principal in html_pages():
        if entry["kwargs"] != {"op": "operation"} or entry["status"][principal] != 200:
            continue
        if key.startswith("hns:") and principal == "field":
            continue  # in the world field staff notify for WFP; here they are no organisation's staff
        url = reverse(entry.get("route", key), kwargs={"op": empty.pk}) + entry.get("query", "")
        response = world.client(principal).get(url, headers={"accept-language": PSEUDO})
        assert response.status_code == 200, f"{principal} GET {url}"
        seen += 1
        if found := unmarked(response.content.decode(), whitelist):
            problems[f"{key} as {principal} ({url})"] = sorted(set(found))
    assert seen > 20, "every list of the operation, for three roles"
    assert not problems, "\n".join(f"{page}: {texts}" for page, texts in problems.items())
