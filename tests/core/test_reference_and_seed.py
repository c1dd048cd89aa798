"""Reference data (sectors, areas) and the demo seed."""

import datetime as dt

import pytest
import time_machine
from django.apps import apps
from django.core.management import CommandError, call_command
from django.utils import timezone

from actors.models import Actor, Category
from assets.models import AssetDeployment
from cmcoord.models import Area, Operation, Sector, User
from cmcoord.permissions import ADMINISTRATOR, memberships
from cmcoord.reference import load_areas, load_sectors
from cmcoord.roles import Role
from web.demo_data import MOZ_NAME, MWI_NAME

IASC_CLUSTERS = {"CCM", "ERY", "EDU", "SHL", "TEL", "FSC", "HEA", "LOG", "NUT", "PRO", "WSH"}
PASSWORD = "seed-demo-pass-1"


def signs_in(client, username, password) -> bool:
    """Through the sign-in page, as a person would (the lockout guard needs the request)."""
    response = client.post("/login/", {"username": username, "password": password})
    client.logout()
    return response.status_code == 302


@pytest.fixture
def seeded(db):
    call_command("seed_demo", password=PASSWORD, stdout=_Sink())


class _Sink:
    def write(self, text):
        pass

    def flush(self):
        pass


def model_counts() -> dict[str, int]:
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


def test_sectors_hold_the_iasc_clusters_and_their_areas_of_responsibility(db):
    load_sectors()
    clusters = set(Sector.objects.filter(kind=Sector.Kind.CLUSTER).values_list("code", flat=True))
    assert clusters == IASC_CLUSTERS
    aors = Sector.objects.filter(kind=Sector.Kind.AOR)
    assert {"PRO-GBV", "PRO-CPN", "PRO-MIN", "PRO-HLP"} <= set(aors.values_list("code", flat=True))
    assert {aor.parent.code for aor in aors} == {"PRO"}
    assert not Sector.objects.filter(kind=Sector.Kind.CLUSTER, parent__isnull=False).exists()
    assert Sector.objects.filter(kind=Sector.Kind.OTHER).count() >= 3


def test_areas_form_a_p_code_tree_per_country(db):
    load_areas("MOZ")
    load_areas("MWI")
    assert Area.objects.get(pcode="MZ07").name == "Sofala"
    assert Area.objects.get(pcode="MZ0701").parent.pcode == "MZ07"
    assert Area.objects.get(pcode="MW3").parent.pcode == "MW"
    for area in Area.objects.filter(level__gt=0).select_related("parent"):
        assert area.pcode.startswith(area.parent.pcode)
        assert area.parent.level == area.level - 1
        assert area.country == area.parent.country
    assert set(Area.objects.filter(level=0).values_list("pcode", flat=True)) == {"MZ", "MW"}


def test_loading_reference_data_twice_changes_nothing(db):
    call_command("load_reference_data", stdout=_Sink())
    before = model_counts()
    snapshot = list(Area.objects.values_list("pcode", "name", "parent_id"))
    assert load_sectors()["unchanged"] == Sector.objects.count()
    assert load_areas("MOZ") == {"unchanged": Area.objects.filter(country="MOZ").count()}
    assert model_counts() == before
    assert list(Area.objects.values_list("pcode", "name", "parent_id")) == snapshot


def test_seed_twice_gives_identical_counts_and_users_log_in(seeded, client):
    before = model_counts()
    call_command("seed_demo", password=PASSWORD, stdout=_Sink())
    assert model_counts() == before
    assert before["actors.Actor"] >= 30
    assert before["contacts.Contact"] >= 40
    for username in ["officer", "hct", "field", "field2", "outsider", "admin"]:
        assert signs_in(client, username, PASSWORD), username


def test_a_run_on_a_later_day_moves_the_dates_without_adding_records(seeded):
    def domain_counts():
        return {k: v for k, v in model_counts().items() if ".Historical" not in k}

    before = domain_counts()
    helicopters = AssetDeployment.objects.get(name__startswith="2 × medium-lift")
    with time_machine.travel(timezone.now() + dt.timedelta(days=3)):
        call_command("seed_demo", stdout=_Sink())
    assert domain_counts() == before
    helicopters_later = AssetDeployment.objects.get(pk=helicopters.pk)
    assert helicopters_later.phase_out_on == helicopters.phase_out_on + dt.timedelta(days=3)


def test_a_new_password_replaces_the_old_one(seeded, client):
    call_command("seed_demo", password="another-pass-2", stdout=_Sink())
    assert not signs_in(client, "officer", PASSWORD)
    assert signs_in(client, "officer", "another-pass-2")


def test_without_password_existing_users_keep_theirs(seeded, client):
    call_command("seed_demo", stdout=_Sink())
    assert signs_in(client, "field", PASSWORD)


def test_seed_without_password_on_an_empty_database_names_the_option(db):
    with pytest.raises(CommandError, match="--password"):
        call_command("seed_demo", stdout=_Sink())
    assert not User.objects.exists()
    assert not Operation.objects.exists()


def test_the_military_hierarchy_is_three_levels_deep(seeded):
    operation = Operation.objects.get(name=MOZ_NAME)
    military = Actor.objects.filter(operation=operation).military()
    depths = {actor.name: len(actor.ancestors()) for actor in military}
    assert max(depths.values()) == 2
    squadron = military.get(name="Helicopter Squadron Falcon")
    assert [a.echelon for a in [*squadron.ancestors(), squadron]] == ["operational", "formation", "unit"]
    assert set(Actor.objects.filter(operation=operation).values_list("category", flat=True)) == set(Category)


def test_asset_phase_out_dates_run_from_the_past_to_ninety_days_ahead(seeded):
    today = timezone.localdate()
    assets = AssetDeployment.objects.filter(operation__name=MOZ_NAME)
    offsets = sorted((asset.phase_out_on - today).days for asset in assets)
    assert offsets[0] < 0
    assert offsets[-1] == 90
    assert len(offsets) == 6
    overdue = assets.get(phase_out_on__lt=today)
    assert overdue.status == "deployed"
    assert all(asset.provider.can_provide_mcda for asset in assets)
    assert assets.filter(phase_out_on=today + dt.timedelta(days=1)).exists()


def test_each_demo_user_has_the_specified_role_in_each_operation(seeded):
    moz = Operation.objects.get(name=MOZ_NAME).pk
    mwi = Operation.objects.get(name=MWI_NAME).pk
    expected = {
        "officer": {moz: Role.OFFICER},
        "hct": {moz: Role.HCT},
        "field": {moz: Role.FIELD_STAFF},
        "field2": {mwi: Role.FIELD_STAFF},
        "outsider": {},
        "admin": {moz: ADMINISTRATOR, mwi: ADMINISTRATOR},
    }
    for username, roles in expected.items():
        assert memberships(User.objects.get(username=username)) == roles, username
    assert User.objects.get(username="admin").is_superuser
