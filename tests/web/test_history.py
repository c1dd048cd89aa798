"""The operation's history spans the apps: each app marks the models whose changes it shows."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_history_page_shows_the_changes_of_every_app_that_marks_its_models(
    client, officer, operation, field
):
    from cell.services import cell_request_submit
    from cmcoord.services import record_save
    from tests.factories import AssetFactory, DependencyFactory, MilitaryActorFactory

    asset = AssetFactory(provider=MilitaryActorFactory(operation=operation))
    dependency = DependencyFactory(asset=asset, activity="Water trucking to Buzi")
    dependency.notes = "Trucks hired"
    record_save(instance=dependency, by=officer)
    cell_request_submit(
        operation=operation,
        by=field,
        kind="access",
        title="Road to Nhamatanda cut",
        description="Bridge out.",
    )
    client.force_login(officer)
    page = client.get(reverse("web:history", args=[operation.pk])).content.decode()
    assert "Water trucking to Buzi" in page
    assert "Road to Nhamatanda cut" in page
