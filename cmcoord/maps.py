"""A sketch map drawn on the server as inline SVG: no tile server, no internet, no JavaScript.

``svg_map(features)`` draws ``cmcoord.geo`` features (sites as markers, routes as lines with a
start and an end marker) over a latitude/longitude graticule with a scale bar. It is a sketch to
see where things are relative to each other, not a map to navigate by: no roads, rivers or
borders. The page shows the same places as text beside it (the coordinates are the record).

Projection: equirectangular, longitudes scaled by the cosine of the middle latitude so shapes
keep their proportions at that latitude (a few per cent off within a country-sized area; the
scale bar is right at the middle latitude). Limits: the view is fitted to the features, so sets
spread over more than about 60° of latitude are distorted, and sets spread over more than 180°
of longitude are drawn around the wrong side; near the poles (beyond ±80°) the east-west scale is
held at that of 80°. Features around the antimeridian (Fiji, Tonga, Kiribati) are drawn together:
longitudes are taken around the features' circular mean, and a route takes the short way.

Accessible: ``role="img"`` with an ``aria-label``, ``<title>`` and ``<desc>``; text ≥ 4.5:1 on
its background (dark text with a light halo), lines and markers ≥ 3:1; the markers differ by
shape as well as colour. The SVG scales to its container's width (``viewBox``, ``width="100%"``).
Every piece of record text goes in as element text through ``xml.etree``, so it is escaped.
"""

import math
import xml.etree.ElementTree as ET  # noqa: S405 -- writing only; nothing is parsed here
from collections.abc import Iterable

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext

from cmcoord.formats.text import xml_text
from cmcoord.geo import Feature, LineString, Point, Position, degrees_text, positions

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
BACKGROUND = "#f4f1ea"  # warm paper
GRID = "#c8c2b4"  # graticule lines (decoration, not information)
GRID_TEXT = "#4a4a4a"  # 7.6:1 on the background
TEXT = "#1b1b1b"  # 15:1
ROUTE = "#0b5cad"  # 6:1
SITE = "#a4221b"  # 6.6:1
HALO = BACKGROUND
FONTS = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Naskh Arabic', sans-serif"
KM_PER_DEGREE = 111.2  # of latitude, and of longitude at the equator (mean earth radius)
MIN_SPAN = 0.02  # degrees (about 2 km): the view around one point, or points very close together
MAX_LABEL = 32  # characters of a name on the map (the list beside it has the whole name)
NICE = (1, 2, 2.5, 5)


def _nice_steps():
    for exponent in range(-4, 3):
        for base in NICE:
            yield base * 10**exponent


def _step(span: float, most: int) -> float:
    """The smallest round step (1, 2, 2.5, 5 × 10ⁿ) with at most ``most`` steps across ``span``."""
    return next((step for step in _nice_steps() if span / step <= most), 100.0)


def _around(lon: float, centre: float) -> float:
    """``lon`` moved by whole turns to within 180° of ``centre``."""
    return centre + (lon - centre + 180) % 360 - 180


def _centre_longitude(points: list[Position]) -> float:
    x = sum(math.cos(math.radians(p.lon)) for p in points)
    y = sum(math.sin(math.radians(p.lon)) for p in points)
    return math.degrees(math.atan2(y, x)) if abs(x) + abs(y) > 1e-9 else 0.0


def _unwrapped(feature: Feature, centre: float) -> list[tuple[float, float]]:
    """The feature's (lon, lat) with longitudes continuous around ``centre`` (lines the short way)."""
    if isinstance(feature.geometry, Point):
        return [(_around(feature.geometry.at.lon, centre), feature.geometry.at.lat)]
    out: list[tuple[float, float]] = []
    for position in feature.geometry.positions:
        lon = _around(position.lon, out[-1][0] if out else centre)
        out.append((lon, position.lat))
    return out


def _degrees(value: float, step: float, axis: str) -> str:
    """A grid line's label, with as many decimals as the grid's step needs."""
    decimals = max(0, -math.floor(math.log10(step) + 1e-9)) if step < 1 else 0
    if round(step / 10 ** math.floor(math.log10(step) + 1e-9), 3) == 2.5:
        decimals += 1
    return degrees_text(value, axis, decimals)


