"""An HTML list of more rows than are cheap to count pages on without counting them all."""

import pytest

from tests.factories import ActorFactory


@pytest.fixture
def seven_actors(operation):
    for n in range(7):
        ActorFactory(operation=operation, name=f"NGO {n}")


def _get(client, officer, operation, query):
    client.force_login(officer)
    response = client.get(f"/operations/{operation.pk}/actors/{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_a_small_list_says_how_many_pages(client, officer, operation, seven_actors, monkeypatch):
    monkeypatch.setattr("cmcoord.views_base.OperationListView.paginate_by", 3)
    assert "Page 1 of 3" in _get(client, officer, operation, "")


def test_a_long_list_pages_on_without_a_total(client, officer, operation, seven_actors, monkeypatch):
    monkeypatch.setattr("cmcoord.views_base.OperationListView.paginate_by", 3)
    monkeypatch.setattr("cmcoord.paginator.COUNT_LIMIT", 4)
    first = _get(client, officer, operation, "")
    assert "Page 1" in first and "Page 1 of" not in first and "page=2" in first
    last = _get(client, officer, operation, "?page=3")
    assert "NGO 6" in last and "page=4" not in last and "page=2" in last
    client.force_login(officer)
    assert client.get(f"/operations/{operation.pk}/actors/?page=9").status_code == 404
