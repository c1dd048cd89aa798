"""GeoJSON (RFC 7946) of ``cmcoord.geo`` features: what QGIS, ArcGIS, geojson.io and most GIS read.

WGS84 longitude, latitude (the only CRS RFC 7946 allows, so no ``crs`` member), six decimals.
Each feature's id is a string; its name and description are the properties ``name`` and
``description`` (they win over properties of those names), then its own properties, made
JSON-safe: dates and times in ISO 8601, decimals as numbers, text with control characters dropped.
A line crossing the antimeridian is cut into a MultiLineString (RFC 7946 §3.1.9).

``render`` writes the whole collection; ``HEAD``, ``feature_bytes`` and ``TAIL`` write it in parts
for a streamed export (``cmcoord.formats.renderers.GeoJSONRenderer``).
"""

import datetime as dt
import json
import math
from collections.abc import Iterable, Mapping
from decimal import Decimal

from cmcoord.geo import DECIMALS, Feature, LineString, Point, Position, line_parts

from .text import xml_text as property_text  # the same text rule as KML: noncharacters dropped too

MEDIA_TYPE = "application/geo+json"
HEAD = b'{"type":"FeatureCollection","features":['
TAIL = b"]}\n"


def _coordinates(position: Position) -> list[float]:
    return [round(position.lon, DECIMALS) + 0.0, round(position.lat, DECIMALS) + 0.0]  # + 0.0: no -0.0


def geometry(shape: Point | LineString) -> dict:
    if isinstance(shape, Point):
        return {"type": "Point", "coordinates": _coordinates(shape.at)}
    parts = [[_coordinates(p) for p in part] for part in line_parts(shape)]
    if len(parts) == 1:
        return {"type": "LineString", "coordinates": parts[0]}
    return {"type": "MultiLineString", "coordinates": parts}


def json_value(value):
    """A property value as JSON can carry it, whatever a record's field holds."""
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float | Decimal):
        number = float(value)
        return number if math.isfinite(number) else None  # JSON has no NaN or Infinity
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {property_text(k): json_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [json_value(v) for v in value]
    return property_text(value)  # text, lazy translations, UUIDs, enums: their text


def feature(item: Feature) -> dict:
    properties = {"name": property_text(item.name), "description": property_text(item.description) or None}
    for key, value in item.properties.items():
        properties.setdefault(property_text(key), json_value(value))
    return {
        "type": "Feature",
        "id": property_text(item.id),
        "geometry": geometry(item.geometry),
        "properties": properties,
    }


def feature_collection(features: Iterable[Feature]) -> dict:
    return {"type": "FeatureCollection", "features": [feature(item) for item in features]}


def feature_bytes(item: Feature) -> bytes:
    # UTF-8 as RFC 7946 requires; every character as itself (Arabic stays readable), compact.
    return json.dumps(feature(item), ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


def render(features: Iterable[Feature]) -> bytes:
    return HEAD + b",".join(feature_bytes(item) for item in features) + TAIL
