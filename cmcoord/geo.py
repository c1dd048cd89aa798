"""Places on the earth as the map formats need them (GeoJSON, KML, ``geo:`` URIs, the in-page map).

Coordinates are WGS84 decimal degrees, longitude first as in GeoJSON (RFC 7946) and KML. A record
of an app (a notified site, a movement's route) turns itself into ``Feature``s; the writers in
``cmcoord.formats`` and the map in ``cmcoord.maps`` know only these types, never an app's model.
"""

import math
from dataclasses import dataclass, field
from urllib.parse import quote

from django.utils.translation import gettext, pgettext


@dataclass(frozen=True)
class Position:
    lon: float
    lat: float

    def __post_init__(self):
        if not (-180 <= self.lon <= 180 and -90 <= self.lat <= 90):
            raise ValueError(f"not a WGS84 position: {self.lon}, {self.lat}")


@dataclass(frozen=True)
class Point:
    at: Position


@dataclass(frozen=True)
class LineString:
    """A route: at least two positions, in travel order."""

    positions: tuple[Position, ...]

    def __post_init__(self):
        if len(self.positions) < 2:
            raise ValueError("a line needs at least two positions")


@dataclass(frozen=True)
class Feature:
    """One thing on the map: its geometry, a stable id, a name and the properties a party reads."""

    id: str
    name: str
    geometry: Point | LineString
    properties: dict = field(default_factory=dict)  # str -> str | int | float | bool | None
    description: str = ""


# ---- Helpers the writers share ------------------------------------------------------------------

DECIMALS = 6  # about 0.1 m: finer than any GPS a field team carries, and no false precision


def number(value: float) -> str:
    """A coordinate as text: at most six decimals, no exponent, no trailing zeros, never "-0"."""
    text = f"{value:.{DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def positions(geometry: Point | LineString) -> tuple[Position, ...]:
    return (geometry.at,) if isinstance(geometry, Point) else geometry.positions


def line_parts(line: LineString) -> list[tuple[Position, ...]]:
    """The line cut where it crosses the antimeridian (RFC 7946 §3.1.9), each part on one side.

    Two consecutive positions more than 180° of longitude apart are taken to be joined the short
    way, across ±180° (a route from Fiji's 178° E to 179° W): the crossing's latitude is
    interpolated and each part ends on its own side. A line that crosses nowhere is one part.
    """
    parts, current = [], [line.positions[0]]
    for after in line.positions[1:]:
        before = current[-1]
        if abs(after.lon) == 180 and before.lon != 0:  # on the antimeridian: on ``before``'s side
            after = Position(math.copysign(180, before.lon), after.lat)
        delta = after.lon - before.lon
        if abs(delta) > 180:
            edge = 180.0 if delta < 0 else -180.0  # the side ``before`` is on
            shifted = after.lon + (360 if delta < 0 else -360)  # ``after`` beyond the edge
            fraction = (edge - before.lon) / (shifted - before.lon) if shifted != before.lon else 0
            lat = before.lat + (after.lat - before.lat) * fraction
            current.append(Position(edge, lat))
            parts.append(tuple(current))
            current = [Position(-edge, lat)]
        current.append(after)
    parts.append(tuple(current))
    # A part of one position (a line that starts or ends exactly on the antimeridian) is no line.
    return [part for part in parts if len(part) >= 2 and len(set(part)) >= 2] or [line.positions]


def geo_uri(position: Position, label: str = "") -> str:
    """The position as an RFC 5870 ``geo:`` URI, latitude first (the reverse of GeoJSON and KML).

    With a label, the Android convention follows: ``geo:lat,lon?q=lat,lon(label)``, which Google
    Maps, OsmAnd, Organic Maps and most Android map apps open as a pin with that name (a plain
    ``geo:lat,lon`` only centres the map there). ``?q=`` is not in RFC 5870's grammar but is a
    valid URI query that strict parsers skip. The label is percent-encoded (parentheses too, so a
    name cannot end the label early); line breaks and control characters are dropped. iOS has no
    handler for ``geo:``: pages show the coordinates as text as well.
    """
    lat, lon = number(position.lat), number(position.lon)
    if abs(position.lat) == 90:
        lon = "0"  # RFC 5870 §3.4.2: the poles' longitude is 0
    uri = f"geo:{lat},{lon}"
    words = " ".join("".join(c for c in str(label) if c.isprintable() or c.isspace()).split())
    if words:
        uri += f"?q={lat},{lon}({quote(words, safe='')})"
    return uri


def degrees_text(value: float, axis: str, decimals: int = DECIMALS) -> str:
    """A latitude (``axis="lat"``) or longitude (``"lon"``) as people read it: "19.8436° S"."""
    if axis == "lon":
        value = (value + 180) % 360 - 180
    text = number(abs(value)) if decimals == DECIMALS else f"{abs(value):.{decimals}f}"
    if float(text) == 0 or (axis == "lon" and float(text) == 180):
        return f"{text}°"
    if axis == "lat":
        # Translators: a latitude, e.g. "19.8436° S"; N = north, S = south.
        north, south = pgettext("latitude", "%(degrees)s° N"), pgettext("latitude", "%(degrees)s° S")
        return (north if value > 0 else south) % {"degrees": text}
    # Translators: a longitude, e.g. "34.8389° E"; E = east, W = west.
    east, west = pgettext("longitude", "%(degrees)s° E"), pgettext("longitude", "%(degrees)s° W")
    return (east if value > 0 else west) % {"degrees": text}


def position_text(position: Position) -> str:
    """The position as text for a page or an e-mail, latitude first: "19.8436° S, 34.8389° E"."""
    # Translators: a position on the earth, e.g. "19.8436° S, 34.8389° E".
    return gettext("%(latitude)s, %(longitude)s") % {
        "latitude": degrees_text(position.lat, "lat"),
        "longitude": degrees_text(position.lon, "lon"),
    }
