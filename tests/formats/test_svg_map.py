"""The offline sketch map: valid SVG, every marker inside the drawing, text escaped and readable."""

import re
import xml.etree.ElementTree as ET  # noqa: S405 -- our own output

import pytest
from django.template import Context, Template
from django.utils.safestring import SafeString

from cmcoord import maps
from cmcoord.geo import Feature, Point, Position

from .conftest import HOSTILE_KEPT

SVG = "{http://www.w3.org/2000/svg}"


def _svg(features, **options):
    markup = maps.svg_map(features, **options)
    assert isinstance(markup, SafeString)
    return ET.fromstring(markup), markup  # noqa: S314 -- our own output


def _box(svg):
    x, y, width, height = map(float, svg.get("viewBox").split())
    return x, y, width, height


def _inside(svg, x, y):
    left, top, width, height = _box(svg)
    return left <= x <= left + width and top <= y <= top + height


def _sites(svg):
    return [
        (float(c.get("cx")), float(c.get("cy")))
        for g in svg.iter(f"{SVG}g")
        if g.get("class") == "geo-site"
        for c in g.iter(f"{SVG}circle")
    ]


def _routes(svg):
    return [
        [tuple(map(float, pair.split(","))) for pair in line.get("points").split()]
        for g in svg.iter(f"{SVG}g")
        if g.get("class") == "geo-route"
        for line in g.iter(f"{SVG}polyline")
    ]


def _labels(svg):
    return [
        t.text for g in svg.iter(f"{SVG}g") if g.get("class") == "geo-labels" for t in g.iter(f"{SVG}text")
    ]


def test_sites_and_routes_are_drawn_inside_the_view(site, route):
    other = Feature(id="site-2", name="Dondo hospital", geometry=Point(Position(34.7425, -19.6106)))
    svg, _ = _svg([site, route, other], title="Notified sites and movements")

    assert svg.tag == f"{SVG}svg" and svg.get("width") == "100%"  # scales to its container
    assert svg.get("role") == "img" and svg.get("aria-label") == "Notified sites and movements"
    assert svg[0].tag == f"{SVG}title" and svg[0].text == "Notified sites and movements"
    assert "2 sites" in svg.find(f"{SVG}desc").text and "1 route" in svg.find(f"{SVG}desc").text
    sites, routes = _sites(svg), _routes(svg)
    assert len(sites) == 2 and len(routes) == 1 and len(routes[0]) == 3
    assert all(_inside(svg, x, y) for x, y in sites + routes[0])
    # North up, east right: Dondo (north-west of Beira) is above and left of Beira.
    beira, dondo = sites
    assert dondo[0] < beira[0] and dondo[1] < beira[1]
    # The route starts at Beira (its open circle) and ends at Nhamatanda (its square).
    assert routes[0][0] == pytest.approx(beira, abs=0.1)
    assert {"Beira logistics hub", "Dondo hospital", "Convoy Beira to Nhamatanda"} <= set(_labels(svg))


def test_one_point_is_drawn_in_the_middle_with_a_grid_and_a_scale(site):
    svg, markup = _svg([site])

    ((x, y),) = _sites(svg)
    _, _, width, height = _box(svg)
    assert abs(x - width / 2) < 1 and 0.3 * height < y < 0.7 * height
    assert "km" in markup or " m<" in markup  # a scale bar
    assert "19.8" in markup and "S" in markup  # the graticule's latitudes


def test_points_on_one_spot_do_not_divide_by_zero(site):
    twin = Feature(id="site-2", name="Twin", geometry=site.geometry)
    svg, _ = _svg([site, twin])
    assert len(_sites(svg)) == 2 and all(_inside(svg, x, y) for x, y in _sites(svg))


def test_a_route_across_the_antimeridian_takes_the_short_way(across_the_antimeridian):
    suva = Feature(id="s", name="Suva", geometry=Point(Position(178.44, -18.14)))
    svg, _ = _svg([suva, across_the_antimeridian])

    ((line),) = _routes(svg)
    (start, end) = line
    _, _, width, _ = _box(svg)
    assert start[0] < end[0]  # eastward, across 180°, not back across the whole world
    assert all(_inside(svg, x, y) for x, y in [*line, *_sites(svg)])
    assert _sites(svg)[0] == pytest.approx(start, abs=0.1)
    assert end[0] - start[0] < width


def test_hostile_names_are_escaped_text(hostile):
    svg, markup = _svg([hostile], title="<b>Map</b>\x07")

    assert "<script" not in markup and "<b>" not in markup
    assert svg.get("aria-label") == "<b>Map</b>" and svg.find(f"{SVG}title").text == "<b>Map</b>"
    (label,) = _labels(svg)
    assert label.startswith("<script>alert('x')</script>") and label.endswith("…")  # shortened
    assert len(label) <= maps.MAX_LABEL
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe]", markup)
    assert HOSTILE_KEPT.startswith(label[:-1].rstrip())


def test_numbered_labels_follow_the_order_given(site, route):
    svg, _ = _svg([site, route], numbered=True)
    assert sorted(_labels(svg)) == ["1", "2"]


def test_nothing_to_draw_is_nothing():
    assert maps.svg_map([]) == ""


def test_the_map_goes_into_a_template_unescaped_once(site):
    html = Template("<figure>{{ map }}</figure>").render(Context({"map": maps.svg_map([site])}))
    assert html.startswith("<figure><svg ")


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_text_has_four_and_a_half_to_one_and_lines_three_to_one(site, route):
    svg, _ = _svg([site, route])
    background = svg.find(f"{SVG}rect").get("fill")
    texts = list(svg.iter(f"{SVG}text"))
    assert texts
    for text in texts:
        assert _contrast(text.get("fill"), background) >= 4.5
        assert text.get("stroke") == background  # the halo: readable over the grid and the lines
    assert _contrast(maps.ROUTE, background) >= 3 and _contrast(maps.SITE, background) >= 3
