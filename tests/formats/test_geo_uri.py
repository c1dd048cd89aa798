"""geo: URIs (RFC 5870), latitude first, with the Android label convention; positions as text."""

from urllib.parse import unquote, urlsplit

import pytest

from cmcoord.geo import Position, geo_uri, position_text


@pytest.mark.parametrize(
    "position, uri",
    [
        (Position(lon=34.8389, lat=-19.8436), "geo:-19.8436,34.8389"),  # Beira: south and east
        (Position(lon=-72.3388, lat=18.5392), "geo:18.5392,-72.3388"),  # Port-au-Prince: west
        (Position(lon=-0.000_000_1, lat=51.4779), "geo:51.4779,0"),  # no "-0", six decimals
        (Position(lon=12.345_678_9, lat=0), "geo:0,12.345679"),
        (Position(lon=45, lat=90), "geo:90,0"),  # RFC 5870: the pole's longitude is 0
    ],
)
def test_latitude_comes_first(position, uri):
    assert geo_uri(position) == uri


def test_a_label_is_the_android_query_percent_encoded():
    uri = geo_uri(Position(34.8389, -19.8436), "Beira hub (WFP) & co")
    assert uri == "geo:-19.8436,34.8389?q=-19.8436,34.8389(Beira%20hub%20%28WFP%29%20%26%20co)"


def test_a_hostile_label_stays_inside_its_parentheses():
    label = "مستشفى\r\n) <script>?q=0,0(x#frag\x07"
    uri = geo_uri(Position(-1.5, 2.25), label)
    parts = urlsplit(uri)

    assert (parts.scheme, parts.path) == ("geo", "2.25,-1.5")
    assert parts.fragment == "" and uri.count("?") == 1 and uri.count("(") == 1
    assert all(c.isascii() and c.isprintable() and c not in ' <>"' for c in uri)
    assert parts.query.startswith("q=2.25,-1.5(") and parts.query.endswith(")")
    assert unquote(parts.query[len("q=2.25,-1.5(") : -1]) == "مستشفى ) <script>?q=0,0(x#frag"


def test_an_empty_label_is_no_query():
    assert geo_uri(Position(1, 2), " \n\x07") == "geo:2,1"


@pytest.mark.parametrize(
    "position, text",
    [
        (Position(lon=34.8389, lat=-19.8436), "19.8436° S, 34.8389° E"),
        (Position(lon=-72.3388, lat=18.5392), "18.5392° N, 72.3388° W"),
        (Position(lon=180, lat=0), "0°, 180°"),
        (Position(lon=-0.000_000_1, lat=51.123_456_789), "51.123457° N, 0°"),
    ],
)
def test_a_position_as_text_for_pages_says_north_south_east_west(position, text):
    assert position_text(position) == text
