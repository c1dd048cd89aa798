"""Actors over the API: who reads which, who writes, filters, the tree, interlocutor decisions."""

import datetime as dt

import pytest
from django.utils import timezone

from actors.models import Actor
from contacts.models import InterlocutorDecision
from tests.api_world import ids
from tests.factories import ActorFactory

NEW = {"name": "UNHCR", "category": "international_civilian", "actor_type": "un_agency"}


@pytest.mark.parametrize(
    ("principal", "expected"),
    [
        ("officer", {"actor_internal", "actor_restricted", "actor_shareable"}),
        ("hct", {"actor_internal", "actor_restricted", "actor_shareable"}),
        ("field", {"actor_internal", "actor_shareable"}),
        ("partner", {"actor_shareable"}),
        ("field_other", {"actor_other_op"}),
        ("outsider", set()),
    ],
)
def test_each_principal_lists_exactly_the_actors_they_may_read(world, api, principal, expected):
    assert ids(api(principal).get("/api/v1/actors/")) == {getattr(world, name).pk for name in expected}


def test_anonymous_callers_cannot_list_actors(world, api):
    assert api("anonymous").get("/api/v1/actors/").status_code == 401


def test_field_staff_cannot_read_restricted_actor(world, api):
    assert api("field").get(f"/api/v1/actors/{world.actor_restricted.pk}/").status_code == 404


def test_a_member_of_another_operation_gets_404_not_403(world, api):
    assert api("field_other").get(f"/api/v1/actors/{world.actor_internal.pk}/").status_code == 404
    assert api("outsider").get(f"/api/v1/actors/{world.actor_internal.pk}/").status_code == 404


def test_an_actor_shows_its_parent_and_children_ids_but_hides_restricted_ones(world, api):
    child = ActorFactory(operation=world.operation, name="WFP Beira", parent=world.actor_internal)
    ActorFactory(
        operation=world.operation, name="Secret cell", parent=world.actor_internal, sensitivity="restricted"
    )
    under_restricted = ActorFactory(operation=world.operation, name="Team", parent=world.actor_restricted)
    officer_view = api("officer").get(f"/api/v1/actors/{world.actor_internal.pk}/").json()
    assert len(officer_view["children"]) == 2
    field_view = api("field").get(f"/api/v1/actors/{world.actor_internal.pk}/").json()
    assert field_view["children"] == [child.pk]
    assert api("field").get(f"/api/v1/actors/{under_restricted.pk}/").json()["parent"] is None


def test_an_officer_creates_an_actor(world, api):
    response = api("officer").post("/api/v1/actors/", {**NEW, "operation": world.operation.pk})
    assert response.status_code == 201, response.json()
    assert Actor.objects.get(pk=response.json()["id"]).history.first().history_user.username == "officer"


def test_field_staff_cannot_create_an_actor_and_nothing_is_written(world, api):
    before = Actor.objects.count()
    response = api("field").post("/api/v1/actors/", {**NEW, "operation": world.operation.pk})
    assert response.status_code == 403
    assert Actor.objects.count() == before


def test_a_hidden_operation_is_refused_as_not_existing(world, api):
    response = api("officer").post("/api/v1/actors/", {**NEW, "operation": world.other_operation.pk})
    assert response.status_code == 400
    assert "does not exist" in response.json()["operation"][0]


def test_a_parent_from_another_operation_is_refused_as_not_existing(world, api):
    body = {**NEW, "operation": world.operation.pk, "parent": world.actor_other_op.pk}
    response = api("officer").post("/api/v1/actors/", body)
    assert response.status_code == 400
    assert "does not exist" in response.json()["parent"][0]
    assert not Actor.objects.filter(name="UNHCR").exists()


def test_model_rules_come_back_as_field_messages(world, api):
    body = {**NEW, "operation": world.operation.pk, "actor_type": "armed_forces"}
    response = api("officer").post("/api/v1/actors/", body)
    assert response.status_code == 400
    assert "actor_type" in response.json()


def test_a_duplicate_name_is_a_400_not_a_500(world, api):
    body = {**NEW, "operation": world.operation.pk, "name": world.actor_internal.name}
    assert api("officer").post("/api/v1/actors/", body).status_code == 400


def test_field_staff_cannot_change_an_actor_they_can_read(world, api):
    response = api("field").patch(f"/api/v1/actors/{world.actor_internal.pk}/", {"name": "Renamed"})
    assert response.status_code == 403
    world.actor_internal.refresh_from_db()
    assert world.actor_internal.name == "WFP"


