"""The HNS rules a cell relies on: lead times in the operation's time zone, relays that follow each
version, acknowledgements recorded once, and who reads what."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from cmcoord.roles import Role
from cmcoord.services import role_grant
from hns import rules, services
from hns.forms import MovementForm, parse_waypoints
from hns.models import HnsSettings, Movement, MovementStatus, Relay, RelayKind, StaticSite, hours_between
from tests.factories import (
    ActorFactory,
    MilitaryActorFactory,
    MovementFactory,
    OperationFactory,
    StaticSiteFactory,
    UserFactory,
)

KYIV = ZoneInfo("Europe/Kyiv")  # summer time from 29 March 2026 03:00, back on 25 October 04:00


@pytest.fixture
def hns(db):
    op = OperationFactory(country="UKR", time_zone="Europe/Kyiv")
    people = {}
    for name, role in [
        ("officer", Role.OFFICER),
        ("hct", Role.HCT),
        ("field", Role.FIELD_STAFF),
        ("other", Role.FIELD_STAFF),
    ]:
        people[name] = UserFactory(username=f"hns-{name}")
        role_grant(user=people[name], operation=op, role=role)
    wfp = ActorFactory(operation=op, name="WFP")
    ngo = ActorFactory(operation=op, name="Relief NGO")
    services.staff_set(operation=op, user=people["field"], organisation=wfp, by=people["officer"])
    services.staff_set(operation=op, user=people["other"], organisation=ngo, by=people["officer"])
    party = MilitaryActorFactory(operation=op, name="Armed forces")
    return op, people, wfp, ngo, party


def local(*args):
    return dt.datetime(*args, tzinfo=KYIV)


def movement_for(op, org, starts_at, **kwargs):
    return Movement(
        operation=op,
        organisation=org,
        title="Convoy Kharkiv",
        mode="road_convoy",
        starts_at=starts_at,
        ends_at=starts_at + dt.timedelta(hours=8),
        origin="Dnipro",
        origin_latitude="48.46470",
        origin_longitude="35.04620",
        destination="Kharkiv",
        destination_latitude="49.99350",
        destination_longitude="36.23040",
        cargo_class="food",
        focal_point_name="Duty",
        focal_point_phone="+380 00",
        **kwargs,
    )


# --- Lead time -----------------------------------------------------------------------------------


def test_a_movement_notified_48_real_hours_ahead_is_in_time_and_one_hour_less_is_late(hns):
    op, people, wfp, *_ = hns
    starts = local(2026, 6, 10, 10, 0)
    in_time = services.notification_save(
        instance=movement_for(op, wfp, starts), by=people["field"], now=starts - dt.timedelta(hours=48)
    )
    assert not in_time.late
    with pytest.raises(ValidationError) as refused:
        services.notification_save(
            instance=movement_for(op, wfp, starts), by=people["field"], now=starts - dt.timedelta(hours=47)
        )
    assert "late_reason" in refused.value.error_dict
    late = services.notification_save(
        instance=movement_for(op, wfp, starts, late_reason="The road opened only today."),
        by=people["field"],
        now=starts - dt.timedelta(hours=47),
    )
    assert late.late and late.late_reason == "The road opened only today."


def test_over_the_spring_change_48_hours_on_the_clock_are_only_47_real_ones(hns):
    op, people, wfp, *_ = hns
    starts = local(2026, 3, 30, 10, 0)  # after clocks went forward on the 29th
    same_clock_two_days_before = local(2026, 3, 28, 10, 0)
    assert hours_between(same_clock_two_days_before, starts) == 47
    assert starts - same_clock_two_days_before == dt.timedelta(hours=48)  # Python's wall-clock trap
    with pytest.raises(ValidationError):
        services.notification_save(
            instance=movement_for(op, wfp, starts), by=people["field"], now=same_clock_two_days_before
        )
    ok = services.notification_save(
        instance=movement_for(op, wfp, starts), by=people["field"], now=local(2026, 3, 28, 9, 0)
    )
    assert not ok.late


def test_over_the_autumn_change_47_hours_on_the_clock_are_48_real_ones(hns):
    op, people, wfp, *_ = hns
    starts = local(2026, 10, 26, 10, 0)
    ok = services.notification_save(
        instance=movement_for(op, wfp, starts), by=people["field"], now=local(2026, 10, 24, 11, 0)
    )
    assert not ok.late


def test_an_emergency_has_the_operations_shorter_lead_time(hns):
    op, people, wfp, *_ = hns
    HnsSettings.objects.create(operation=op, lead_hours=72, emergency_lead_hours=12)
    starts = local(2026, 6, 10, 10, 0)
    ok = services.notification_save(
        instance=movement_for(op, wfp, starts, emergency=True),
        by=people["field"],
        now=starts - dt.timedelta(hours=13),
    )
    assert not ok.late
    with pytest.raises(ValidationError):  # 72 hours for a normal one
        services.notification_save(
            instance=movement_for(op, wfp, starts), by=people["field"], now=starts - dt.timedelta(hours=71)
        )


def test_a_local_time_that_does_not_exist_is_a_form_error_not_a_crash(hns):
    op, people, wfp, *_ = hns
    form = MovementForm(
        {
            "title": "Convoy",
            "mode": "road_convoy",
            "starts_at": "2026-03-29T03:30",  # clocks jump from 03:00 to 04:00 in Kyiv
            "ends_at": "2026-03-29T12:00",
            "origin": "A",
            "origin_latitude": "48.1",
            "origin_longitude": "35.1",
            "destination": "B",
            "destination_latitude": "49.1",
            "destination_longitude": "36.1",
            "cargo_class": "food",
            "people": "0",
            "focal_point_name": "x",
            "focal_point_phone": "1",
        },
        instance=Movement(operation=op),
        operation=op,
        user=people["field"],
    )
    assert not form.is_valid()
    assert "starts_at" in form.errors


def test_waypoints_are_typed_latitude_first_and_stored_longitude_first_with_clear_errors():
    assert parse_waypoints("-19.8342, 34.8389\n\n-19.9, 34.7") == [[34.8389, -19.8342], [34.7, -19.9]]
    with pytest.raises(ValidationError, match="Line 2: the latitude must be between -90 and 90"):
        parse_waypoints("-19.8, 34.8\n95, 34.8")
    with pytest.raises(ValidationError, match="Line 1: write the latitude"):
        parse_waypoints("Beira")


def test_coordinates_out_of_range_are_refused_by_the_model(hns):
    op, people, wfp, *_ = hns
    site = StaticSite(
        operation=op,
        organisation=wfp,
        name="Office",
        site_type="office",
        latitude="91",
        longitude="30",
        valid_from=dt.date(2026, 1, 1),
        focal_point_name="x",
        focal_point_phone="1",
    )
    with pytest.raises(ValidationError) as refused:
        services.notification_save(instance=site, by=people["field"])
    assert "latitude" in refused.value.error_dict


# --- Relays and acknowledgements -----------------------------------------------------------------


def test_a_change_after_a_relay_is_relayed_again_and_the_acknowledgement_refers_to_its_relay(hns):
    op, people, wfp, ngo, party = hns
    officer = people["officer"]
    movement = MovementFactory(organisation=wfp, operation=op)
    (first,) = services.relay(notification=movement, parties=[(party, None)], by=officer)
    assert first.kind == RelayKind.NOTIFICATION and first.version == movement.version
    assert not Movement.objects.filter(services.needing_relay_q(Movement), pk=movement.pk).exists()

    services.acknowledge(relay_record=first, by=officer, reference="AF-17")
    with pytest.raises(ValidationError, match="already recorded"):
        services.acknowledge(relay_record=first, by=officer, reference="again")

    movement.vehicles = "4 white trucks"
    services.notification_save(instance=movement, by=people["field"])
    assert Movement.objects.filter(services.needing_relay_q(Movement), pk=movement.pk).exists()
    with pytest.raises(ValidationError, match="changed"):  # the officer read the old version
        services.relay(notification=movement, parties=[(party, None)], by=officer, seen_version=first.version)
    (second,) = services.relay(notification=movement, parties=[(party, None)], by=officer)
    assert second.kind == RelayKind.CHANGE and second.version == first.version + 1

    services.notification_cancel(notification=movement, by=people["field"])
    movement.refresh_from_db()
    assert movement.status == MovementStatus.CANCELLED
    assert Movement.objects.filter(services.needing_relay_q(Movement), pk=movement.pk).exists()
    (third,) = services.relay(notification=movement, parties=[(party, None)], by=officer)
    assert third.kind == RelayKind.CANCELLATION
    with pytest.raises(ValidationError, match="already relayed"):
        services.relay(notification=movement, parties=[(party, None)], by=officer)


def test_overdue_acknowledgements_follow_the_operations_hours(hns):
    op, people, wfp, ngo, party = hns
    site = StaticSiteFactory(organisation=wfp, operation=op)
    (relay,) = services.relay(notification=site, parties=[(party, None)], by=people["officer"])
    relays = Relay.objects.filter(pk=relay.pk)
    assert not services.overdue_relays(relays, relay.relayed_at + dt.timedelta(hours=11)).exists()
    assert services.overdue_relays(relays, relay.relayed_at + dt.timedelta(hours=12)).exists()
    HnsSettings.objects.create(operation=op, acknowledgement_overdue_hours=2)
    assert services.overdue_relays(relays, relay.relayed_at + dt.timedelta(hours=2)).exists()


def test_only_the_cell_relays_and_records_acknowledgements(hns):
    op, people, wfp, ngo, party = hns
    site = StaticSiteFactory(organisation=wfp, operation=op)
    for who in ("field", "hct"):
        with pytest.raises(PermissionDenied):
            services.relay(notification=site, parties=[(party, None)], by=people[who])


# --- Who reads and writes what ---------------------------------------------------------------------


def test_each_organisation_reads_its_own_the_cell_all_and_the_hct_none(hns):
    op, people, wfp, ngo, party = hns
    own = StaticSiteFactory(organisation=wfp, operation=op)
    other = StaticSiteFactory(organisation=ngo, operation=op)
    assert set(StaticSite.objects.for_user(people["field"])) == {own}
    assert set(StaticSite.objects.for_user(people["other"])) == {other}
    assert set(StaticSite.objects.for_user(people["officer"])) == {own, other}
    assert not StaticSite.objects.for_user(people["hct"]).exists()
    areas, movements = rules.summary(op.pk)
    assert sum(sum(row["cells"]) for row in areas) == 2


def test_staff_notify_for_their_own_organisation_whatever_the_form_says(hns):
    op, people, wfp, ngo, party = hns
    site = StaticSiteFactory.build(organisation=ngo, operation=op)
    saved = services.notification_save(instance=site, by=people["field"])
    assert saved.organisation == wfp
    other = StaticSiteFactory(organisation=ngo, operation=op)
    other.name = "Taken over"
    with pytest.raises(PermissionDenied):
        services.notification_save(instance=other, by=people["field"])
    with pytest.raises(PermissionDenied):
        services.notification_save(
            instance=StaticSiteFactory.build(organisation=wfp, operation=op), by=people["hct"]
        )