def _distance(km: float) -> str:
    if km < 1:
        # Translators: a distance on the map's scale bar, in metres.
        return _("%(distance)s m") % {"distance": f"{km * 1000:.0f}"}
    # Translators: a distance on the map's scale bar, in kilometres.
    return _("%(distance)s km") % {"distance": f"{km:g}"}


def _label(text: str) -> str:
    words = " ".join(xml_text(text).split())
    return words if len(words) <= MAX_LABEL else words[: MAX_LABEL - 1].rstrip() + "…"


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


class _Drawing:
    def __init__(self, width: int, height: int, font_size: int):
        self.width, self.height, self.font_size = width, height, font_size

    def element(self, parent, tag: str, text: str | None = None, **attributes):
        element = ET.SubElement(
            parent, tag, {k.rstrip("_").replace("_", "-"): str(v) for k, v in attributes.items()}
        )
        if text is not None:
            element.text = xml_text(text)
        return element

    def text(
        self, parent, x: float, y: float, words: str, *, anchor="start", size=None, fill=TEXT, bold=False
    ):
        """Text with a halo of the background around it: readable over lines and the grid."""
        attributes = {
            "x": _n(x),
            "y": _n(y),
            "text_anchor": anchor,
            "font_size": size or self.font_size,
            "fill": fill,
            "stroke": HALO,
            "stroke_width": 4,
            "stroke_linejoin": "round",
            "paint_order": "stroke",
        }
        if bold:
            attributes["font_weight"] = "bold"
        return self.element(parent, "text", words, **attributes)


class _Labels:
    """Where the labels go: beside their marker, on the first side where they cover no other
    label, marker, the legend or the scale bar (else where they cover least), inside the drawing."""

    def __init__(self, width: int, height: int, font_size: int):
        self.width, self.height, self.font_size = width, height, font_size
        self.taken: list[tuple[float, float, float, float]] = []

    def take(self, box):
        self.taken.append(box)

    def _cost(self, box) -> float:
        x0, y0, x1, y1 = box
        outside = max(0, -x0) + max(0, x1 - self.width) + max(0, -y0) + max(0, y1 - self.height)
        covered = sum(
            max(0, min(x1, b[2]) - max(x0, b[0])) * max(0, min(y1, b[3]) - max(y0, b[1])) for b in self.taken
        )
        return covered + outside * self.height * 10

    def place(self, x: float, y: float, text: str, *, gap: float = 10):
        """(x, y, anchor) of the text's baseline beside the marker at (x, y)."""
        size = self.font_size
        w, h = 0.62 * size * len(text) + 4, size * 1.2  # wide enough for Latin and Arabic letters
        candidates = [
            (x + gap, y + size / 3, "start", (x + gap, y - h / 2, x + gap + w, y + h / 2)),
            (x - gap, y + size / 3, "end", (x - gap - w, y - h / 2, x - gap, y + h / 2)),
            (x, y - gap - 2, "middle", (x - w / 2, y - gap - h, x + w / 2, y - gap)),
            (x, y + gap + size, "middle", (x - w / 2, y + gap, x + w / 2, y + gap + h)),
        ]
        best = min(candidates, key=lambda c: (self._cost(c[3]) > 0, self._cost(c[3])))
        self.take(best[3])
        return best[:3]


def _halfway(points: list[tuple[float, float]]) -> tuple[float, float]:
    """The point halfway along a polyline (where its label goes: its ends are often sites)."""
    lengths = [math.dist(a, b) for a, b in zip(points, points[1:], strict=False)]
    remaining = sum(lengths) / 2
    for (a, b), length in zip(zip(points, points[1:], strict=False), lengths, strict=True):
        if remaining <= length and length > 0:
            t = remaining / length
            return a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
        remaining -= length
    return points[0]


