"""KML 2.2 validated against the OGC schema (vendored in tests/formats/kml22/) and read back."""

from html.parser import HTMLParser
from pathlib import Path

import pytest
from lxml import etree

from cmcoord.formats.kml import MEDIA_TYPE, render
from cmcoord.geo import Feature, Point, Position

from .conftest import HOSTILE, HOSTILE_KEPT

NS = {"k": "http://www.opengis.net/kml/2.2"}


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(Path(__file__).parent / "kml22" / "ogckml22.xsd")))


def _read(body: bytes, schema):
    assert body.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    body.decode("utf-8")  # strict UTF-8
    document = etree.fromstring(body, etree.XMLParser(resolve_entities=False, no_network=True))
    schema.assertValid(document)
    return document


def test_a_document_of_placemarks_that_the_ogc_schema_accepts(schema, site, route):
    kml = _read(render("Sofala notifications", [site, route], "Sites and movements"), schema)

    assert kml.tag == "{http://www.opengis.net/kml/2.2}kml"
    assert kml.xpath("k:Document/k:name/text()", namespaces=NS) == ["Sofala notifications"]
    point, line = kml.xpath("k:Document/k:Placemark", namespaces=NS)
    assert point.get("id") == "site-1" and line.get("id") == "movement-7"
    assert point.xpath("k:name/text()", namespaces=NS) == ["Beira logistics hub"]
    assert point.xpath("k:Point/k:coordinates/text()", namespaces=NS) == ["34.8389,-19.8436"]  # lon,lat
    assert line.xpath("k:LineString/k:coordinates/text()", namespaces=NS) == [
        "34.8389,-19.8436 34.6,-19.7 34.2,-19.29"
    ]
    assert line.xpath("k:styleUrl/text()", namespaces=NS) == ["#cmcoord-route"]


def test_properties_are_extended_data_with_their_labels(schema, site):
    kml = _read(render("Sites", [site], labels={"staff": "Staff on site"}), schema)

    data = {
        d.get("name"): (d.findtext("k:displayName", namespaces=NS), d.findtext("k:value", namespaces=NS))
        for d in kml.iterfind(".//k:ExtendedData/k:Data", namespaces=NS)
    }
    assert data == {
        "organisation": (None, "WFP"),
        "notified_on": (None, "2026-11-30"),
        "valid_until": (None, "2026-12-31T23:00:00+00:00"),
        "staff": ("Staff on site", "12"),
        "radius_km": (None, "0.5"),
        "protected": (None, "true"),
        "remarks": (None, ""),
    }


class _Text(HTMLParser):
    """What a balloon shows: the text, and any element the HTML would make."""

    def __init__(self):
        super().__init__()
        self.tags, self.text = [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)


def test_hostile_names_stay_text_in_the_file_and_in_google_earths_html_balloon(schema, hostile):
    body = render(HOSTILE, [hostile], HOSTILE)
    kml = _read(body, schema)

    assert b"<script" not in body and b"]]>" not in body
    (placemark,) = kml.xpath("k:Document/k:Placemark", namespaces=NS)
    assert placemark.findtext("k:name", namespaces=NS) == HOSTILE_KEPT
    assert kml.findtext("k:Document/k:name", namespaces=NS) == HOSTILE_KEPT
    data = placemark.find("k:ExtendedData/k:Data", namespaces=NS)
    assert (data.get("name"), data.findtext("k:value", namespaces=NS)) == (HOSTILE_KEPT, HOSTILE_KEPT)
    assert placemark.get("id") is None  # "site-<9>" is no XML ID: left out, the file stays valid

    # Google Earth reads <description> as HTML: the record's words come out as words.
    balloon = _Text()
    balloon.feed(placemark.findtext("k:description", namespaces=NS))
    assert set(balloon.tags) <= {"h3", "p", "br", "table", "tr", "th", "td"}
    shown = "".join(balloon.text)
    assert "<script>alert('x')</script>" in shown and "&amp;" in shown
    # Each placemark's style shows only that escaped description: no raw property in a balloon.
    (style_url,) = placemark.xpath("k:styleUrl/text()", namespaces=NS)
    (balloon_text,) = kml.xpath(
        f"k:Document/k:Style[@id='{style_url[1:]}']/k:BalloonStyle/k:text/text()", namespaces=NS
    )
    assert balloon_text == "$[description]"


def test_a_route_across_the_antimeridian_is_two_lines(schema, across_the_antimeridian):
    kml = _read(render("Lau", [across_the_antimeridian]), schema)

    lines = kml.xpath(".//k:Placemark/k:MultiGeometry/k:LineString/k:coordinates/text()", namespaces=NS)
    assert len(lines) == 2
    assert lines[0].startswith("178.44,-18.14 180,") and lines[1].startswith("-180,")
    assert lines[1].endswith(" -178.8,-18.2")


def test_placemark_ids_are_unique_xml_ids():
    features = [
        Feature(id="7", name="a", geometry=Point(Position(1, 1))),  # no XML ID begins with a digit
        Feature(id="site-1", name="b", geometry=Point(Position(1, 1))),
        Feature(id="site-1", name="c", geometry=Point(Position(1, 1))),
    ]
    kml = etree.fromstring(render("x", features))
    assert [p.get("id") for p in kml.iterfind(".//k:Placemark", namespaces=NS)] == [None, "site-1", None]


def test_numbers_never_use_an_exponent(schema):
    feature = Feature(id="a", name="a", geometry=Point(Position(0.000_01, -0.000_000_1)))
    kml = _read(render("x", [feature]), schema)
    assert kml.findtext(".//k:coordinates", namespaces=NS) == "0.00001,0"


def test_media_type():
    assert MEDIA_TYPE == "application/vnd.google-earth.kml+xml"
