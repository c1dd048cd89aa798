"""The MCDA timeline: where each deployment's bar goes, from its deployment to its phase-out.

Pure layout (no queries): the view hands it the deployments the reader may see and the least
ready alternative of each; the template draws the SVG from the numbers computed here.

Right to left (Arabic) the chart is mirrored: time runs from the reader's start side (right) to
the end side (left), as the page itself, its tables and its text do, so "earlier" is where a
reader starts. Labels then anchor at the start side of their row.
"""

import datetime as dt
import math
from dataclasses import dataclass, field

from django.utils import formats
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from assets.models import READINESS_ORDER, AssetDeployment, Readiness

WIDTH = 720  # SVG user units; the chart scrolls inside its own region below this width
PAD = 16  # space at both ends of the time axis
AXIS = 44  # the tick labels and "today" above the first row
ROW = 46  # one deployment: its label line, then its bar
BAR = 16
LABEL_CHARS = 90  # longer names are cut in the drawing (the table below gives them whole)
MIN_TICK_GAP = 120  # units between two month labels
EDGE_DAYS = 7  # the axis starts and ends this many days beyond the earliest and latest dates

NO_DEPENDENCY = "no_dependency"
# Colour of a bar, by its least ready alternative: each at least 4.5:1 against white (the
# chart's background), so the bar and its legend swatch stand out; the label beside every bar
# names the readiness too, so nothing is said by colour alone.
COLOURS = {
    Readiness.NONE.value: "#a40000",
    Readiness.IDENTIFIED.value: "#a14a00",
    Readiness.ARRANGED.value: "#5b3c99",
    Readiness.READY.value: "#1d6b2f",
    NO_DEPENDENCY: "#545d68",
}
LEGEND = [
    *((r.value, r.label) for r in READINESS_ORDER),
    (NO_DEPENDENCY, pgettext_lazy("alternative", "No dependency recorded")),
]
READINESS_LABELS = dict(LEGEND)


@dataclass
class Bar:
    asset: AssetDeployment
    readiness: str  # a Readiness value, or NO_DEPENDENCY
    y: float  # top of the row
    x: float = 0.0  # left edge of the bar, in SVG units (after mirroring)
    width: float = 0.0
    drawn: bool = False  # False: no date at all, the row only carries its note
    open_start: bool = False  # no deployment date: drawn from the axis start
    open_end: bool = False  # no phase-out date: drawn to the axis end
    label: str = ""

    @property
    def colour(self) -> str:
        return COLOURS[self.readiness]

    @property
    def readiness_label(self):
        return READINESS_LABELS[self.readiness]

    @property
    def label_y(self) -> float:
        return self.y + 14

    @property
    def bar_y(self) -> float:
        return self.y + 21

    @property
    def note(self):
        if not self.drawn:
            return _("no dates recorded")
        if self.open_start and self.open_end:
            return _("no dates recorded")
        if self.open_start:
            return _("deployment date not recorded")
        if self.open_end:
            return _("no phase-out date: open-ended")
        return ""


@dataclass
class Timeline:
    bars: list[Bar]
    first: dt.date
    last: dt.date
    today: dt.date
    today_x: float
    today_label: str
    today_anchor: str = "middle"
    ticks: list[tuple[float, str]] = field(default_factory=list)
    rtl: bool = False
    width: int = WIDTH
    label_x: float = PAD
    legend: list = field(default_factory=lambda: [(key, COLOURS[key], label) for key, label in LEGEND])

    @property
    def height(self) -> float:
        return AXIS + ROW * max(len(self.bars), 1) + 8

    @property
    def axis_y(self) -> float:
        return AXIS - 6


def layout(assets, least_ready: dict[int, str], *, today: dt.date, rtl: bool = False) -> Timeline:
    """Bars for these deployments (in the order given), one row each, on one shared time axis."""
    dates = [d for a in assets for d in (a.deployed_on, a.phase_out_on) if d is not None] + [today]
    first, last = min(dates) - dt.timedelta(days=EDGE_DAYS), max(dates) + dt.timedelta(days=EDGE_DAYS)
    span = (last - first).days

    def at(day: dt.date) -> float:
        """Distance from the axis start, from the reader's start side."""
        return PAD + (day - first).days / span * (WIDTH - 2 * PAD)

    def x(offset: float) -> float:
        return round(WIDTH - offset if rtl else offset, 2)

    bars = []
    for i, asset in enumerate(assets):
        bar = Bar(asset=asset, readiness=least_ready.get(asset.pk, NO_DEPENDENCY), y=AXIS + i * ROW)
        start, end = asset.deployed_on, asset.phase_out_on
        if start is not None or end is not None:
            bar.drawn, bar.open_start, bar.open_end = True, start is None, end is None
            begin, finish = at(start or first), at(end or last)
            finish = max(finish, begin + 3)  # a one-day deployment stays visible
            bar.x = x(finish) if rtl else x(begin)
            bar.width = round(finish - begin, 2)
        bar.label = _label(bar)
        bars.append(bar)
    today_x = x(at(today))
    return Timeline(
        bars=bars,
        first=first,
        last=last,
        today=today,
        today_x=today_x,
        today_anchor=_anchor(today_x, rtl),
        today_label=formats.date_format(today, "SHORT_DATE_FORMAT"),
        ticks=[
            (x(at(day)), formats.date_format(day, "YEAR_MONTH_FORMAT")) for day in _months(first, last, at)
        ],
        rtl=rtl,
        label_x=x(PAD),
    )


def _anchor(x: float, rtl: bool, room: float = 70) -> str:
    """A label at ``x`` centred on it, unless that would push it off one side of the chart
    (``text-anchor`` follows the text's direction: "start" is the right-hand side in Arabic)."""
    if x < room:  # near the left edge: the text must run to the right
        return "end" if rtl else "start"
    if x > WIDTH - room:
        return "start" if rtl else "end"
    return "middle"


def _label(bar: Bar) -> str:
    name = bar.asset.name
    if len(name) > LABEL_CHARS:
        name = name[: LABEL_CHARS - 1] + "…"
    # The name keeps its own direction inside the sentence (an English name in an Arabic label):
    # first-strong isolate ... pop directional isolate, as <bdi> does in HTML.
    name = f"\u2068{name}\u2069"
    values = {"name": name, "readiness": str(bar.readiness_label).lower(), "note": bar.note}
    if bar.note:
        # Translators: one bar of the MCDA timeline, e.g. "2 × Mi-8, Beira · alternative: none
        # (no phase-out date: open-ended)".
        return gettext("%(name)s · alternative: %(readiness)s (%(note)s)") % values
    # Translators: one bar of the MCDA timeline, e.g. "2 × Mi-8, Beira · alternative: arranged".
    return gettext("%(name)s · alternative: %(readiness)s") % values


def _months(first: dt.date, last: dt.date, at) -> list[dt.date]:
    """First days of months inside the axis, spaced so their labels neither overlap nor leave it."""
    months, day = [], dt.date(first.year, first.month, 1)
    while day <= last:
        if day > first:
            months.append(day)
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    month_width = at(first + dt.timedelta(days=31)) - at(first)
    step = max(1, math.ceil(MIN_TICK_GAP / month_width))
    half = MIN_TICK_GAP / 2
    return [m for m in months[::step] if PAD + half <= at(m) <= WIDTH - PAD - half]
