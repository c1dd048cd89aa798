"""Search across the operation, from the header: accents and case ignored, best match first, and
only what the reader may see found, counted or quoted. Runs on SQLite and on PostgreSQL."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actors.models import InterlocutorStatus
from cmcoord import site_search
from cmcoord.models import Sensitivity
from meetings.models import Participant
from tests.factories import (
    ActionPointFactory,
    ActorFactory,
    AssetFactory,
    CellRequestFactory,
    ContactFactory,
    MeetingFactory,
    MilitaryActorFactory,
)
from tests.permissions.world import CANARY, build_world

APPROVED = {"interlocutor_status": InterlocutorStatus.APPROVED, "interlocutor_decided_on": "2026-04-01"}


def search_page(client, operation, q, **params):
    return client.get(reverse("web:search", args=[operation.pk]), {"q": q, **params})


def api_search(client, operation, q, **params):
    return client.get(reverse("api:search"), {"q": q, "operation": operation.pk, **params})


def titles(response, kind=None):
    """The titles of the hits on a results page (of one kind), in the order shown."""
    return [
        hit.title
        for group in response.context["found"]
        if kind is None or group.key == kind
        for hit in group.hits
    ]


@pytest.fixture
def buzi(operation, officer):
    """One record of every kind naming Búzi, with its accent."""
    actor = ActorFactory(
        operation=operation, name="Búzi district administration", sensitivity=Sensitivity.INTERNAL
    )
    force = MilitaryActorFactory(operation=operation, name="Task Force Sofala", **APPROVED)
    return {
        "actors": actor,
        "contacts": ContactFactory(actor=force, full_name="Capt. João Búzi", rank_or_title=""),
        "meetings": MeetingFactory(forum__operation=operation, title="Coordination in Búzi"),
        "action-points": ActionPointFactory(operation=operation, owner=officer, title="Visit Búzi bridge"),
        "requests": CellRequestFactory(operation=operation, submitted_by=officer, title="Airlift to Búzi"),
        "assets": AssetFactory(provider=force, name="Boats, Búzi river"),
    }


@pytest.mark.parametrize("typed", ["buzi", "BUZI", "Búzi", "búZI", "Buzi"])
def test_every_kind_is_found_whatever_the_accents_and_capitals(client, operation, officer, buzi, typed):
    client.force_login(officer)
    response = search_page(client, operation, typed)
    assert response.status_code == 200
    found = {group.key: [hit.record.pk for hit in group.hits] for group in response.context["found"]}
    for kind, record in buzi.items():
        assert found.get(kind) == [record.pk], kind
    assert "Capt. João Búzi" in response.content.decode()


def test_a_query_with_accents_finds_records_typed_without(client, operation, officer):
    ActorFactory(operation=operation, name="Defesa Civil Nacional de Mocambique")
    client.force_login(officer)
    assert titles(search_page(client, operation, "Moçambique")) == ["Defesa Civil Nacional de Mocambique"]


def test_the_header_of_every_operation_page_has_the_search_box(client, operation, field):
    client.force_login(field)
    for url in [
        reverse("web:dashboard", args=[operation.pk]),
        reverse("actors:list", args=[operation.pk]),
        reverse("cell:request-create", args=[operation.pk]),
    ]:
        page = client.get(url).content.decode()
        box = page.split('<form method="get" action="' + reverse("web:search", args=[operation.pk]), 1)
        assert len(box) == 2, url
        assert '<label for="header-search"' in box[1].split("</form>")[0]
    assert 'class="search-box"' not in client.get(reverse("home")).content.decode()


def test_an_exact_name_ranks_above_a_mention_in_a_description(client, operation, officer):
    mention = ActorFactory(operation=operation, name="Provincial government", notes="Works with Beira port.")
    starts = ActorFactory(operation=operation, name="Beira port authority")
    exact = ActorFactory(operation=operation, name="Beira")
    client.force_login(officer)
    response = search_page(client, operation, "beira", kind="actors")
    assert titles(response) == [exact.name, starts.name, mention.name]
    snippet = response.context["found"][0].hits[2].snippet
    assert ("Beira", True) in snippet  # the mention is quoted, the word marked


def test_results_link_to_the_record_and_mark_the_words(client, operation, officer, buzi):
    client.force_login(officer)
    buzi["requests"].description = "Fuel for the generators in BÚZI town."
    buzi["requests"].save()
    page = search_page(client, operation, "buzi town").content.decode()
    assert f'href="{buzi["requests"].get_absolute_url()}"' in page
    assert "<mark>BÚZI</mark> <mark>town</mark>" in page


def test_every_word_must_be_found_somewhere_in_the_record(client, operation, officer):
    ActorFactory(operation=operation, name="Beira port authority", notes="Harbour master.")
    ActorFactory(operation=operation, name="Beira city council")
    client.force_login(officer)
    assert titles(search_page(client, operation, "beira harbour")) == ["Beira port authority"]


def test_counts_follow_what_is_found_and_pages_go_on(client, operation, officer):
    for n in range(25):
        ActorFactory(operation=operation, name=f"Nhamatanda relief group {n:02}")
    client.force_login(officer)
    overview = search_page(client, operation, "nhamatanda")
    group = overview.context["found"][0]
    assert (group.count, len(group.hits), group.more) == (25, 5, True)
    assert "25 matches" in overview.content.decode()
    first = search_page(client, operation, "nhamatanda", kind="actors")
    second = search_page(client, operation, "nhamatanda", kind="actors", page=2)
    assert len(titles(first)) == 20 and len(titles(second)) == 5
    assert not set(titles(first)) & set(titles(second))
    assert second.context["next_page"] is None and first.context["next_page"] == 2


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "b"}, "at least 2 characters"),
        ({"q": "x" * 201}, "at most"),
        ({"q": "bu\x00zi"}, "Null characters"),
        ({"q": "buzi", "kind": "nonsense"}, "Select a valid choice"),
        ({"q": "buzi", "page": "0"}, "greater than or equal to 1"),
        ({"q": "buzi", "page": "x"}, "whole number"),
    ],
)
def test_bad_input_gets_a_clear_error_not_a_500(client, operation, officer, params, message):
    client.force_login(officer)
    response = client.get(reverse("web:search", args=[operation.pk]), params)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert response.context["found"] == []


def test_a_search_without_words_shows_just_the_form(client, operation, officer):
    client.force_login(officer)
    response = client.get(reverse("web:search", args=[operation.pk]))
    assert response.status_code == 200 and response.context["query"] is None


# --- Scope: hidden records are never found, counted or quoted ------------------------------------


@pytest.fixture
def world(db):
    return build_world()


def test_field_staff_find_nothing_hidden_by_the_canary(world):
    field = world.client("field")
    page = search_page(field, world.operation, CANARY.split("-")[1])
    assert page.status_code == 200
    assert page.context["found"] == []
    assert CANARY not in page.content.decode()
    answer = api_search(field, world.operation, CANARY.split("-")[1])
    assert answer.status_code == 200
    assert all(group["count"] == 0 and group["hits"] == [] for group in answer.json()["results"])
    assert CANARY not in answer.content.decode()


def test_officers_find_the_same_canary_records(world):
    page = search_page(world.client("officer"), world.operation, CANARY.split("-")[1])
    kinds = {group.key: group.count for group in page.context["found"]}
    # the restricted actor; the restricted contact and the approved one's call-sign; the minutes of
    # two meetings and the restricted one; the officer's action points and requests; the drone
    assert kinds == {
        "actors": 1,
        "contacts": 2,
        "meetings": 3,
        "action-points": 2,
        "requests": 2,
        "assets": 1,
    }


def test_masked_fields_are_not_searched_for_field_staff(world):
    # The approved contact's call-sign and the meeting's minutes carry the canary: field staff read
    # the contact and the meeting, but neither the call-sign nor the minutes.
    for q in ["ECHO", "Said"]:
        field = search_page(world.client("field"), world.operation, q)
        officer = search_page(world.client("officer"), world.operation, q)
        assert field.context["found"] == [], q
        assert officer.context["found"], q


def test_a_restricted_contact_is_not_named_by_the_meeting_it_attended(world):
    contact = world.contact_restricted
    contact.full_name = "Col. Zacarias Nhantumbo"
    contact.save()
    assert Participant.objects.filter(meeting=world.meeting, contact=contact).exists()
    page = search_page(world.client("field"), world.operation, "Zacarias")
    assert page.context["found"] == []
    assert "Nhantumbo" not in page.content.decode()
    assert "Nhantumbo" not in api_search(world.client("field"), world.operation, "Zacarias").content.decode()
    officer = search_page(world.client("officer"), world.operation, "Zacarias")
    assert titles(officer) == ["Maj. Col. Zacarias Nhantumbo"]


def test_field_staff_find_their_own_requests_and_the_records_shared_with_them(world):
    field = world.client("field")
    found = {
        g.key: [h.title for h in g.hits] for g in search_page(field, world.operation, "buzi").context["found"]
    }
    assert found.get("requests") == ["Airlift to Buzi"]
    assert found.get("meetings") == ["Corridor talks"]  # shared with field, found by its summary


def test_field_staff_of_another_operation_and_outsiders_get_404(world):
    for principal in ["outsider", "field_other"]:
        client = world.client(principal)
        assert search_page(client, world.operation, "buzi").status_code == 404
        assert api_search(client, world.operation, "buzi").status_code == 404


def test_a_partner_finds_only_shareable_actors_and_assets(world):
    answer = api_search(world.client("partner"), world.operation, "helicopters")
    groups = {g["kind"]: g for g in answer.json()["results"]}
    assert groups["assets"]["count"] == 1
    assert groups["assets"]["hits"][0]["title"] == "Two helicopters, Beira"
    assert all(g["count"] == 0 for k, g in groups.items() if k != "assets")


# --- The API -------------------------------------------------------------------------------------


def test_the_api_answers_the_same_groups_as_the_page(client, operation, officer, buzi):
    client.force_login(officer)
    answer = api_search(client, operation, "BUZI", limit=1)
    assert answer.status_code == 200
    body = answer.json()
    assert body["query"] == "BUZI" and body["operation"] == operation.pk
    kinds = {g["kind"]: g for g in body["results"]}
    assert set(kinds) == set(buzi)
    hit = kinds["contacts"]["hits"][0]
    assert hit["title"] == "Capt. João Búzi" and hit["id"] == buzi["contacts"].pk
    assert hit["url"].startswith("http") and hit["url"].endswith(buzi["contacts"].get_absolute_url())
    only = api_search(client, operation, "buzi", kind="assets").json()["results"]
    assert [g["kind"] for g in only] == ["assets"]


@pytest.mark.parametrize(
    "params",
    [
        {},
        {"q": "buzi"},
        {"q": "b", "operation": 1},
        {"q": "buzi", "operation": "x"},
        {"q": "buzi", "operation": 1, "limit": 500},
    ],
)
def test_the_api_refuses_bad_parameters_with_field_messages(client, officer, params):
    client.force_login(officer)
    answer = client.get(reverse("api:search"), params)
    assert answer.status_code == 400
    assert isinstance(answer.json(), dict) and answer.json()


def test_anonymous_callers_get_401(client, operation):
    assert api_search(client, operation, "buzi").status_code == 401


# --- Cost ----------------------------------------------------------------------------------------


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_query_count_does_not_grow_with_the_records(client, operation, officer):
    force = MilitaryActorFactory(operation=operation, name="Task Force Sofala", **APPROVED)

    def add(n):
        for _ in range(n):
            ActorFactory(operation=operation, name=f"Sofala group {ActorFactory._meta.next_sequence()}")
            ContactFactory(actor=force, full_name=f"Sofala liaison {ContactFactory._meta.next_sequence()}")
            MeetingFactory(forum__operation=operation, title="Sofala coordination")
            ActionPointFactory(operation=operation, owner=officer, title="Sofala roads")
            CellRequestFactory(operation=operation, submitted_by=officer, title="Sofala access")
            AssetFactory(provider=force, name=f"Sofala boats {AssetFactory._meta.next_sequence()}")

    client.force_login(officer)
    page = reverse("web:search", args=[operation.pk]) + "?q=sofala"
    api = reverse("api:search") + f"?q=sofala&operation={operation.pk}"
    add(1)
    client.get(page)  # the session's first page does its one-time work (sign-in bookkeeping)
    few = _queries(client, page), _queries(client, api)
    add(12)
    many = _queries(client, page), _queries(client, api)
    assert many == few
    # the page's frame (session, roles, the header's counts), the search's transaction, two per kind
    assert few[0] <= 21 + 3 + 2 * len(site_search.sources())  # the frame includes the HNS queues
    assert few[1] <= 12 + 3 + 2 * len(site_search.sources())


def test_every_registered_source_searches_its_own_columns():
    for source in site_search.sources():
        columns = {f.name for f in source.model._meta.concrete_fields}
        assert {name for name, _weight in source.fields} <= columns, source.key