def test_an_officer_updates_and_deletes_an_actor(world, api):
    client = api("officer")
    response = client.patch(f"/api/v1/actors/{world.actor_internal.pk}/", {"acronym": "PAM"})
    assert response.status_code == 200
    assert response.json()["acronym"] == "PAM"
    assert client.delete(f"/api/v1/actors/{world.actor_internal.pk}/").status_code == 204
    assert not Actor.objects.filter(pk=world.actor_internal.pk).exists()


def test_an_actor_cannot_move_to_another_operation(world, api, field_other):
    from cmcoord.roles import Role
    from cmcoord.services import role_grant

    role_grant(user=field_other, operation=world.operation, role=Role.OFFICER)
    response = api("field_other").patch(
        f"/api/v1/actors/{world.actor_internal.pk}/", {"operation": world.other_operation.pk}
    )
    assert response.status_code in {400, 403}
    world.actor_internal.refresh_from_db()
    assert world.actor_internal.operation == world.operation


def test_deleting_an_actor_still_in_use_is_a_400_with_a_reason(world, api):
    response = api("officer").delete(f"/api/v1/actors/{world.actor_shareable.pk}/")
    assert response.status_code == 400
    assert "MCDA deployments" in response.json()["non_field_errors"][0]


def test_the_hct_decides_an_actor_is_an_interlocutor(world, api):
    url = f"/api/v1/actors/{world.actor_internal.pk}/decide-interlocutor/"
    response = api("hct").post(url, {"decision": "approved", "rationale": "Civilian-led, trusted."})
    assert response.status_code == 200
    assert response.json()["interlocutor_status"] == "approved"
    assert InterlocutorDecision.objects.filter(actor=world.actor_internal).exists()


@pytest.mark.parametrize("principal", ["officer", "field"])
def test_only_the_hct_decides_interlocutors(world, api, principal):
    url = f"/api/v1/actors/{world.actor_internal.pk}/decide-interlocutor/"
    response = api(principal).post(url, {"decision": "approved", "rationale": "Because."})
    assert response.status_code == 403
    assert not InterlocutorDecision.objects.exists()


def test_a_decision_without_rationale_is_refused(world, api):
    url = f"/api/v1/actors/{world.actor_internal.pk}/decide-interlocutor/"
    assert api("hct").post(url, {"decision": "approved", "rationale": ""}).status_code == 400


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("category=foreign_military", {"actor_restricted", "actor_shareable"}),
        ("military=false", {"actor_internal"}),
        ("actor_type=un_agency", {"actor_internal"}),
        ("area=MZ07", {"actor_shareable"}),
        ("area=MZ", {"actor_shareable"}),
        ("area=MZ08", set()),
        ("sector=log", {"actor_shareable"}),
        ("interlocutor_status=approved", {"actor_shareable"}),
        ("sensitivity=restricted", {"actor_restricted"}),
        ("search=task", {"actor_restricted", "actor_shareable"}),
    ],
)
def test_filters_narrow_the_list(world, api, query, expected):
    assert ids(api("officer").get(f"/api/v1/actors/?{query}")) == {getattr(world, n).pk for n in expected}


def test_filters_never_reveal_what_the_caller_cannot_read(world, api):
    assert ids(api("field").get("/api/v1/actors/?sensitivity=restricted")) == set()
    assert ids(api("field").get(f"/api/v1/actors/?operation={world.other_operation.pk}")) == set()


def test_updated_since_returns_only_what_changed(world, api):
    later = timezone.now() + dt.timedelta(seconds=1)
    Actor.objects.filter(pk=world.actor_internal.pk).update(updated_at=later + dt.timedelta(minutes=5))
    response = api("officer").get("/api/v1/actors/", {"updated_since": later.isoformat()})
    assert ids(response) == {world.actor_internal.pk}


def test_a_bad_filter_value_is_a_400(world, api):
    assert api("officer").get("/api/v1/actors/?updated_since=yesterday").status_code == 400
    assert api("officer").get("/api/v1/actors/?category=navy").status_code == 400
    assert api("officer").get("/api/v1/actors/?area=$$").status_code == 400
    assert api("officer").get("/api/v1/actors/?operation=99999999999999999999999").status_code == 400


def test_ordering_and_page_size_are_honoured_and_capped(world, api):
    for n in range(5):
        ActorFactory(operation=world.operation, name=f"Zeta {n}")
    response = api("officer").get("/api/v1/actors/?ordering=-name&page_size=2").json()
    assert [row["name"] for row in response["results"]] == ["Zeta 4", "Zeta 3"]
    assert response["count"] == 8 and response["next"]
    assert len(api("officer").get("/api/v1/actors/?page_size=100000").json()["results"]) == 8
