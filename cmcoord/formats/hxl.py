"""CSV with an HXL hashtag row (https://hxlstandard.org): one header row, one tag row, the data.

A table is a list of ``Column(header, tag, value)``; ``value`` takes one row object. Dates are
ISO 8601; several values in one cell (the areas an asset serves) are joined with "; ".
"""

import csv
import datetime as dt
import io
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from cmcoord.masking import mask_for

LIST_SEPARATOR = "; "
# A cell a spreadsheet would run as a formula gets a leading apostrophe (phone numbers do not).
_FORMULA = re.compile(r"^[=@\t\r]|^[+-](?![0-9 ()./-]*$)")


@dataclass(frozen=True)
class Column:
    header: str
    tag: str
    value: Callable[[Any], Any]


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, list | tuple | set):
        return LIST_SEPARATOR.join(cell(v) for v in value if v not in (None, ""))
    text = str(value)
    return "'" + text if _FORMULA.match(text) else text


def unguard(text: str) -> str:
    """A cell as it was before ``cell`` guarded it against running as a formula."""
    if text.startswith("'") and _FORMULA.match(text[1:]):
        return text[1:]
    return text


def hxl_csv(columns: list[Column], rows: Iterable) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([c.header for c in columns])
    writer.writerow([c.tag for c in columns])
    for row in rows:
        writer.writerow([cell(c.value(row)) for c in columns])
    return buffer.getvalue()


def admin_codes(area) -> tuple[str | None, str | None]:
    """(admin 1 P-code, admin 2 P-code) of an area of any level."""
    if area is None or area.level == 0:
        return None, None
    if area.level == 1:
        return area.pcode, None
    return (area.parent.pcode if area.parent_id else None), area.pcode


def adm1(area) -> str | None:
    return admin_codes(area)[0]


def adm2(area) -> str | None:
    return admin_codes(area)[1]


def visible_related_of(request, model, get: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """A column value: the related record ``get(row)`` if the reader may see it, else blank."""

    def value(row):
        related = get(row)
        return mask_for(request).visible(related, model)

    return value
