"""GeoJSON (RFC 7946) read back by the `geojson` library, as a GIS client would read it."""

import json

import geojson
import pytest

from cmcoord.formats.geojson import MEDIA_TYPE, feature_collection, render
from cmcoord.geo import Feature, LineString, Point, Position

from .conftest import HOSTILE_KEPT


def _read(body: bytes):
    collection = geojson.loads(body.decode("utf-8"))  # strict UTF-8: a broken byte fails here
    assert collection.is_valid, collection.errors()
    return collection


def test_sites_and_routes_read_back_as_points_and_lines_longitude_first(site, route):
    collection = _read(render([site, route]))

    assert collection["type"] == "FeatureCollection"
    assert "crs" not in collection  # RFC 7946: WGS84 only, no crs member
    point, line = collection["features"]
    assert point["geometry"]["type"] == "Point"
    assert point["geometry"]["coordinates"] == [34.8389, -19.8436]  # lon, lat: Beira, not the Indian Ocean
    assert line["geometry"]["type"] == "LineString"
    assert line["geometry"]["coordinates"] == [
        [34.8389, -19.8436],
        [34.6, -19.7],
        [34.2, -19.29],
    ]  # travel order
    assert (point["id"], line["id"]) == ("site-1", "movement-7")


def test_properties_are_json_safe_and_named(site):
    (feature,) = _read(render([site]))["features"]

    assert feature["properties"] == {
        "name": "Beira logistics hub",
        "description": "Warehouse and offices.\nFlag on the roof.",
        "organisation": "WFP",
        "notified_on": "2026-11-30",
        "valid_until": "2026-12-31T23:00:00+00:00",
        "staff": 12,
        "radius_km": 0.5,
        "protected": True,
        "remarks": None,
    }


def test_ids_are_strings_and_the_name_wins_over_a_property_of_that_name():
    feature = Feature(id="42", name="Real name", geometry=Point(Position(1, 2)), properties={"name": "Other"})
    (read,) = _read(render([feature]))["features"]
    assert read["id"] == "42"
    assert read["properties"]["name"] == "Real name"


def test_coordinates_are_rounded_to_six_decimals():
    feature = Feature(id="a", name="a", geometry=Point(Position(34.123456789, -19.987654321)))
    (read,) = _read(render([feature]))["features"]
    assert read["geometry"]["coordinates"] == [34.123457, -19.987654]


def test_hostile_text_reads_back_as_text_without_control_characters(hostile):
    body = render([hostile])
    (read,) = _read(body)["features"]

    assert read["properties"]["name"] == HOSTILE_KEPT
    assert read["properties"]["description"] == HOSTILE_KEPT
    assert read["properties"][HOSTILE_KEPT] == HOSTILE_KEPT
    assert read["id"] == "site-<9>"
    assert "مستشفى" in body.decode("utf-8")  # Arabic as itself, not \u escapes
    assert not any(byte < 0x20 for byte in body.replace(b"\n", b""))  # no raw control byte


def test_numbers_json_cannot_carry_become_null():
    feature = Feature(id="a", name="a", geometry=Point(Position(0, 0)), properties={"nan": float("nan")})
    (read,) = _read(render([feature]))["features"]
    assert read["properties"]["nan"] is None


def test_a_route_across_the_antimeridian_is_cut_in_two(across_the_antimeridian):
    (read,) = _read(render([across_the_antimeridian]))["features"]

    assert read["geometry"]["type"] == "MultiLineString"
    east, west = read["geometry"]["coordinates"]
    assert east[0] == [178.44, -18.14] and east[-1][0] == 180
    assert west[0][0] == -180 and west[-1] == [-178.8, -18.2]
    assert east[-1][1] == west[0][1]  # the same crossing latitude on both sides
    assert -18.2 < east[-1][1] < -18.14
    assert all(lon >= 0 for lon, _ in east) and all(lon <= 0 for lon, _ in west)  # neither part crosses


def test_a_line_that_only_touches_the_antimeridian_stays_one_line():
    feature = Feature(id="a", name="a", geometry=LineString((Position(180, 1), Position(179, 2))))
    (read,) = _read(render([feature]))["features"]
    assert read["geometry"] == {"type": "LineString", "coordinates": [[180, 1], [179, 2]]}


def test_the_dict_and_the_bytes_say_the_same(site, route):
    assert json.loads(render([site, route])) == feature_collection([site, route])
    assert MEDIA_TYPE == "application/geo+json"


def test_no_features_is_an_empty_collection():
    assert _read(render([]))["features"] == []


@pytest.mark.parametrize("lon, lat", [(181, 0), (0, 91), (float("nan"), 0)])
def test_a_position_off_the_earth_is_refused(lon, lat):
    with pytest.raises(ValueError):
        Position(lon, lat)


def test_a_position_on_the_antimeridian_is_written_on_its_neighbours_side():
    feature = Feature(
        id="a", name="a", geometry=LineString((Position(-179, 1), Position(180, 2), Position(-179.5, 3)))
    )
    (read,) = _read(render([feature]))["features"]
    assert read["geometry"] == {"type": "LineString", "coordinates": [[-179, 1], [-180, 2], [-179.5, 3]]}
