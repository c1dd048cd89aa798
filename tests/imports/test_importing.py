"""Importing real files: a good one, a mixed one, an all-bad one, and an export imported back.

Each test reads a file, looks at the plan (what the preview shows), then imports through the
same service the page's confirmation uses.
"""

import datetime as dt

import pytest
from rest_framework.test import APIClient

from actors.models import Actor, ActorPresence
from assets.models import AssetDeployment
from contacts.models import Contact
from imports.services import import_confirm, import_plan, import_upload
from tests.factories import ActorFactory, AssetFactory, ContactFactory, MilitaryActorFactory
from tests.imports.conftest import read, workbook

pytestmark = pytest.mark.usefixtures("places")


def upload(operation, officer, kind, content, filename):
    return import_upload(operation=operation, kind=kind, filename=filename, content=content, by=officer)


def plan_of(operation, officer, kind, content, filename="file.csv"):
    batch = upload(operation, officer, kind, content, filename)
    return batch, import_plan(batch, by=officer)


def confirm(batch, officer, plan, skip=False):
    return import_confirm(batch=batch, by=officer, seen_digest=plan.digest, skip_invalid=skip)


def test_a_good_hxl_file_previews_then_creates_actors_where_they_operate(operation, officer):
    batch, plan = plan_of(operation, officer, "actors", read("actors_good.csv"))

    assert [c.label for c in plan.of("create")] == [
        "World Food Programme",
        "South African National Defence Force",
        "Instituto Nacional de Gestão de Desastres",
    ]
    assert plan.of("create")[0].rows == [3, 4]  # one actor, two rows: two places it works
    assert plan.issues == []
    assert not Actor.objects.exists()  # a preview writes nothing

    counts = confirm(batch, officer, plan)

    assert counts == {"create": 3, "update": 0, "unchanged": 0}
    wfp = Actor.objects.get(name="World Food Programme")
    assert (wfp.acronym, wfp.category, wfp.actor_type) == ("WFP", "international_civilian", "un_agency")
    presences = {(p.area and p.area.pcode, p.sector.code, p.end_date) for p in wfp.presences.all()}
    assert presences == {("MZ0702", "FSC", None), ("MZ07", "LOG", dt.date(2026, 9, 30))}
    sandf = Actor.objects.get(acronym="SANDF")
    assert (sandf.category, sandf.contributing_state) == ("foreign_military", "ZAF")
    assert sandf.history.first().history_user == officer  # kept in the history like any edit


def test_the_same_file_twice_updates_nothing_and_duplicates_nothing(operation, officer):
    batch, plan = plan_of(operation, officer, "actors", read("actors_good.csv"))
    confirm(batch, officer, plan)

    batch, plan = plan_of(operation, officer, "actors", read("actors_good.csv"))

    assert [c.action for c in plan.changes] == ["unchanged"] * 3
    confirm(batch, officer, plan)
    assert Actor.objects.count() == 3
    assert ActorPresence.objects.count() == 3


def test_rows_match_actors_by_name_or_acronym_and_update_them(operation, officer):
    wfp = ActorFactory(operation=operation, name="World Food Programme", acronym="WFP", notes="kept")
    ingd = ActorFactory(
        operation=operation, name="INGD", acronym="INGD", category="domestic_civilian", actor_type="other"
    )

    batch, plan = plan_of(operation, officer, "actors", read("actors_good.csv"))

    by_label = {c.label: c for c in plan.changes}
    assert by_label["World Food Programme"].action == "update"  # by name: new places it works
    assert by_label["Instituto Nacional de Gestão de Desastres"].action == "update"  # by acronym
    assert "Type" in by_label["Instituto Nacional de Gestão de Desastres"].changed
    confirm(batch, officer, plan)
    ingd.refresh_from_db()
    assert (ingd.name, ingd.actor_type) == ("Instituto Nacional de Gestão de Desastres", "government")
    wfp.refresh_from_db()
    assert wfp.notes == "kept"  # a column the file does not have keeps the record's value
    assert Actor.objects.filter(operation=operation).count() == 3


def test_a_mixed_file_lists_each_error_with_its_row_and_column(operation, officer):
    batch, plan = plan_of(operation, officer, "actors", read("actors_mixed.csv"))

    assert [c.label for c in plan.of("create")] == ["Médecins Sans Frontières"]  # labels read as values
    errors = {(i.row, i.column.split(" ")[0]): i.message for i in plan.issues}
    assert set(errors) == {(3, "F"), (4, "C"), (5, "H"), (6, "E")}
    assert "MZ9999" in errors[(3, "F")]  # unknown P-code
    assert "cannot be of type police" in errors[(4, "C")]  # the model's own rule (Actor.clean)
    assert "end date cannot be before" in errors[(5, "H")]  # the presence's own rule
    assert "XYZ" in errors[(6, "E")]  # unknown IASC sector
    assert plan.issues[0].column == "F (Admin 2 P-code)"


