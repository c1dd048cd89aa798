"""A dependency names who is responsible for the activity; they hear of the asset's phase-out."""

import pytest

from assets.models import Dependency
from cmcoord.roles import Role
from cmcoord.services import role_grant
from tests.factories import AssetFactory, MilitaryActorFactory, UserFactory
from tests.pages import form_errors, page

pytestmark = pytest.mark.django_db
DEPENDENCY = {
    "activity": "Food distribution in Búzi district",
    "criticality": "critical",
    "alternative_provider": "WFP trucks via the N6",
    "alternative_readiness": "identified",
    "sensitivity": "internal",
}


@pytest.fixture
def nurse(operation):
    """Field staff running the activity; not the asset's focal point."""
    user = UserFactory(username="nurse", first_name="Ana", last_name="Macuácua")
    role_grant(user=user, operation=operation, role=Role.FIELD_STAFF)
    return user


def test_an_officer_names_who_is_responsible_and_the_asset_page_shows_it(browser, operation, nurse):
    asset = AssetFactory(provider=MilitaryActorFactory(operation=operation))
    response = browser.post(
        page("assets:dependency-create", operation),
        {**DEPENDENCY, "asset": asset.pk, "responsible": nurse.pk},
        follow=True,
    )
    assert Dependency.objects.get().responsible == nurse
    assert "Responsible: Ana Macuácua" in response.content.decode()


def test_the_responsible_person_must_be_a_member_of_the_operation(browser, operation, outsider):
    asset = AssetFactory(provider=MilitaryActorFactory(operation=operation))
    data = {**DEPENDENCY, "asset": asset.pk, "responsible": outsider.pk}
    assert "responsible" in form_errors(browser.post(page("assets:dependency-create", operation), data))
    assert not Dependency.objects.exists()


def test_the_api_names_and_checks_the_responsible_person(client, operation, officer, nurse, outsider):
    asset = AssetFactory(provider=MilitaryActorFactory(operation=operation))
    client.force_login(officer)
    body = {**DEPENDENCY, "operation": operation.pk, "asset": asset.pk, "responsible": outsider.pk}
    refused = client.post("/api/v1/dependencies/", body, content_type="application/json")
    assert refused.status_code == 400 and "responsible" in refused.json()
    created = client.post(
        "/api/v1/dependencies/", {**body, "responsible": nurse.pk}, content_type="application/json"
    )
    assert created.status_code == 201 and created.json()["responsible"] == nurse.pk