def svg_map(
    features: Iterable[Feature],
    *,
    width: int = 440,
    height: int = 300,
    title: str = "",
    numbered: bool = False,
    font_size: int = 17,
) -> SafeString:
    """The features drawn as an inline SVG element, or "" when there is nothing to draw.

    ``width`` × ``height`` is the drawing's own size (its viewBox); on the page it takes its
    container's width (at 360 px, text of 17 units shows at about 12 px). ``title`` is what a
    screen reader announces (default "Sketch map"). ``numbered``: each feature is labelled with
    its position in ``features`` (1, 2, …) instead of its name, to match a numbered list beside
    the map when names would crowd it.
    """
    features = list(features)
    if not features:
        return mark_safe("")  # noqa: S308 -- an empty string
    small = font_size - 4  # the grid's, the legend's and the scale bar's text
    # Margins: the legend and the scale bar above the features, the longitudes below them.
    top, bottom, side = 2 * small + 16, small + 18, 2.5 * font_size

    everything = [p for f in features for p in positions(f.geometry)]
    centre_lon = _centre_longitude(everything)
    shapes = [_unwrapped(f, centre_lon) for f in features]
    lons = [lon for shape in shapes for lon, _lat in shape]
    lats = [lat for shape in shapes for _lon, lat in shape]
    west, east, south, north = min(lons), max(lons), min(lats), max(lats)
    # One point, or points very close together: a view of at least MIN_SPAN around them.
    if north - south < MIN_SPAN:
        middle = (north + south) / 2
        south, north = middle - MIN_SPAN / 2, middle + MIN_SPAN / 2
    cos = max(math.cos(math.radians((north + south) / 2)), math.cos(math.radians(80)))
    if (east - west) * cos < MIN_SPAN:
        middle = (east + west) / 2
        west, east = middle - MIN_SPAN / 2 / cos, middle + MIN_SPAN / 2 / cos

    # x = lon × cos(middle latitude), y = −lat: a unit is about KM_PER_DEGREE km either way.
    inner_w, inner_h = width - 2 * side, height - top - bottom
    scale = min(inner_w / ((east - west) * cos), inner_h / (north - south))
    offset_x = side + (inner_w - (east - west) * cos * scale) / 2
    offset_y = top + (inner_h - (north - south) * scale) / 2

    def xy(lon: float, lat: float) -> tuple[float, float]:
        return offset_x + (lon - west) * cos * scale, offset_y + (north - lat) * scale

    draw = _Drawing(width, height, font_size)
    label = title or _("Sketch map")
    svg = ET.Element(
        "svg",
        {
            "xmlns": SVG_NAMESPACE,
            "viewBox": f"0 0 {width} {height}",
            "width": "100%",
            "role": "img",
            "aria-label": " ".join(xml_text(label).split()),
            "class": "geo-map",
            "font-family": FONTS,
        },
    )
    draw.element(svg, "title", label)
    sites = sum(isinstance(f.geometry, Point) for f in features)
    routes = len(features) - sites
    summary = [_("A sketch map, not for navigation; the places are listed as text with it.")]
    if sites:
        summary.append(
            ngettext("It shows %(count)d site.", "It shows %(count)d sites.", sites) % {"count": sites}
        )
    if routes:
        summary.append(
            ngettext("It shows %(count)d route.", "It shows %(count)d routes.", routes) % {"count": routes}
        )
    draw.element(svg, "desc", " ".join(summary))
    draw.element(svg, "rect", x=0, y=0, width=width, height=height, fill=BACKGROUND)
    placer = _Labels(width, height, font_size)

    # The graticule: round degrees, latitudes labelled at the left, longitudes at the bottom.
    visible_w, visible_h = width / (cos * scale), height / scale  # degrees across the drawing
    left_lon, top_lat = west - offset_x / (cos * scale), north + offset_y / scale
    grid = draw.element(svg, "g", class_="geo-grid", stroke=GRID, stroke_width=1, aria_hidden="true")
    grid_text = draw.element(svg, "g", class_="geo-grid", aria_hidden="true")
    lat_step = _step(visible_h, 4)
    for index in range(math.ceil((top_lat - visible_h) / lat_step), math.floor(top_lat / lat_step) + 1):
        lat = index * lat_step
        if -90 <= lat <= 90:
            _x, y = xy(west, lat)
            draw.element(grid, "line", x1=0, y1=_n(y), x2=width, y2=_n(y))
            if top + small < y < height - bottom:
                text = _degrees(lat, lat_step, "lat")
                draw.text(grid_text, 4, y - 4, text, size=small, fill=GRID_TEXT)
                placer.take((4, y - 4 - small, 4 + 0.62 * small * len(text), y - 2))
    lon_step = _step(visible_w, 4)
    for index in range(math.ceil(left_lon / lon_step), math.floor((left_lon + visible_w) / lon_step) + 1):
        x, _y = xy(index * lon_step, north)
        draw.element(grid, "line", x1=_n(x), y1=0, x2=_n(x), y2=height)
        if 3 * small < x < width - 3 * small:
            text = _degrees(index * lon_step, lon_step, "lon")
            draw.text(grid_text, x, height - 6, text, anchor="middle", size=small, fill=GRID_TEXT)
            half = 0.31 * small * len(text)
            placer.take((x - half, height - 6 - small, x + half, height - 4))

    # The scale bar, top right (true at the middle latitude; left out over very tall areas).
    if north - south < 30:
        km = _step(width / 4 / (scale / KM_PER_DEGREE), 1)
        length, right, base = km * scale / KM_PER_DEGREE, width - 10, 2 * small + 6
        bar = draw.element(svg, "g", aria_hidden="true")
        path = f"M{_n(right - length)},{_n(base - 6)}v6h{_n(length)}v-6"
        draw.element(bar, "path", d=path, fill="none", stroke=TEXT, stroke_width=2)
        draw.text(bar, right - length / 2, base - 10, _distance(km), anchor="middle", size=small)
        placer.take((right - length - 4, 0, width, base + 2))

    if routes:  # the legend, top left
        legend = draw.element(svg, "g", aria_hidden="true")
        y = small + 4
        draw.element(legend, "circle", cx=12, cy=_n(y - 4), r=5, fill="#ffffff", stroke=ROUTE, stroke_width=3)
        draw.text(legend, 24, y, pgettext("route", "Start"), size=small)
        draw.element(legend, "rect", x=7, y=_n(y + small - 4 - 5), width=10, height=10, fill=ROUTE)
        draw.text(legend, 24, y + small + 2, pgettext("route", "End"), size=small)
        placer.take((0, 0, 24 + 0.62 * small * 8, y + small + 6))

    # Routes under sites; a route's start an open circle, its end a filled square.
    drawn = draw.element(svg, "g", class_="geo-features")
    marks = []
    order = sorted(range(len(features)), key=lambda i: isinstance(features[i].geometry, Point))
    for index in order:
        feature, points = features[index], [xy(lon, lat) for lon, lat in shapes[index]]
        text = str(index + 1) if numbered else _label(feature.name)
        if isinstance(feature.geometry, LineString):
            group = draw.element(drawn, "g", class_="geo-route")
            draw.element(
                group,
                "polyline",
                points=" ".join(f"{_n(x)},{_n(y)}" for x, y in points),
                fill="none",
                stroke=ROUTE,
                stroke_width=3,
                stroke_linejoin="round",
                stroke_linecap="round",
            )
            (x0, y0), (x1, y1) = points[0], points[-1]
            draw.element(
                group, "circle", cx=_n(x0), cy=_n(y0), r=5, fill="#ffffff", stroke=ROUTE, stroke_width=3
            )
            draw.element(
                group, "rect", x=_n(x1 - 5), y=_n(y1 - 5), width=10, height=10, fill=ROUTE, stroke="#ffffff"
            )
            placer.take((x0 - 6, y0 - 6, x0 + 6, y0 + 6))
            placer.take((x1 - 6, y1 - 6, x1 + 6, y1 + 6))
            marks.append((*_halfway(points), text, 6))
        else:
            group = draw.element(drawn, "g", class_="geo-site")
            (x0, y0) = points[0]
            draw.element(
                group, "circle", cx=_n(x0), cy=_n(y0), r=7, fill=SITE, stroke="#ffffff", stroke_width=2
            )
            placer.take((x0 - 8, y0 - 8, x0 + 8, y0 + 8))
            marks.append((x0, y0, text, 11))
    names = draw.element(svg, "g", class_="geo-labels")
    for x, y, text, gap in marks:  # every label over every line and marker
        lx, ly, anchor = placer.place(x, y, text, gap=gap)
        draw.text(names, lx, ly, text, anchor=anchor, bold=numbered)
    return mark_safe(ET.tostring(svg, encoding="unicode"))  # noqa: S308 -- built by ElementTree, text escaped