def test_invalid_rows_stop_the_import_unless_the_officer_skips_them(operation, officer):
    from imports.services import InvalidRowsNotSkipped

    batch, plan = plan_of(operation, officer, "actors", read("actors_mixed.csv"))

    with pytest.raises(InvalidRowsNotSkipped):
        confirm(batch, officer, plan, skip=False)
    assert not Actor.objects.exists()

    counts = confirm(batch, officer, plan, skip=True)
    assert counts["create"] == 1
    assert list(Actor.objects.values_list("acronym", flat=True)) == ["MSF"]


def test_an_all_bad_file_imports_nothing(operation, officer):
    batch, plan = plan_of(operation, officer, "actors", read("actors_bad.csv"))

    assert plan.changes == []
    assert plan.refused_rows == [2, 3, 4]
    messages = " ".join(i.message for i in plan.issues)
    assert "Give the actor's name." in messages
    assert "spaceship" in messages  # not one of the choices: the form says so
    assert "NOPE" in messages
    confirm(batch, officer, plan, skip=True)
    assert not Actor.objects.exists()


def test_a_file_without_the_needed_columns_is_refused_as_a_whole(operation, officer):
    _batch, plan = plan_of(operation, officer, "contacts", b"Colour,Size\nred,2\n")

    assert [(i.row, i.message[:28]) for i in plan.issues] == [(0, "The file has no column this ")]
    assert plan.ignored_columns == ["A (Colour)", "B (Size)"]


def test_contacts_from_an_xlsx_match_by_email_then_phone(operation, officer):
    jtf = MilitaryActorFactory(operation=operation, name="Joint Task Force South")
    wfp = ActorFactory(operation=operation, name="World Food Programme", acronym="WFP")
    by_email = ContactFactory(actor=jtf, full_name="A. Sitoe", email="ana.sitoe@example.mil", phone="")
    by_phone = ContactFactory(actor=wfp, full_name="J. Banda", email="", phone="+258823334444")
    rows = [
        ["Full name", "Position", "Phone", "E-mail", "Organisation", "Military group", "Last verified"],
        [
            "Ana Sitoe",
            "CIMIC officer",
            "",
            "ANA.SITOE@example.mil",
            "",
            "Joint Task Force South",
            dt.date(2026, 4, 2),
        ],
        ["João Banda", "Liaison officer", "+258 82 333 4444", "", "WFP", "", None],
        ["New Person", "focal_point", "", "new@example.org", "World Food Programme", "", "2026-04-03"],
        ["No Channel", "focal_point", "", "", "World Food Programme", "", ""],
        ["Lost Soul", "focal_point", "", "lost@example.org", "Nobody Org", "", ""],
    ]

    batch, plan = plan_of(operation, officer, "contacts", workbook(rows), "contacts.xlsx")

    assert [(c.label, c.action) for c in plan.changes] == [
        ("Ana Sitoe", "update"),
        ("João Banda", "update"),
        ("New Person", "create"),
    ]
    refused = {i.row: i.message for i in plan.issues}
    assert "at least one way to reach" in refused[5]  # Contact.clean
    assert "Nobody Org" in refused[6]
    confirm(batch, officer, plan, skip=True)
    by_email.refresh_from_db()
    by_phone.refresh_from_db()
    assert (by_email.full_name, by_email.last_verified_on) == ("Ana Sitoe", dt.date(2026, 4, 2))
    assert by_phone.full_name == "João Banda"
    assert Contact.objects.get(email="new@example.org").actor == wfp
    assert Contact.objects.count() == 3


