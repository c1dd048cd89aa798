"""The style sheets mirror in right-to-left pages: logical properties only, system fonts only."""

import re

from tests.i18n.catalogs import ROOT

CSS = sorted((ROOT / "static" / "css").glob("*.css"))
PHYSICAL = re.compile(
    r"(?<![\w-])(margin|padding|border)-(left|right)\b|(?<![\w-])(left|right)\s*:|"
    r"text-align\s*:\s*(left|right)|float\s*:\s*(left|right)"
)


def test_no_style_sheet_uses_left_or_right():
    found = [f"{path.name}: {m.group(0)}" for path in CSS for m in PHYSICAL.finditer(path.read_text())]
    assert CSS and not found, found


def test_no_web_font_is_loaded():
    for path in CSS:
        text = path.read_text()
        assert "@font-face" not in text and "@import" not in text and "url(" not in text, path.name
