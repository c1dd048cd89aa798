"""Deleted records are listed for those who could read them, so a partner's copy converges."""

import pytest

from cmcoord.services import record_delete
from tests.factories import ActorFactory


def _deleted(client, url="/api/v1/deletions/"):
    response = client.get(url)
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def gone(world, officer):
    shareable = ActorFactory(operation=world.operation, name="Gone shareable", sensitivity="shareable")
    restricted = ActorFactory(operation=world.operation, name="Gone restricted", sensitivity="restricted")
    ids = {"shareable": shareable.pk, "restricted": restricted.pk}
    for actor in (shareable, restricted):
        record_delete(instance=actor, by=officer, codename="manage_registry")
    return ids


def test_a_partner_learns_of_the_deletions_of_what_it_could_read_only(world, api, gone):
    rows = _deleted(api("partner"))["results"]
    assert [(row["type"], row["id"]) for row in rows] == [("actor", gone["shareable"])]
    officer_rows = _deleted(api("officer"))["results"]
    assert {row["id"] for row in officer_rows if row["type"] == "actor"} == set(gone.values())
    assert _deleted(api("field_other"))["results"] == []
    assert _deleted(api("outsider"))["results"] == []


def test_a_sync_goes_on_from_its_cursor(world, api, gone, officer):
    partner = api("partner")
    first = _deleted(partner)
    assert _deleted(partner, f"/api/v1/deletions/?cursor={first['cursor']}")["results"] == []
    later = ActorFactory(operation=world.operation, name="Gone later", sensitivity="shareable")
    later_pk = later.pk
    record_delete(instance=later, by=officer, codename="manage_registry")
    rows = _deleted(partner, f"/api/v1/deletions/?cursor={first['cursor']}")["results"]
    assert [row["id"] for row in rows] == [later_pk]


def test_bad_cursor_or_moment_is_a_clear_400(world, api):
    assert api("partner").get("/api/v1/deletions/?cursor=nope").status_code == 400
    assert api("partner").get("/api/v1/deletions/?updated_since=yesterday").status_code == 400
    assert api("partner").get("/api/v1/deletions/?updated_since=2026-01-01T00:00:00Z").status_code == 200