def test_deployments_match_by_provider_and_capability(operation, officer):
    air = MilitaryActorFactory(operation=operation, name="SANDF Air Wing", acronym="SAAF")
    helis = AssetFactory(provider=air, name="Helicopters", capability="helicopter", quantity=2)
    rows = [
        [
            "Asset",
            "Capability",
            "Quantity",
            "Military group",
            "Admin 2 P-codes",
            "Sectors",
            "Support type",
            "Status",
        ],
        [
            "Two Oryx, Beira",
            "helicopter",
            3,
            "SANDF Air Wing",
            "MZ0701; MZ0702",
            "LOG",
            "direct",
            "requested",
        ],
        ["C-130 airlift", "Fixed-wing airlift", 1, "SAAF", "", "LOG, FSC", "indirect", "requested"],
    ]

    batch, plan = plan_of(operation, officer, "assets", workbook(rows), "assets.xlsx")

    assert [(c.label, c.action) for c in plan.changes] == [
        ("Two Oryx, Beira", "update"),
        ("C-130 airlift", "create"),
    ]
    confirm(batch, officer, plan)
    helis.refresh_from_db()
    assert (helis.name, helis.quantity) == ("Two Oryx, Beira", 3)
    assert sorted(a.pcode for a in helis.areas.all()) == ["MZ0701", "MZ0702"]
    c130 = AssetDeployment.objects.get(name="C-130 airlift")
    assert sorted(s.code for s in c130.sectors.all()) == ["FSC", "LOG"]


def test_an_asset_provider_must_be_military_the_models_rule(operation, officer):
    ActorFactory(operation=operation, name="World Food Programme")
    rows = [
        ["Asset", "Capability", "Organisation", "Support type"],
        ["Trucks", "ground_transport", "World Food Programme", "direct"],
    ]

    _batch, plan = plan_of(operation, officer, "assets", workbook(rows), "assets.xlsx")

    assert len(plan.issues) == 1
    assert "military, paramilitary or civil-defence" in plan.issues[0].message
    assert plan.issues[0].column == "C (Organisation)"


def _export(operation, officer, path, fmt):
    client = APIClient()
    client.force_authenticate(officer)
    response = client.get(f"/api/v1/{path}/", {"operation": operation.pk, "format": fmt})
    assert response.status_code == 200, response.getvalue()
    return response.getvalue()


@pytest.mark.parametrize("fmt", ["hxl", "xlsx"])
def test_each_export_imports_back_unchanged(operation, officer, fmt):
    from cmcoord.models import Area, Sector

    jtf = MilitaryActorFactory(operation=operation, name="Joint Task Force South", acronym="JTF-S")
    wfp = ActorFactory(operation=operation, name="World Food Programme", acronym="WFP")
    ActorPresence.objects.create(
        actor=wfp,
        area=Area.objects.get(pcode="MZ0702"),
        sector=Sector.objects.get(code="FSC"),
        activities="Food",
    )
    ActorPresence.objects.create(
        actor=jtf, area=Area.objects.get(pcode="MZ07"), start_date=dt.date(2026, 3, 1)
    )
    ContactFactory(
        actor=jtf, full_name="Ana Sitoe", phone="+258 84 111 2222", satellite_phone="+881 6 3141 5926"
    )
    ContactFactory(actor=wfp, full_name="=cmd|' /C calc'!A0", position="focal_point")  # stays text
    asset = AssetFactory(
        provider=jtf,
        name="Helicopters",
        status="deployed",
        deployed_on=dt.date(2026, 3, 1),
        phase_out_on=dt.date(2026, 12, 1),
    )
    asset.areas.set(Area.objects.filter(pcode__in=["MZ0701", "MZ0702"]))
    asset.sectors.set(Sector.objects.filter(code__in=["LOG", "HEA"]))
    counts = {"actors": Actor.objects.count(), "contacts": Contact.objects.count()}

    for kind in ("actors", "contacts", "assets"):
        content = _export(operation, officer, kind, fmt)
        batch, plan = plan_of(
            operation, officer, kind, content, f"cmcoord-{kind}.{'csv' if fmt == 'hxl' else 'xlsx'}"
        )
        assert plan.issues == [], (kind, plan.issues)
        assert {c.action for c in plan.changes} == {"unchanged"}, (
            kind,
            [(c.label, c.changed) for c in plan.changes],
        )

    assert Actor.objects.count() == counts["actors"]
    assert Contact.objects.count() == counts["contacts"]


def test_an_edited_export_updates_the_records_it_came_from(operation, officer):
    jtf = MilitaryActorFactory(operation=operation, name="Joint Task Force South", acronym="JTF-S")
    content = _export(operation, officer, "actors", "hxl").decode().replace("JTF-S", "JTFS")
    content = content.replace("Joint Task Force South", "Joint Task Force (South)")

    batch, plan = plan_of(operation, officer, "actors", content.encode())

    assert [(c.action, c.label) for c in plan.changes] == [("update", "Joint Task Force (South)")]  # by id
    confirm(batch, officer, plan)
    jtf.refresh_from_db()
    assert (jtf.name, jtf.acronym) == ("Joint Task Force (South)", "JTFS")
