"""Operations, areas, sectors, mandates, links, forums and notifications over the API."""

from actors.models import ActorLink
from cmcoord.models import Notification, StrategyStatus
from tests.api_world import ids
from tests.factories import MandateFactory


def test_operations_list_only_the_callers_with_their_role(world, api):
    rows = api("field").get("/api/v1/operations/").json()["results"]
    assert [(r["id"], r["role"]) for r in rows] == [(world.operation.pk, "field_staff")]
    assert ids(api("admin").get("/api/v1/operations/")) == {world.operation.pk, world.other_operation.pk}
    assert ids(api("outsider").get("/api/v1/operations/")) == set()


def test_partners_see_the_strategy_only_once_approved(world, api, hct):
    op = world.operation
    op.strategy, op.strategy_rationale = "coordination", "Armed forces lead logistics."
    op.save()
    assert api("partner").get(f"/api/v1/operations/{op.pk}/").json()["strategy"] == ""
    assert api("field").get(f"/api/v1/operations/{op.pk}/").json()["strategy"] == "coordination"
    op.strategy_status, op.strategy_approved_by = StrategyStatus.APPROVED, hct
    op.save()
    assert api("partner").get(f"/api/v1/operations/{op.pk}/").json()["strategy"] == "coordination"


def test_areas_are_those_of_the_callers_countries_and_filter_by_parent(world, api):
    assert ids(api("field").get("/api/v1/areas/?within=MZ07")) == {world.area.pk, world.district.pk}
    assert ids(api("field").get("/api/v1/areas/?parent=MZ07")) == {world.district.pk}
    assert ids(api("field_other").get("/api/v1/areas/")) == set()


def test_sectors_are_reference_data_for_every_member_but_not_outsiders(world, api):
    assert ids(api("field_other").get("/api/v1/sectors/")) == {world.sector.pk}
    assert ids(api("outsider").get("/api/v1/sectors/")) == set()


def test_mandates_follow_the_readers_reach_and_officers_write_them(world, api):
    secret = MandateFactory(actor=world.actor_shareable, title="Annex", sensitivity="restricted")
    assert ids(api("field").get("/api/v1/mandates/")) == {world.mandate.pk}
    assert ids(api("officer").get("/api/v1/mandates/")) == {world.mandate.pk, secret.pk}
    body = {
        "actor": world.actor_shareable.pk,
        "title": "UNSC resolution",
        "authority": "unsc_resolution",
        "scope": "Protect civilians.",
        "in_force_from": "2026-01-01",
    }
    assert api("field").post("/api/v1/mandates/", body).status_code == 403
    assert api("officer").post("/api/v1/mandates/", body).status_code == 201
    response = api("officer").post("/api/v1/mandates/", {**body, "actor": world.actor_other_op.pk})
    assert response.status_code == 400


def test_mandates_in_force_on_a_date(world, api):
    MandateFactory(
        actor=world.actor_shareable, title="Old", in_force_from="2020-01-01", in_force_until="2020-12-31"
    )
    assert ids(api("officer").get("/api/v1/mandates/?in_force_on=2026-06-01")) == {world.mandate.pk}


def test_links_between_actors_are_written_by_officers(world, api):
    body = {
        "operation": world.operation.pk,
        "source": world.actor_internal.pk,
        "target": world.actor_shareable.pk,
        "kind": "liaison",
        "mechanism": "Daily call at 07:00",
    }
    response = api("officer").post("/api/v1/actor-links/", body)
    assert response.status_code == 201, response.json()
    assert ids(api("field").get(f"/api/v1/actor-links/?actor={world.actor_shareable.pk}")) == {
        response.json()["id"]
    }
    assert api("field").post("/api/v1/actor-links/", body).status_code == 403
    assert ActorLink.objects.count() == 1


def test_forums_show_their_members(world, api):
    from meetings.models import ForumMember

    ForumMember.objects.create(forum=world.forum, actor=world.actor_shareable)
    ForumMember.objects.create(forum=world.forum, actor=world.actor_restricted)
    field_view = api("field").get(f"/api/v1/forums/{world.forum.pk}/").json()
    assert [m["actor"] for m in field_view["members"]] == [world.actor_shareable.pk]
    assert len(api("officer").get(f"/api/v1/forums/{world.forum.pk}/").json()["members"]) == 2


def test_notifications_are_the_callers_own(world, api):
    assert ids(api("field").get("/api/v1/notifications/")) == {world.notification_of_field.pk}
    assert ids(api("officer").get("/api/v1/notifications/")) == set()
    assert ids(api("partner").get("/api/v1/notifications/")) == set()
    assert api("officer").get(f"/api/v1/notifications/{world.notification_of_field.pk}/").status_code == 404
    Notification.objects.filter(pk=world.notification_of_field.pk).update(read_at="2026-11-25T10:00:00Z")
    assert ids(api("field").get("/api/v1/notifications/?unread=true")) == set()


def test_field_staff_read_the_security_context_and_officers_write_it(world, api):
    from cmcoord.models import SecurityAssessment

    body = {
        "operation": world.operation.pk,
        "area": "MZ0701",
        "level": 3,
        "association_risks": "Convoys with military escort were attacked in October.",
        "assessed_on": "2026-11-20",
    }
    assert api("field").post("/api/v1/security-assessments/", body).status_code == 403
    response = api("officer").post("/api/v1/security-assessments/", body)
    assert response.status_code == 201, response.json()
    secret = SecurityAssessment.objects.create(
        operation=world.operation,
        area=world.area,
        level=5,
        association_risks="x",
        assessed_on="2026-11-21",
        sensitivity="restricted",
    )
    internal, restricted = world.security_assessment, world.security_assessment_restricted
    assert ids(api("field").get("/api/v1/security-assessments/?area=MZ07")) == {
        response.json()["id"],
        internal.pk,
    }
    assert ids(api("officer").get("/api/v1/security-assessments/?min_level=4")) == {secret.pk, restricted.pk}
    assert ids(api("partner").get("/api/v1/security-assessments/")) == set()
    assert ids(api("field_other").get("/api/v1/security-assessments/")) == set()
