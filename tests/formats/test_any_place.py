"""Any positions on the earth and any text: the map files stay valid and the map keeps every marker
inside its drawing (hypothesis tries the poles, the antimeridian, points on one spot)."""

import json
import xml.etree.ElementTree as ET  # noqa: S405 -- our own output

import geojson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cmcoord.formats import geojson as geojson_writer
from cmcoord.formats import kml
from cmcoord.geo import Feature, LineString, Point, Position, geo_uri
from cmcoord.maps import svg_map

SVG = "{http://www.w3.org/2000/svg}"
positions = st.builds(
    Position,
    lon=st.floats(-180, 180, allow_nan=False),
    lat=st.floats(-90, 90, allow_nan=False),
)
text = st.text(max_size=40)
features = st.lists(
    st.builds(
        Feature,
        id=st.text(min_size=1, max_size=8),
        name=text,
        geometry=st.one_of(
            st.builds(Point, positions),
            st.builds(LineString, st.lists(positions, min_size=2, max_size=5).map(tuple)),
        ),
        properties=st.dictionaries(text, st.one_of(text, st.integers(), st.floats(), st.none()), max_size=3),
        description=text,
    ),
    min_size=1,
    max_size=6,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(features)
def test_any_features_make_valid_files_and_a_map_with_every_marker_inside(items):
    collection = geojson.loads(geojson_writer.render(items).decode())
    assert collection.is_valid and len(collection["features"]) == len(items)
    for feature in collection["features"]:
        for lon, lat in _flat(feature["geometry"]["coordinates"]):
            assert -180 <= lon <= 180 and -90 <= lat <= 90

    document = ET.fromstring(kml.render("x", items))  # noqa: S314 -- our own output
    assert len(document.findall(".//{http://www.opengis.net/kml/2.2}Placemark")) == len(items)

    svg = ET.fromstring(svg_map(items))  # noqa: S314 -- our own output
    _, _, width, height = map(float, svg.get("viewBox").split())
    circles = [
        c for g in svg.iter(f"{SVG}g") if g.get("class") == "geo-features" for c in g.iter(f"{SVG}circle")
    ]
    assert len(circles) == len(items)  # a site's marker, or a route's start
    for circle in circles:
        assert 0 <= float(circle.get("cx")) <= width and 0 <= float(circle.get("cy")) <= height


@given(positions, text)
def test_any_geo_uri_is_one_printable_ascii_line(position, label):
    uri = geo_uri(position, label)
    assert uri.startswith("geo:") and uri.isascii() and uri.isprintable() and " " not in uri
    assert json.dumps(uri)  # and so safe in an href


def _flat(coordinates):
    if coordinates and isinstance(coordinates[0], int | float):
        yield coordinates
        return
    for item in coordinates:
        yield from _flat(item)
