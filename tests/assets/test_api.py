"""MCDA deployments and dependencies over the API: partners read shareable ones; officers write."""

import datetime as dt

import pytest

from assets.models import AssetDeployment, Dependency
from tests.api_world import ids
from tests.factories import AssetFactory, DependencyFactory


@pytest.fixture
def internal_asset(world):
    return AssetFactory(
        provider=world.actor_restricted,
        name="Engineers, Dondo",
        capability="engineering",
        phase_out_on=dt.date(2027, 6, 1),
    )


@pytest.mark.parametrize(
    ("principal", "sees_internal"),
    [("officer", True), ("hct", True), ("field", True), ("partner", False)],
)
def test_partners_read_only_shareable_assets(world, api, internal_asset, principal, sees_internal):
    expected = {world.asset.pk} | ({internal_asset.pk} if sees_internal else set())
    assert ids(api(principal).get("/api/v1/assets/")) == expected


def test_outsiders_and_other_operations_see_no_asset(world, api):
    assert ids(api("outsider").get("/api/v1/assets/")) == set()
    assert api("field_other").get(f"/api/v1/assets/{world.asset.pk}/").status_code == 404


def test_an_asset_hides_a_provider_the_reader_cannot_see(world, api, internal_asset):
    assert api("field").get(f"/api/v1/assets/{internal_asset.pk}/").json()["provider"] is None
    assert (
        api("officer").get(f"/api/v1/assets/{internal_asset.pk}/").json()["provider"]
        == world.actor_restricted.pk
    )


def test_an_asset_names_its_places_by_p_code_and_sectors_by_cluster_code(world, api):
    data = api("partner").get(f"/api/v1/assets/{world.asset.pk}/").json()
    assert data["areas"] == ["MZ0701"] and data["sectors"] == ["LOG"]


def test_an_officer_creates_an_asset_with_areas_and_sectors(world, api):
    body = {
        "operation": world.operation.pk,
        "name": "Field hospital, Beira",
        "provider": world.actor_shareable.pk,
        "capability": "medical",
        "support_type": "direct",
        "status": "deployed",
        "deployed_on": "2026-04-01",
        "phase_out_on": "2026-12-31",
        "areas": ["MZ07", "MZ0701"],
        "sectors": ["LOG"],
    }
    response = api("officer").post("/api/v1/assets/", body)
    assert response.status_code == 201, response.json()
    assert sorted(response.json()["areas"]) == ["MZ07", "MZ0701"]


def test_a_deployed_asset_needs_a_phase_out_date(world, api):
    response = api("officer").patch(f"/api/v1/assets/{world.asset.pk}/", {"phase_out_on": None})
    assert response.status_code == 400
    assert "phase_out_on" in response.json()


def test_a_civilian_provider_is_refused(world, api):
    response = api("officer").patch(
        f"/api/v1/assets/{world.asset.pk}/", {"provider": world.actor_internal.pk}
    )
    assert response.status_code == 400
    assert "provider" in response.json()


def test_field_staff_and_partners_cannot_change_assets(world, api):
    for principal in ("field", "partner"):
        assert api(principal).patch(f"/api/v1/assets/{world.asset.pk}/", {"quantity": 9}).status_code == 403
    assert AssetDeployment.objects.get(pk=world.asset.pk).quantity == 2


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("phase_out_before=2027-01-01", {"asset"}),
        ("phase_out_after=2027-01-01", {"internal_asset"}),
        ("status=deployed&capability=helicopter", {"asset"}),
        ("area=MZ07", {"asset"}),
        ("sector=LOG", {"asset"}),
        ("provider=999999", set()),
    ],
)
def test_assets_filter_by_phase_out_date_status_and_place(world, api, internal_asset, query, found):
    objects = {"asset": world.asset, "internal_asset": internal_asset}
    assert ids(api("officer").get(f"/api/v1/assets/?{query}")) == {objects[n].pk for n in found}


def test_partners_read_shareable_dependencies_and_filter_those_without_ready_alternative(world, api):
    ready = DependencyFactory(
        asset=world.asset,
        activity="WASH trucking",
        alternative_readiness="ready",
        alternative_provider="Oxfam",
    )
    assert ids(api("partner").get("/api/v1/dependencies/")) == {world.dependency.pk}
    assert ids(api("officer").get("/api/v1/dependencies/?without_ready_alternative=true")) == {
        world.dependency.pk
    }
    assert ids(api("officer").get("/api/v1/dependencies/?without_ready_alternative=false")) == {ready.pk}


def test_an_officer_records_a_dependency_and_field_staff_cannot(world, api):
    body = {
        "operation": world.operation.pk,
        "asset": world.asset.pk,
        "activity": "Nutrition supplies to Nhamatanda",
        "criticality": "critical",
        "area": "MZ0701",
        "sector": "LOG",
    }
    assert api("field").post("/api/v1/dependencies/", body).status_code == 403
    assert not Dependency.objects.filter(activity=body["activity"]).exists()
    assert api("officer").post("/api/v1/dependencies/", body).status_code == 201
