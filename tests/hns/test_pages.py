"""The HNS through its pages: a field notification, the cell's relay and a party's acknowledgement,
the relay package each party gets (HXL CSV, GeoJSON, KML), and what each role reads."""

import csv
import datetime as dt
import io
import xml.etree.ElementTree as ET

import geojson
import hxl
import pytest
from django.urls import reverse
from django.utils import timezone

from cmcoord.roles import Role
from cmcoord.services import role_grant
from hns import services
from hns.models import HnsSettings, Movement, Relay, StaticSite
from tests.factories import (
    ActorFactory,
    AreaFactory,
    ContactFactory,
    MilitaryActorFactory,
    MovementFactory,
    OperationFactory,
    StaticSiteFactory,
    UserFactory,
)

KML = "{http://www.opengis.net/kml/2.2}"


@pytest.fixture
def cell(db, client):
    op = OperationFactory()
    people = {}
    for name, role in [
        ("officer", Role.OFFICER),
        ("hct", Role.HCT),
        ("field", Role.FIELD_STAFF),
        ("stranger", Role.FIELD_STAFF),
    ]:
        people[name] = UserFactory(username=f"p-{name}")
        role_grant(user=people[name], operation=op, role=role)
    wfp = ActorFactory(operation=op, name="WFP")
    ngo = ActorFactory(operation=op, name="Secret Relief NGO")
    services.staff_set(operation=op, user=people["field"], organisation=wfp, by=people["officer"])
    party = MilitaryActorFactory(operation=op, name="Armed forces")
    contact = ContactFactory(actor=party, full_name="Maj. Liaison")
    return op, people, wfp, ngo, party, contact


def as_user(client, user):
    client.force_login(user)
    return client


def movement_post(**overrides):
    start = timezone.localtime() + dt.timedelta(hours=30)
    data = {
        "title": "Food convoy to Buzi",
        "mode": "road_convoy",
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + dt.timedelta(hours=8)).strftime("%Y-%m-%dT%H:%M"),
        "origin": "Beira",
        "origin_latitude": "-19.8342",
        "origin_longitude": "34.8389",
        "destination": "Buzi",
        "destination_latitude": "-19.875",
        "destination_longitude": "34.6167",
        "waypoints": "-19.85, 34.77\n-19.90, 34.69",
        "vehicles": "6 white trucks, WFP logo",
        "cargo_class": "food",
        "people": "9",
        "focal_point_name": "Convoy leader",
        "focal_point_phone": "+258 84 555 0110",
        "submission_token": "t" * 24,
    }
    data.update(overrides)
    return data


def test_a_field_notification_late_is_kept_with_its_reason_then_relayed_and_acknowledged(cell, client):
    op, people, wfp, ngo, party, contact = cell
    field = as_user(client, people["field"])
    url = reverse("hns:movement-create", args=[op.pk])
    refused = field.post(url, movement_post())
    assert refused.status_code == 200
    assert "say why it is notified late" in refused.content.decode()
    assert not Movement.objects.exists()
    saved = field.post(url, movement_post(late_reason="The bridge reopened this morning."))
    movement = Movement.objects.get()
    assert saved.status_code == 302 and movement.late and movement.organisation == wfp
    assert movement.waypoints == [[34.77, -19.85], [34.69, -19.9]]
    page = field.get(movement.get_absolute_url()).content.decode()
    assert "Notified late." in page and "not an approval" in page
    assert "approved" not in page.lower().replace("notified, not approved", "")
    assert 'href="geo:-19.8342,34.8389' in page  # the phone's own map app opens it

    officer = as_user(client, people["officer"])
    relay_url = reverse("hns:movement-relay", args=[op.pk, movement.pk])
    answer = officer.post(
        relay_url, {"parties": [party.pk], "contact": contact.pk, "version": movement.version}
    )
    assert answer.status_code == 302
    relay = Relay.objects.get()
    assert (relay.party, relay.contact, relay.version, relay.relayed_by) == (
        party,
        contact,
        1,
        people["officer"],
    )
    ack_url = reverse("hns:relay-acknowledge", args=[op.pk, relay.pk])
    officer.post(ack_url, {f"ack-{relay.pk}-reference": "AF-0412"})
    relay.refresh_from_db()
    assert relay.acknowledged_at and relay.acknowledgement_reference == "AF-0412"
    again = officer.post(ack_url, {f"ack-{relay.pk}-reference": "other"}, follow=True)
    assert "already recorded" in again.content.decode()

    # Field staff read that the parties had it, not who they are nor their references.
    field = as_user(client, people["field"])
    page = field.get(movement.get_absolute_url()).content.decode()
    assert "relayed it to 1 party; 1 acknowledged" in page
    assert "AF-0412" not in page and "Maj. Liaison" not in page


def test_coordinates_out_of_range_are_explained_next_to_the_field_and_nothing_typed_is_lost(cell, client):
    op, people, *_ = cell
    field = as_user(client, people["field"])
    answer = field.post(
        reverse("hns:movement-create", args=[op.pk]),
        movement_post(origin_latitude="-119.8", waypoints="-19.85, 234.77", late_reason="x"),
    )
    page = answer.content.decode()
    assert answer.status_code == 200
    assert "less than or equal to 90" in page or "greater than or equal to -90" in page
    assert "Line 1: the longitude must be between -180 and 180." in page
    assert "6 white trucks, WFP logo" in page


