"""KML 2.2 (OGC 07-147r2) of ``cmcoord.geo`` features, for Google Earth, QGIS and GPS tools.

One Document of Placemarks: a Point's or a LineString's ``<coordinates>`` are "lon,lat" tuples;
a line crossing the antimeridian becomes a MultiGeometry of its parts. Properties are
``ExtendedData/Data/value`` (text, dates in ISO 8601), which GIS tools read as attributes.

Everything is built with ``xml.etree`` (never by joining strings), so a name is always text; what
XML cannot carry (control characters) is dropped first. Google Earth renders a ``<description>``
as HTML, so the descriptions written here are HTML made of escaped text: the name, the
description and a table of the properties. The shared styles' balloons show only that
description, so no record text is ever read by a balloon as markup.

``render`` writes the whole document; ``head``, ``placemark_bytes`` and ``TAIL`` write it in parts
for a streamed export (``cmcoord.formats.renderers.KMLRenderer``).
"""

import datetime as dt
import json
import re
import xml.etree.ElementTree as ET  # noqa: S405 -- writing only; nothing is parsed here
from collections.abc import Iterable, Mapping
from html import escape

from cmcoord.geo import Feature, LineString, Point, Position, line_parts, number

from .geojson import json_value
from .text import xml_text

NAMESPACE = "http://www.opengis.net/kml/2.2"
MEDIA_TYPE = "application/vnd.google-earth.kml+xml"
DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'
TAIL = b"</Document></kml>\n"
SITE_STYLE, ROUTE_STYLE = "cmcoord-site", "cmcoord-route"
ROUTE_COLOUR = "ffad5c0b"  # aabbggrr: #0b5cad, the map's route blue, opaque
_NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9._-]*")  # an XML ID (ASCII): what a Placemark's id may be


def _sub(parent, tag: str, text=None, **attributes):
    element = ET.SubElement(parent, tag, {k: xml_text(v) for k, v in attributes.items()})
    if text is not None:
        element.text = xml_text(text)
    return element


def value_text(value) -> str:
    """A property value as a Data element's text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Mapping | list | tuple):
        return json.dumps(json_value(value), ensure_ascii=False)
    return str(value)


def _html(text: str) -> str:
    return escape(xml_text(text)).replace("\n", "<br>")


def balloon(item: Feature, labels: Mapping[str, str]) -> str:
    """The balloon's HTML: every piece of record text escaped, line breaks kept."""
    html = [f"<h3>{_html(item.name)}</h3>"]
    if item.description:
        html.append(f"<p>{_html(item.description)}</p>")
    rows = [
        f"<tr><th>{_html(labels.get(key, key))}</th><td>{_html(value_text(value))}</td></tr>"
        for key, value in item.properties.items()
        if value not in (None, "")
    ]
    if rows:
        html.append(f"<table>{''.join(rows)}</table>")
    return "".join(html)


def _coordinates(points: Iterable[Position]) -> str:
    return " ".join(f"{number(p.lon)},{number(p.lat)}" for p in points)


def _geometry(parent, shape: Point | LineString):
    if isinstance(shape, Point):
        _sub(_sub(parent, "Point"), "coordinates", _coordinates([shape.at]))
        return
    parts = line_parts(shape)
    holder = _sub(parent, "MultiGeometry") if len(parts) > 1 else parent
    for part in parts:
        line = _sub(holder, "LineString")
        _sub(line, "tessellate", "1")  # follows the ground in Google Earth
        _sub(line, "coordinates", _coordinates(part))


def placemark(item: Feature, labels: Mapping[str, str] | None = None, *, ids: set | None = None):
    """One Placemark element. ``ids``: the ids used so far in the document (an XML ID is unique)."""
    element = ET.Element("Placemark")
    if _NCNAME.fullmatch(item.id) and (ids is None or item.id not in ids):
        element.set("id", item.id)
        if ids is not None:
            ids.add(item.id)
    _sub(element, "name", item.name)
    _sub(element, "Snippet", "", maxLines="0")  # the places list shows the name only
    _sub(element, "description", balloon(item, labels or {}))
    _sub(element, "styleUrl", f"#{SITE_STYLE if isinstance(item.geometry, Point) else ROUTE_STYLE}")
    if item.properties:
        extended = _sub(element, "ExtendedData")
        for key, value in item.properties.items():
            data = _sub(extended, "Data", name=key)
            if key in (labels or {}):
                _sub(data, "displayName", labels[key])
            _sub(data, "value", value_text(value))
    _geometry(element, item.geometry)
    return element


def placemark_bytes(item: Feature, labels: Mapping[str, str] | None = None, *, ids=None) -> bytes:
    return ET.tostring(placemark(item, labels, ids=ids), encoding="unicode").encode()


def head(name: str, description: str = "") -> bytes:
    """The document up to its first Placemark: its name, description and shared styles."""
    root = ET.Element("kml", {"xmlns": NAMESPACE})
    document = _sub(root, "Document")
    _sub(document, "name", name)
    _sub(document, "open", "1")
    if description:
        _sub(document, "description", f"<p>{_html(description)}</p>")
    for style_id in (SITE_STYLE, ROUTE_STYLE):
        style = _sub(document, "Style", id=style_id)
        if style_id == ROUTE_STYLE:
            line = _sub(style, "LineStyle")
            _sub(line, "color", ROUTE_COLOUR)
            _sub(line, "width", "4")
        _sub(_sub(style, "BalloonStyle"), "text", "$[description]")
    text = ET.tostring(root, encoding="unicode").encode()
    return DECLARATION + text[: text.rindex(TAIL.strip())]


def render(
    name: str, features: Iterable[Feature], description: str = "", *, labels: Mapping[str, str] | None = None
) -> bytes:
    """The KML document. ``labels``: a property's name as people read it (``displayName``)."""
    ids: set = set()
    return (
        head(name, description) + b"".join(placemark_bytes(item, labels, ids=ids) for item in features) + TAIL
    )
