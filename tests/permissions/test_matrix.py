"""The permission matrix: every URL of the project, every kind of principal, a declared answer.

Walks the URL configuration, so a route nobody declared fails here; then GETs each route as
each principal and checks the status and that no restricted canary leaks.
"""

import importlib
import re

import pytest
from django.urls import NoReverseMatch, URLPattern, URLResolver, get_resolver, reverse

from tests.permissions.expectations_html import HTML_EXPECTATIONS
from tests.permissions.world import CANARY, MAY_SEE_RESTRICTED, PRINCIPALS, build_world


def _optional(module, name):
    try:
        return getattr(importlib.import_module(f"tests.permissions.{module}"), name)
    except ModuleNotFoundError:
        return {}


EXPECTATIONS = {
    **HTML_EXPECTATIONS,
    **_optional("expectations_api", "API_EXPECTATIONS"),
    **_optional("expectations_notifications", "NOTIFICATION_EXPECTATIONS"),
    **_optional("expectations_edit", "EDIT_EXPECTATIONS"),
    **_optional("expectations_accounts", "ACCOUNT_EXPECTATIONS"),
}
# Django admin guards itself (staff only, its own login); its routes are checked by a rule below.
ADMIN_NAMESPACE = "admin:"
# Routes without a name: Django's static/media helpers in DEBUG, and the admin's redirects.
UNNAMED_ALLOWED = [r"\^media/", r"\^static/", r"admin/"]
ADMIN_OPEN_TO_ALL = {"admin:login"}


def walk(patterns, prefix="", namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            ns = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), ns)
        elif isinstance(pattern, URLPattern):
            yield (f"{namespace}{pattern.name}" if pattern.name else None), prefix + str(pattern.pattern)


def declared_routes():
    return {entry.get("route", key) for key, entry in EXPECTATIONS.items()}


def test_every_route_declares_who_may_open_it():
    declared = declared_routes()
    missing, unnamed = [], []
    for name, pattern in walk(get_resolver().url_patterns):
        if name is None:
            if not any(re.match(allowed, pattern) for allowed in UNNAMED_ALLOWED):
                unnamed.append(pattern)
        elif not name.startswith(ADMIN_NAMESPACE) and name not in declared:
            missing.append(f"{name} ({pattern})")
    assert not unnamed, f"Routes without a name cannot be checked: {unnamed}"
    assert not missing, "Routes with no declared expectation: " + ", ".join(sorted(missing))


def test_every_declaration_names_a_real_route_and_every_principal():
    names = {name for name, _ in walk(get_resolver().url_patterns) if name}
    for key, entry in EXPECTATIONS.items():
        assert entry.get("route", key) in names, f"{key} names no route"
        assert set(entry["status"]) == set(PRINCIPALS), f"{key} must declare exactly {PRINCIPALS}"


def _url(world, key, entry):
    kwargs = {}
    for arg, placeholder in entry["kwargs"].items():
        value = world.objects[placeholder] if isinstance(placeholder, str) else placeholder
        kwargs[arg] = getattr(value, "pk", value)
    query = entry.get("query", "")
    if "{" in query:  # ids of the world's objects in the query string: "?operation={operation}"
        query = query.format(**{name: getattr(obj, "pk", obj) for name, obj in world.objects.items()})
    return reverse(entry.get("route", key), kwargs=kwargs) + query


@pytest.mark.parametrize("key", sorted(EXPECTATIONS))
def test_each_principal_gets_the_declared_answer_and_no_restricted_canary(db, key):
    world = build_world()
    entry = EXPECTATIONS[key]
    url = _url(world, key, entry)
    wrong = []
    for principal in PRINCIPALS:
        response = world.client(principal).get(url)
        expected = entry["status"][principal]
        if response.status_code != expected:
            wrong.append(f"{principal}: got {response.status_code}, expected {expected}")
            continue
        if principal not in MAY_SEE_RESTRICTED and CANARY.encode() in _body(response):
            wrong.append(f"{principal}: response contains restricted data")
    assert not wrong, f"GET {url}\n" + "\n".join(wrong)


def _body(response) -> bytes:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def test_admin_pages_answer_only_staff(db):
    world = build_world()
    for name, _pattern in walk(get_resolver().url_patterns):
        if not (name and name.startswith(ADMIN_NAMESPACE)):
            continue
        try:
            url = reverse(name)
        except NoReverseMatch:  # routes with arguments: guarded by the same admin_view
            continue
        for principal in PRINCIPALS:
            status = world.client(principal).get(url).status_code
            if principal == "admin" or name in ADMIN_OPEN_TO_ALL:
                assert status in {200, 302, 403, 405}, f"{name}: {principal} got {status}"
            else:
                assert status in {302, 404, 405}, f"{name}: {principal} got {status}"