def test_other_field_staff_the_hct_and_partners_read_nothing_of_a_notification(cell, client):
    op, people, wfp, ngo, party, contact = cell
    secret = StaticSiteFactory(
        organisation=ngo, operation=op, name="Hidden clinic", area=AreaFactory(pcode="MZ07")
    )
    for who in ("field", "stranger", "hct"):
        reader = as_user(client, people[who])
        assert reader.get(secret.get_absolute_url()).status_code == 404
        assert "Hidden clinic" not in reader.get(reverse("hns:site-list", args=[op.pk])).content.decode()
        assert "Hidden clinic" not in reader.get(reverse("hns:overview", args=[op.pk])).content.decode()
        assert reader.get(reverse("api:hns-site-list")).json()["results"] == []
    hct = as_user(client, people["hct"]).get(reverse("hns:overview", args=[op.pk])).content.decode()
    assert "Notified sites per area" in hct and "MZ07" in hct and "Secret Relief NGO" not in hct


def test_the_relay_package_reads_back_as_geojson_kml_and_hxl(cell, client):
    op, people, wfp, ngo, party, contact = cell
    officer = people["officer"]
    site = StaticSiteFactory(organisation=wfp, operation=op, name="Warehouse Beira")
    movement = MovementFactory(organisation=wfp, operation=op, title="Convoy Buzi")
    StaticSiteFactory(organisation=ngo, operation=op, name="Not relayed to them")
    services.relay(notification=site, parties=[(party, None)], by=officer)
    services.relay(notification=movement, parties=[(party, contact)], by=officer)
    reader = as_user(client, officer)
    url = reverse("hns:package", args=[op.pk, party.pk])

    collection = geojson.loads(reader.get(url + "?format=geojson").getvalue())
    assert collection.is_valid
    kinds = {f["properties"]["kind"]: f for f in collection["features"]}
    assert kinds["site"]["geometry"]["type"] == "Point"
    assert kinds["site"]["geometry"]["coordinates"] == [34.8389, -19.8342]
    line = kinds["movement"]["geometry"]
    assert line["type"] == "LineString" and line["coordinates"][0] == [34.8389, -19.8342]
    assert line["coordinates"][1] == [34.75, -19.9] and line["coordinates"][-1] == [34.6167, -19.875]

    root = ET.fromstring(reader.get(url + "?format=kml").getvalue())  # noqa: S314 (our own output)
    assert root.tag == f"{KML}kml"
    placemarks = root.findall(f".//{KML}Placemark")
    names = {p.findtext(f"{KML}name") for p in placemarks}
    assert names == {"Warehouse Beira", "Convoy Buzi"}
    point = root.find(f".//{KML}Placemark/{KML}Point/{KML}coordinates")
    assert point is not None and point.text.strip().startswith("34.8389,-19.8342")
    assert root.find(f".//{KML}LineString/{KML}coordinates") is not None

    body = reader.get(url + "?format=csv").getvalue().decode()
    rows = list(csv.reader(io.StringIO(body)))
    assert rows[1][0] == "#meta+id" and len(rows) == 4
    dataset = hxl.data(io.BytesIO(body.encode()))
    assert {row.get("#loc+name") for row in dataset} == {"Warehouse Beira", "Convoy Buzi"}
    assert "Not relayed to them" not in body

    for who in ("field", "hct"):
        assert as_user(client, people[who]).get(url + "?format=kml").status_code == 403


def test_a_site_page_costs_the_same_with_many_relays(cell, client, django_assert_max_num_queries):
    op, people, wfp, ngo, party, contact = cell
    site = StaticSiteFactory(organisation=wfp, operation=op)
    for n in range(6):
        other = MilitaryActorFactory(operation=op, name=f"Party {n}")
        services.relay(notification=site, parties=[(other, None)], by=people["officer"])
    reader = as_user(client, people["officer"])
    with django_assert_max_num_queries(40):
        assert reader.get(site.get_absolute_url()).status_code == 200
    assert StaticSite.objects.count() == 1


def test_officers_set_the_operations_lead_times_and_an_emergency_one_cannot_be_longer(cell, client):
    op, people, *_ = cell
    url = reverse("hns:settings", args=[op.pk])
    officer = as_user(client, people["officer"])
    refused = officer.post(
        url, {"lead_hours": "48", "emergency_lead_hours": "72", "acknowledgement_overdue_hours": "6"}
    )
    assert refused.status_code == 400
    assert "cannot be longer than the normal one" in refused.content.decode()
    assert (
        officer.post(
            url, {"lead_hours": "72", "emergency_lead_hours": "24", "acknowledgement_overdue_hours": "6"}
        ).status_code
        == 302
    )
    settings = HnsSettings.of(op.pk)
    assert (settings.lead_hours, settings.acknowledgement_overdue_hours) == (72, 6)
    assert as_user(client, people["field"]).get(url).status_code == 403


def test_the_api_maps_only_what_the_reader_may_read(cell, client):
    op, people, wfp, ngo, party, contact = cell
    MovementFactory(organisation=wfp, operation=op, title="WFP convoy")
    MovementFactory(organisation=ngo, operation=op, title="NGO convoy")
    answer = as_user(client, people["field"]).get(reverse("api:hns-movement-list") + "?format=geojson")
    collection = geojson.loads(answer.getvalue())
    assert collection.is_valid
    assert [f["properties"]["name"] for f in collection["features"]] == ["WFP convoy"]
    assert collection["features"][0]["geometry"]["type"] == "LineString"
    answer = as_user(client, people["hct"]).get(reverse("api:hns-movement-list") + "?format=kml")
    assert b"convoy" not in answer.getvalue()
