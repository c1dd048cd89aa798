"""The people responsible for the activities that depend on an asset hear of its phase-out."""

import pytest

from cmcoord.models import Notification, NotificationKind
from cmcoord.roles import Role
from cmcoord.services import role_grant, role_revoke
from tests.factories import AssetFactory, DependencyFactory, MilitaryActorFactory, UserFactory

from .conftest import PHASE_OUT, days_before

pytestmark = pytest.mark.django_db


@pytest.fixture
def nurse(operation):
    """Field staff running the activity; not the asset's focal point."""
    user = UserFactory(username="nurse", first_name="Ana", last_name="Macuácua")
    role_grant(user=user, operation=operation, role=Role.FIELD_STAFF)
    return user


def test_the_responsible_person_receives_the_phase_out_reminder(
    operation, officer, nurse, mailoutbox, run_dispatch
):
    provider = MilitaryActorFactory(operation=operation, name="SANDF")
    asset = AssetFactory(
        operation=operation, provider=provider, name="Oryx helicopters", phase_out_on=PHASE_OUT
    )
    DependencyFactory(
        asset=asset, operation=operation, activity="Food distribution in Búzi", responsible=nurse
    )
    with days_before(7):
        run_dispatch()
    [notice] = Notification.objects.filter(recipient=nurse)
    assert notice.kind == NotificationKind.PHASE_OUT and "Oryx helicopters" in notice.title
    assert "Food distribution in Búzi" in notice.body
    assert [nurse.email] in [mail.to for mail in mailoutbox]


def test_someone_who_left_the_operation_is_no_longer_reminded(operation, officer, nurse, run_dispatch):
    asset = AssetFactory(provider=MilitaryActorFactory(operation=operation), phase_out_on=PHASE_OUT)
    DependencyFactory(asset=asset, operation=operation, responsible=nurse)
    role_revoke(user=nurse, operation=operation)
    with days_before(7):
        run_dispatch()
    assert not Notification.objects.filter(recipient=nurse).exists()
