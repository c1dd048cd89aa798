"""The sketch map in Chromium at 360 px: it takes the container's width, keeps its proportions,
scrolls nothing sideways, and its labels stay readable (no live server: the map alone)."""

import pytest

from cmcoord.geo import Feature, LineString, Point, Position
from cmcoord.maps import svg_map

pytestmark = pytest.mark.browser

FEATURES = [
    Feature("s1", "Beira logistics hub", Point(Position(34.8389, -19.8436))),
    Feature("s2", "مستشفى دوندو", Point(Position(34.7425, -19.6106))),
    Feature(
        "m1",
        "Convoy Beira to Nhamatanda",
        LineString((Position(34.8389, -19.8436), Position(34.6, -19.7), Position(34.2, -19.29))),
    ),
]


def test_the_map_fits_a_phone_and_stays_readable(chromium):
    context = chromium.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    try:
        page.set_content(
            "<!doctype html><html lang='en'><meta name='viewport' content='width=device-width'>"
            f"<body style='margin:0 12px'><figure style='margin:0'>{svg_map(FEATURES)}</figure></body></html>"
        )
        svg = page.locator("svg.geo-map")
        box = svg.bounding_box()
        assert box["width"] == pytest.approx(336, abs=1)  # the container's width, no more
        assert box["height"] == pytest.approx(336 * 300 / 440, abs=2)  # the drawing's proportions
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
        for marker in page.locator("svg.geo-map .geo-features circle").all():
            inner = marker.bounding_box()
            assert box["x"] <= inner["x"] and inner["x"] + inner["width"] <= box["x"] + box["width"]
        sizes = page.locator("svg.geo-map .geo-labels text").evaluate_all(
            "texts => texts.map(t => t.getBoundingClientRect().height)"
        )
        assert len(sizes) == 3 and min(sizes) >= 11  # about 12 px text at 360 px
        assert page.get_by_role("img", name="Sketch map").count() == 1
    finally:
        context.close()
