"""Search ignores case and accents, in the API and on the pages, on SQLite and PostgreSQL alike."""

from tests.api_world import ids
from tests.factories import ActorFactory


def test_buzi_finds_buzi_with_its_accent(world, api, client, officer):
    buzi = ActorFactory(operation=world.operation, name="Comité de Búzi")
    ActorFactory(operation=world.operation, name="Beira Port Authority")
    assert ids(api("officer").get("/api/v1/actors/?search=BUZI")) == {buzi.pk}
    assert ids(api("officer").get("/api/v1/actors/?search=comite buzi")) == {buzi.pk}
    client.force_login(officer)
    page = client.get(f"/operations/{world.operation.pk}/actors/?q=buzi").content.decode()
    assert "Comité de Búzi" in page and "Beira Port Authority" not in page


def test_like_wildcards_are_plain_characters(world, api):
    ActorFactory(operation=world.operation, name="Logistics 100% cluster")
    assert ids(api("officer").get("/api/v1/actors/?search=100%25")) != set()
    assert ids(api("officer").get("/api/v1/actors/?search=_")) == set()
