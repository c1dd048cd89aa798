"""The permission matrix's declarations for the API cover every API route, for every principal."""

from django.urls import URLPattern, URLResolver, get_resolver

from tests.permissions.expectations_api import API_EXPECTATIONS, PRINCIPALS


def _api_route_names():
    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(
                    pattern.url_patterns,
                    f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace,
                )
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield f"{namespace}{pattern.name}"

    return {name for name in walk(get_resolver().url_patterns) if name.startswith("api:")}


def test_every_api_route_has_a_declared_status_for_every_principal():
    declared = {entry.get("route", key) for key, entry in API_EXPECTATIONS.items()}
    assert _api_route_names() == declared
    for key, entry in API_EXPECTATIONS.items():
        assert set(entry["status"]) == set(PRINCIPALS), key
