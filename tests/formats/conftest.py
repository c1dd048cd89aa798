"""Features as the HNS notifies them: sites (points) and movements (routes), with hostile text."""

import datetime as dt
from decimal import Decimal

import pytest

from cmcoord.geo import Feature, LineString, Point, Position

# Every way a name could break a file or a page: markup, a CDATA end, control characters (no NUL
# byte, which a database refuses anyway, but the writers drop it too), right-to-left Arabic.
HOSTILE = "<script>alert('x')</script> ]]> &amp; \x01\x1b\x7f\ufffe مستشفى بيرا \u202eevil"
HOSTILE_KEPT = "<script>alert('x')</script> ]]> &amp;  مستشفى بيرا \u202eevil"  # what a reader gets back
# U+202E (right-to-left override) is a format character, valid in XML and JSON: the files keep
# it as typed (a bidi override stays inside its own element or string).


@pytest.fixture
def site():
    return Feature(
        id="site-1",
        name="Beira logistics hub",
        geometry=Point(Position(lon=34.8389, lat=-19.8436)),
        properties={
            "organisation": "WFP",
            "notified_on": dt.date(2026, 11, 30),
            "valid_until": dt.datetime(2026, 12, 31, 23, 0, tzinfo=dt.UTC),
            "staff": 12,
            "radius_km": Decimal("0.5"),
            "protected": True,
            "remarks": None,
        },
        description="Warehouse and offices.\nFlag on the roof.",
    )


@pytest.fixture
def route():
    return Feature(
        id="movement-7",
        name="Convoy Beira to Nhamatanda",
        geometry=LineString((Position(34.8389, -19.8436), Position(34.6, -19.7), Position(34.2, -19.29))),
        properties={"vehicles": 6, "departs": dt.datetime(2026, 12, 1, 6, 0, tzinfo=dt.UTC)},
    )


@pytest.fixture
def across_the_antimeridian():
    """A boat from Suva (178.44° E) to Lakeba (178.8° W): 2.8° of longitude, not 357°."""
    return Feature(
        id="movement-8",
        name="Boat to the Lau islands",
        geometry=LineString((Position(178.44, -18.14), Position(-178.8, -18.2))),
    )


@pytest.fixture
def hostile():
    return Feature(
        id="site-<9>",
        name=HOSTILE,
        geometry=Point(Position(-0.000_000_1, 51.4779)),
        properties={HOSTILE: HOSTILE, "note": "a </Data> b"},
        description=HOSTILE,
    )
