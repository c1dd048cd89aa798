"""Lists cost what their page costs: counted only when cheap or asked, and walked by cursor."""

import pytest

from actors.models import Actor
from tests.api_world import ids
from tests.factories import ActorFactory


@pytest.fixture
def many_actors(world):
    for n in range(5):
        ActorFactory(operation=world.operation, name=f"NGO {n}", sensitivity="shareable")
    return Actor.objects.filter(operation=world.operation).count()


def test_a_small_list_says_how_many_match(world, api, many_actors):
    body = api("officer").get("/api/v1/actors/?page_size=2").json()
    assert body["count"] == many_actors and body["next"] and body["previous"] is None


def test_a_large_list_counts_only_when_asked(world, api, many_actors, monkeypatch):
    monkeypatch.setattr("cmcoord.api.pagination.COUNT_LIMIT", 3)
    officer = api("officer")
    assert officer.get("/api/v1/actors/?page_size=2").json()["count"] is None
    assert officer.get("/api/v1/actors/?page_size=2&count=exact").json()["count"] == many_actors
    last = officer.get("/api/v1/actors/?page_size=2&page=4").json()
    assert last["count"] == many_actors and last["next"] is None and last["previous"]
    assert officer.get("/api/v1/actors/?page_size=2&count=all").status_code == 400


def test_pages_follow_one_another_without_overlap(world, api, many_actors):
    officer, seen, url = api("officer"), [], "/api/v1/actors/?page_size=3"
    while url:
        body = officer.get(url).json()
        seen += [row["id"] for row in body["results"]]
        url = body["next"]
    assert len(seen) == len(set(seen)) == many_actors
    assert officer.get("/api/v1/actors/?page=99").status_code == 404


def _walk(client, url):
    seen, cursor = [], None
    while url:
        body = client.get(url).json()
        seen += [row["id"] for row in body["results"]]
        cursor, url = body["cursor"], body["next"]
    return seen, cursor


def test_a_partner_syncs_by_cursor_and_then_reads_only_what_changed(world, api, many_actors):
    partner = api("partner")
    seen, cursor = _walk(partner, "/api/v1/actors/?cursor=&page_size=2")
    expected = set(
        Actor.objects.filter(operation=world.operation, sensitivity="shareable").values_list("pk", flat=True)
    )
    assert len(seen) == len(set(seen)) and set(seen) == expected
    changed = Actor.objects.get(name="NGO 2")
    changed.notes = "Moved to Beira"
    changed.save()
    hidden = Actor.objects.get(name="NGO 3")
    hidden.sensitivity = "internal"
    hidden.save()
    body = partner.get(f"/api/v1/actors/?cursor={cursor}").json()
    assert [row["id"] for row in body["results"]] == [changed.pk]
    assert body["next"] is None and body["cursor"] != cursor


def test_a_cursor_we_did_not_make_is_a_clear_400(world, api):
    response = api("partner").get("/api/v1/actors/?cursor=not-ours")
    assert response.status_code == 400 and "cursor" in response.json()


def test_the_cursor_walk_holds_the_same_rows_as_the_pages(world, api, many_actors):
    officer = api("officer")
    by_cursor, _ = _walk(officer, "/api/v1/actors/?cursor=&page_size=2")
    assert set(by_cursor) == ids(officer.get("/api/v1/actors/?page_size=200"))
