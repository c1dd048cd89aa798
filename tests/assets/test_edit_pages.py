"""An officer records MCDA deployments, their phase-out, and what depends on them."""

import datetime as dt

from assets.models import AssetDeployment, Dependency
from tests.factories import (
    ActorFactory,
    AreaFactory,
    AssetFactory,
    DependencyFactory,
    MilitaryActorFactory,
    SectorFactory,
)
from tests.pages import form_errors, page

ASSET = {
    "name": "Two Mi-8 helicopters, Beira",
    "capability": "helicopter",
    "quantity": 2,
    "base": "Beira airport",
    "support_type": "indirect",
    "status": "deployed",
    "deployed_on": "2026-03-15",
    "phase_out_on": "2026-05-15",
    "phase_out_plan": "WFP UNHAS helicopters take over from 1 May.",
    "sensitivity": "internal",
}


def test_an_officer_records_an_asset_with_its_areas_and_sectors(browser, operation, officer):
    provider = MilitaryActorFactory(operation=operation, name="South African Air Force")
    sofala, log = AreaFactory(pcode="MZ07", name="Sofala"), SectorFactory()
    data = {
        **ASSET,
        "provider": provider.pk,
        "areas": [sofala.pk],
        "sectors": [log.pk],
        "focal_point": officer.pk,
    }
    response = browser.post(page("assets:create", operation), data, follow=True)
    asset = AssetDeployment.objects.get(name=ASSET["name"])
    assert (asset.operation, asset.provider, asset.focal_point) == (operation, provider, officer)
    assert list(asset.areas.all()) == [sofala] and list(asset.sectors.all()) == [log]
    assert response.redirect_chain[-1][0] == page("assets:detail", operation, pk=asset.pk)
    body = response.content.decode()
    assert "Sofala (MZ07)" in body and "2026-05-15" in body
    assert asset.history.get().history_user == officer


def test_an_officer_moves_a_phase_out_date_and_changes_the_areas(browser, operation):
    asset = AssetFactory(provider=MilitaryActorFactory(operation=operation))
    asset.areas.set([AreaFactory(pcode="MZ07")])
    manica = AreaFactory(pcode="MZ06", name="Manica")
    browser.post(
        page("assets:update", operation, pk=asset.pk),
        {**ASSET, "provider": asset.provider_id, "phase_out_on": "2026-06-30", "areas": [manica.pk]},
    )
    asset.refresh_from_db()
    assert asset.phase_out_on == dt.date(2026, 6, 30)
    assert list(asset.areas.all()) == [manica]


def test_a_civilian_provider_is_not_offered_and_choosing_one_is_explained(browser, operation):
    civilian = ActorFactory(operation=operation, name="World Food Programme")
    military = MilitaryActorFactory(operation=operation)
    offered = browser.get(page("assets:create", operation)).context["form"].fields["provider"].choices
    assert {choice.instance for choice, _ in offered if choice} == {military}

    response = browser.post(page("assets:create", operation), {**ASSET, "provider": civilian.pk})
    assert form_errors(response)["provider"] == [
        "An MCDA provider must be a military, paramilitary or civil-defence actor."
    ]
    assert not AssetDeployment.objects.exists()


def test_a_phase_out_before_the_deployment_is_explained_and_not_saved(browser, operation):
    provider = MilitaryActorFactory(operation=operation)
    data = {**ASSET, "provider": provider.pk, "deployed_on": "2026-03-15", "phase_out_on": "2026-03-01"}
    response = browser.post(page("assets:create", operation), data)
    assert form_errors(response)["phase_out_on"] == [
        "The phase-out date cannot be before the deployment date."
    ]
    assert response.context["form"]["base"].value() == "Beira airport"  # nothing typed is lost
    assert not AssetDeployment.objects.exists()


def test_records_of_another_operation_or_country_are_form_errors(
    browser, operation, other_operation, officer
):
    foreign_provider = MilitaryActorFactory(operation=other_operation)
    malawi = AreaFactory(pcode="MW", name="Malawi", country="MWI", level=0, parent=None)
    data = {**ASSET, "provider": foreign_provider.pk, "areas": [malawi.pk]}
    errors = form_errors(browser.post(page("assets:create", operation), data))
    assert "Select a valid choice" in errors["provider"][0]
    assert "Select a valid choice" in errors["areas"][0]
    assert not AssetDeployment.objects.exists()


