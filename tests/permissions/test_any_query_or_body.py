"""Every route of the project, anonymous and signed in: a query string or a form body full of
control characters, invalid UTF-8, numbers past 64 bits and dates past the calendar is answered,
never with a server error; under /api/ every refusal is JSON (issue 12, point 2)."""

import pytest

from tests.permissions.test_matrix import EXPECTATIONS, _body, _url
from tests.permissions.world import build_world

# One kind of garbage per query: the first bad parameter often ends the request early.
GARBAGE_QUERIES = [
    "q=%00%ff&search=%ff%00&ordering=%00&%ff=%fe",
    "updated_since=9999-12-31T23:59:59-10:00&starts_after=0001-01-01T00:00%2B14:00&due_before=99999-01-01",
    "operation=99999999999999999999&owner=-99999999999999999999&asset=1e999",
    "page=%00&page_size=99999999999999999999&next=%00",
    "format=%0d%0a",
]
GARBAGE_BODY = b"title=%ff%fe\xff&name=\xff\x00&q=%00&username=%00&password=\xc3&due_date=9999-12-31"
FILE_TYPES = ("application/json", "text/csv", "text/calendar", "text/vcard", "application/vnd.oai")
HTML_API_PAGES = {"/api/v1/docs/"}  # the interactive docs: a page for people, its errors are pages


def _problems(response, method, url) -> list[str]:
    if response.status_code >= 500:
        return [f"{method} {url}: {response.status_code}"]
    content_type = response.get("Content-Type", "")
    api = url.startswith("/api/") and url.split(" ")[0] not in HTML_API_PAGES
    if api and response.status_code >= 400 and not content_type.startswith(FILE_TYPES):
        return [f"{method} {url}: {response.status_code} as {content_type}"]
    return []


@pytest.mark.parametrize("principal", ["anonymous", "officer"])
def test_no_route_gives_a_server_error_for_any_query_string_or_form_body(db, principal):
    world = build_world()
    client = world.client(principal)
    problems = []
    for key, entry in sorted(EXPECTATIONS.items()):
        url = _url(world, key, entry)
        for query in GARBAGE_QUERIES:
            response = client.get(url + ("&" if "?" in url else "?") + query)
            _body(response)  # a streamed file is produced too
            problems += _problems(response, "GET", f"{url} ?{query}")
        response = client.post(url, GARBAGE_BODY, content_type="application/x-www-form-urlencoded")
        problems += _problems(response, "POST", url)
    assert problems == []
