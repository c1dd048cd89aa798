"""Every HXL export loads in libhxl with the right hashtags, holds every readable row (not one
page), and keeps hidden things out."""

import io

import hxl
import pytest

from tests.factories import ActorFactory


def _hxl(response):
    assert response.status_code == 200, response.getvalue()
    assert response["Content-Type"].startswith("text/csv")
    dataset = hxl.data(io.BytesIO(response.getvalue()))
    tags = [column.display_tag for column in dataset.columns]
    return tags, [row.values for row in dataset]


@pytest.mark.parametrize(
    ("path", "expected_tags"),
    [
        (
            "actors",
            [
                "#meta+id",
                "#org+name",
                "#org+code",
                "#org+type",
                "#group+name",
                "#group+type",
                "#sector+cluster+code",
                "#adm1+code",
                "#adm2+code",
                "#country+code",
                "#date+start",
            ],
        ),
        ("contacts", ["#meta+id", "#contact+name", "#contact+phone", "#contact+email", "#group+name"]),
        (
            "assets",
            [
                "#meta+id",
                "#item+name",
                "#capacity",
                "#group+name",
                "#adm1+code",
                "#adm2+code",
                "#sector+cluster+code",
                "#date+start",
                "#date+end",
                "#status",
            ],
        ),
        (
            "dependencies",
            [
                "#meta+id",
                "#activity+name",
                "#adm1+code",
                "#adm2+code",
                "#sector+cluster+code",
                "#status+alternative",
                "#date+end",
            ],
        ),
        ("meetings", ["#meta+id", "#event+name", "#date+start", "#date+end", "#status"]),
        ("action-points", ["#meta+id", "#activity+name", "#date+due", "#status"]),
        ("cell-requests", ["#meta+id", "#adm1+code", "#adm2+code", "#status", "#status+endorsement"]),
    ],
)
def test_each_hxl_export_loads_in_libhxl_with_its_tags(world, api, path, expected_tags):
    tags, rows = _hxl(api("officer").get(f"/api/v1/{path}/?format=hxl"))
    assert set(expected_tags) <= set(tags)
    assert rows


def test_military_actors_use_group_tags_and_civilians_org_tags(world, api):
    tags, rows = _hxl(api("partner").get("/api/v1/actors/?format=hxl"))
    row = dict(zip(tags, rows[0], strict=True))
    assert row["#group+name"] == "Joint Task Force South" and row["#org+name"] == ""
    assert (row["#adm1+code"], row["#adm2+code"], row["#sector+cluster+code"]) == ("MZ07", "MZ0701", "LOG")
    civil_tags, civil_rows = _hxl(api("officer").get("/api/v1/actors/?format=hxl&military=false"))
    civil = dict(zip(civil_tags, civil_rows[0], strict=True))
    assert civil["#org+name"] == "WFP" and civil["#group+name"] == ""


def test_an_hxl_export_holds_every_readable_row_not_one_page(world, api):
    for n in range(5):
        ActorFactory(operation=world.operation, name=f"NGO {n}")
    _, rows = _hxl(api("officer").get("/api/v1/actors/?format=hxl&page_size=2"))
    assert len(rows) == 8


def test_an_hxl_export_keeps_what_the_reader_may_not_read_out(world, api):
    tags, rows = _hxl(api("partner").get("/api/v1/actors/?format=hxl"))
    assert {row[tags.index("#meta+id")] for row in rows} == {str(world.actor_shareable.pk)}
    tags, rows = _hxl(api("field").get("/api/v1/contacts/?format=hxl"))
    assert "#contact+radio" not in tags and "#contact+phone+satellite" not in tags
    assert [row[tags.index("#contact+name")] for row in rows] == ["Maj. Ana Silva"]


def test_officers_get_the_radio_call_sign_column(world, api):
    tags, rows = _hxl(api("officer").get("/api/v1/contacts/?format=hxl"))
    assert "#contact+radio" in tags
    assert {row[tags.index("#contact+radio")] for row in rows} == {"ECHO-9"}


def test_hxl_honours_filters(world, api):
    _, rows = _hxl(api("officer").get("/api/v1/actors/?format=hxl&sensitivity=restricted"))
    assert len(rows) == 1


def test_a_formula_in_a_cell_is_neutralised(world, api):
    ActorFactory(operation=world.operation, name='=HYPERLINK("http://evil")')
    response = api("officer").get("/api/v1/actors/?format=hxl")
    assert b"'=HYPERLINK" in response.getvalue()


def test_an_hxl_request_without_credentials_is_a_json_401(world, api):
    response = api("anonymous").get("/api/v1/actors/?format=hxl")
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")


def test_formats_are_offered_only_where_they_make_sense(world, api):
    assert api("officer").get("/api/v1/operations/?format=hxl").status_code == 404
    assert api("officer").get(f"/api/v1/actors/{world.actor_internal.pk}/?format=hxl").status_code == 404


def test_an_export_is_streamed_in_chunks_with_one_header_and_no_row_lost(world, api, monkeypatch):
    monkeypatch.setattr("cmcoord.api.viewsets.EXPORT_CHUNK", 2)
    for n in range(5):
        ActorFactory(operation=world.operation, name=f"NGO {n}")
    response = api("officer").get("/api/v1/actors/?format=hxl")
    assert response.streaming
    body = response.getvalue()
    assert body.count(b"#meta+id") == 1
    rows = [row.values for row in hxl.data(io.BytesIO(body))]
    assert len(rows) == 8 and len({row[0] for row in rows}) == 8


def test_a_calendar_streamed_in_chunks_is_one_valid_calendar(world, api, monkeypatch):
    import icalendar

    monkeypatch.setattr("cmcoord.api.viewsets.EXPORT_CHUNK", 1)
    response = api("officer").get("/api/v1/meetings/?format=ics")
    body = response.getvalue()
    assert body.count(b"BEGIN:VCALENDAR") == 1 and body.count(b"END:VCALENDAR") == 1
    assert len(icalendar.Calendar.from_ical(body).walk("VEVENT")) == 2