def test_a_focal_point_must_be_a_member_of_the_operation(browser, operation, outsider):
    provider = MilitaryActorFactory(operation=operation)
    data = {**ASSET, "provider": provider.pk, "focal_point": outsider.pk}
    assert "focal_point" in form_errors(browser.post(page("assets:create", operation), data))


def test_an_officer_deletes_an_asset_and_its_dependencies(browser, operation):
    asset = AssetFactory(provider=MilitaryActorFactory(operation=operation))
    DependencyFactory(asset=asset)
    confirm = browser.get(page("assets:delete", operation, pk=asset.pk)).content.decode()
    assert "This also deletes: 1 dependency." in confirm  # one, not "1 dependencies"
    DependencyFactory(asset=asset)
    assert (
        "This also deletes: 2 dependencies."
        in browser.get(page("assets:delete", operation, pk=asset.pk)).content.decode()
    )
    browser.post(page("assets:delete", operation, pk=asset.pk))
    assert not AssetDeployment.objects.exists() and not Dependency.objects.exists()


DEPENDENCY = {
    "activity": "Food distribution in Búzi district",
    "criticality": "critical",
    "alternative_provider": "WFP trucks via the N6",
    "alternative_readiness": "identified",
    "sensitivity": "internal",
}


def test_an_officer_records_a_dependency_from_the_assets_page(browser, operation, officer):
    asset = AssetFactory(provider=MilitaryActorFactory(operation=operation))
    url = page("assets:dependency-create", operation)
    assert browser.get(url + f"?asset={asset.pk}").context["form"]["asset"].value() == asset.pk
    response = browser.post(url, {**DEPENDENCY, "asset": asset.pk}, follow=True)
    dependency = Dependency.objects.get()
    assert (dependency.operation, dependency.asset) == (operation, asset)
    assert response.redirect_chain[-1][0] == page("assets:detail", operation, pk=asset.pk)
    assert "Food distribution in Búzi district" in response.content.decode()
    assert dependency.history.get().history_user == officer


def test_an_officer_marks_the_alternative_ready(browser, operation):
    dependency = DependencyFactory(asset=AssetFactory(provider=MilitaryActorFactory(operation=operation)))
    browser.post(
        page("assets:dependency-update", operation, pk=dependency.pk),
        {**DEPENDENCY, "asset": dependency.asset_id, "alternative_readiness": "ready"},
    )
    dependency.refresh_from_db()
    assert dependency.alternative_readiness == "ready"


def test_an_alternative_without_its_provider_is_explained(browser, operation):
    asset = AssetFactory(provider=MilitaryActorFactory(operation=operation))
    data = {**DEPENDENCY, "asset": asset.pk, "alternative_provider": ""}
    errors = form_errors(browser.post(page("assets:dependency-create", operation), data))
    assert errors["alternative_provider"] == ["Name the civilian provider of the alternative."]
    assert not Dependency.objects.exists()


def test_an_asset_of_another_operation_is_a_form_error(browser, operation, other_operation):
    foreign = AssetFactory(provider=MilitaryActorFactory(operation=other_operation))
    errors = form_errors(
        browser.post(page("assets:dependency-create", operation), {**DEPENDENCY, "asset": foreign.pk})
    )
    assert "Select a valid choice" in errors["asset"][0]
    assert not Dependency.objects.exists()


def test_an_area_id_past_64_bits_is_a_form_error_on_the_page_and_in_the_admin(
    browser, client, operation, administrator
):
    provider = MilitaryActorFactory(operation=operation)
    data = {**ASSET, "provider": provider.pk, "areas": [str(2**64)], "operation": operation.pk}
    errors = form_errors(browser.post(page("assets:create", operation), data))
    assert "is not a valid value" in str(errors["areas"])
    client.force_login(administrator)
    response = client.post("/admin/assets/assetdeployment/add/", {**data, "sectors": [str(10**30)]})
    assert response.status_code == 200
    assert not AssetDeployment.objects.exists()
