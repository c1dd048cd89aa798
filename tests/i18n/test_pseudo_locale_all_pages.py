"""Every HTML page of the project, in the pseudo-locale, shows no unmarked text.

Reuses the permission matrix: its world (one record of each kind and sensitivity) and its
declared routes. Each HTML route (not the API, not Django's admin) that answers 200 to an
officer, and each that answers 200 to field staff, is rendered in ``qps``; every page's
unmarked text is reported at once.
"""

import pytest

from tests.i18n.test_pseudo_locale import PSEUDO, pseudo_locale, record_words, unmarked  # noqa: F401
from tests.permissions.expectations_edit import EDIT_EXPECTATIONS
from tests.permissions.test_matrix import EXPECTATIONS, _url
from tests.permissions.world import build_world

READERS = ["officer", "field"]
pytestmark = pytest.mark.usefixtures("pseudo_locale")


def html_pages():
    for key, entry in sorted(EXPECTATIONS.items()):
        route = entry.get("route", key)
        if route.startswith("api:") or route == "healthz":
            continue
        for principal in READERS:
            if entry["status"][principal] == 200:
                yield key, entry, principal


def test_no_html_page_shows_an_unmarked_string(db):
    world = build_world()
    whitelist = record_words()
    clients = {principal: world.client(principal) for principal in READERS}
    problems, seen = {}, 0
    for key, entry, principal in html_pages():
        url = _url(world, key, entry)
        response = clients[principal].get(url, headers={"accept-language": PSEUDO})
        assert response.status_code == 200, f"{principal} GET {url}"
        assert response.headers["Content-Language"] == PSEUDO, url
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
        url = _url(world, key, entry)
        response = client.post(url, {}, headers={"accept-language": PSEUDO})
        assert response.status_code == 200, f"POST {url}: {response.status_code}"
        html = response.content.decode()
        seen += "⟦This field is required.⟧" in html  # the form came back with its errors
        if found := unmarked(html, whitelist):
            problems[f"{key} ({url})"] = sorted(set(found))
    assert seen > 10
    assert not problems, "\n".join(f"{page}: {texts}" for page, texts in problems.items())
