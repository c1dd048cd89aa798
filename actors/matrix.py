"""The 3W presence matrix: who (actors, the rows) does what (sectors) where (areas), from the
actors' presences the reader may see; columns are the areas, or the sectors.

Two queries whatever the registry's size: the actors shown (a bounded page of those present
somewhere now), then their current presences with areas and sectors.
"""

import datetime as dt
from dataclasses import dataclass, field

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from actors.models import Actor, ActorPresence, Category

BY_AREA, BY_SECTOR = "area", "sector"
MAX_ROWS = 150  # a page, not the whole registry: past it, the page says so and asks for a filter


class MatrixForm(forms.Form):
    by = forms.ChoiceField(
        label=_("Columns"),
        choices=[
            (BY_AREA, pgettext_lazy("3W columns", "Areas")),
            (BY_SECTOR, pgettext_lazy("3W columns", "Sectors")),
        ],
        required=False,
        widget=forms.RadioSelect,
    )
    category = forms.MultipleChoiceField(
        label=_("Category"), choices=Category.choices, required=False, widget=forms.CheckboxSelectMultiple
    )


@dataclass
class Column:
    key: object  # the area's or sector's id; None for presences that do not name one
    label: str
    code: str = ""
    count: int = 0  # actors marked in this column (of the rows shown)


@dataclass
class Row:
    actor: Actor
    cells: list  # (column, mark) for each column; mark: None, or the sectors seen there (area columns)


@dataclass
class Matrix:
    by: str
    columns: list[Column] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    more: bool = False


def current(today: dt.date) -> Q:
    """Presences not ended before today (a 3W shows who is there now)."""
    return Q(end_date__isnull=True) | Q(end_date__gte=today)


def presence_matrix(user, operation, *, by: str, categories, today: dt.date) -> Matrix:
    actors = Actor.objects.for_user(user).filter(operation=operation)
    if categories:
        actors = actors.filter(category__in=categories)
    present = ActorPresence.objects.filter(current(today), actor=OuterRef("pk"))
    actors = list(actors.filter(Exists(present)).order_by("name", "pk")[: MAX_ROWS + 1])
    matrix = Matrix(by=by, more=len(actors) > MAX_ROWS)
    actors = actors[:MAX_ROWS]
    presences = (
        ActorPresence.objects.for_user(user)
        .filter(current(today), actor__in=[a.pk for a in actors])
        .select_related("area", "sector")
        .order_by()
    )
    columns: dict[object, Column] = {}
    marks: dict[tuple[int, object], dict] = {}
    for presence in presences:
        place = presence.area if by == BY_AREA else presence.sector
        key = place.pk if place is not None else None
        if key not in columns:
            columns[key] = _column(place, by)
        sectors = marks.setdefault((presence.actor_id, key), {})
        if by == BY_AREA and presence.sector is not None:
            sectors[presence.sector.code] = presence.sector
    matrix.columns = sorted(columns.values(), key=lambda c: (c.key is None, c.code))
    for actor in actors:
        cells = []
        for column in matrix.columns:
            mark = marks.get((actor.pk, column.key))
            if mark is not None:
                column.count += 1
                cells.append((column, [mark[code] for code in sorted(mark)]))
            else:
                cells.append((column, None))
        matrix.rows.append(Row(actor=actor, cells=cells))
    return matrix


def _column(place, by: str) -> Column:
    if place is None:
        label = _("Area not given") if by == BY_AREA else _("Sector not given")
        return Column(key=None, label=str(label))
    if by == BY_AREA:
        return Column(key=place.pk, label=place.name, code=place.pcode)
    return Column(key=place.pk, label=place.display_name, code=place.code)
