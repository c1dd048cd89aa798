"""Reading a spreadsheet people bring: XLSX, CSV, or CSV with an HXL hashtag row.

``read_table(content, filename)`` gives a ``Table``: the header texts, the HXL hashtags (when a
hashtag row is found among the first rows: the exports' second row, or a file tagged by hand),
and the data rows, each with its row number as the spreadsheet shows it. Every cell is text:
dates from a workbook become ISO 8601, whole numbers lose Excel's ``.0``. What the texts mean
is for the importer (``imports``) to decide through the models' forms.

XLSX is read with openpyxl (read-only, values not formulas, its XML through defusedxml); CSV
with the standard library, in UTF-8 (with or without a byte-order mark) or else Windows-1252, as
spreadsheets save it.
"""

import csv
import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from cmcoord.formats.hxl import unguard

MAX_ROWS = 5_000
MAX_COLUMNS = 100
MAX_CELL = 10_000  # characters in one cell
HASHTAG_SEARCH_ROWS = 10  # HXL allows the hashtag row anywhere above the data; look this far


class TableError(ValueError):
    """The file cannot be read as a table; the message says why, for the person who sent it."""


@dataclass
class Table:
    headers: list[str]
    tags: list[str]  # normalised hashtags ("#org+name"), "" where a column has none
    rows: list[tuple[int, list[str]]] = field(default_factory=list)  # (row number, cells)

    @property
    def hxl(self) -> bool:
        return any(self.tags)

    def column_name(self, index: int) -> str:
        """How an error names a column: its letter and its header (or hashtag)."""
        label = self.headers[index] if index < len(self.headers) and self.headers[index] else ""
        label = label or (self.tags[index] if index < len(self.tags) else "")
        letter = get_column_letter(index + 1)
        return f"{letter} ({label})" if label else letter


_TAG = re.compile(r"#[a-z][a-z0-9_]*(?:\s*\+\s*[a-z][a-z0-9_]*)*", re.IGNORECASE)


def normalise_tag(text: str) -> str:
    """``#Org +Name`` and ``#org+name`` are one hashtag; attributes in any order are one too."""
    text = (text or "").strip()
    if not _TAG.fullmatch(text):
        return ""
    parts = [p.strip().lower() for p in text.split("+")]
    return "+".join([parts[0], *sorted(set(parts[1:]))])


def _is_hashtag_row(cells: list[str]) -> bool:
    filled = [c for c in cells if c.strip()]
    return bool(filled) and all(normalise_tag(c) for c in filled)


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _clean(text: str) -> str:
    return unguard(text.replace("\x00", "").strip())


# What a damaged or hostile workbook raises (defusedxml's refusals are ValueErrors).
_UNREADABLE = (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, EOFError, AttributeError)


def _xlsx_rows(content: bytes):
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except _UNREADABLE as exc:
        raise TableError(_("This file is not a readable XLSX workbook.")) from exc
    try:
        sheet = workbook.worksheets[0] if workbook.worksheets else None
        if sheet is None:
            raise TableError(_("This workbook has no sheet."))
        for values in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1):
            cells = [_text(v) for v in values]
            while cells and not cells[-1].strip():
                cells.pop()  # a sheet's rows run to its widest column
            yield cells
    except TableError:
        raise
    except _UNREADABLE as exc:
        raise TableError(_("This file is not a readable XLSX workbook.")) from exc
    finally:
        workbook.close()


def _csv_rows(content: bytes):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise TableError(_("This file is neither UTF-8 nor Windows-1252 text."))
    if "\x00" in text:
        raise TableError(_("This file is not a CSV text file."))
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    try:
        yield from csv.reader(io.StringIO(text, newline=""), dialect)
    except csv.Error as exc:
        raise TableError(_("This CSV file cannot be read: %(error)s") % {"error": exc}) from exc


def read_table(content: bytes, filename: str = "") -> Table:
    """The table in an uploaded file (XLSX if it is a zip workbook, else CSV)."""
    is_xlsx = content[:4] == b"PK\x03\x04"
    if filename.lower().endswith((".xlsx", ".xlsm")) and not is_xlsx:
        raise TableError(_("This file is not a readable XLSX workbook."))
    source = _xlsx_rows(content) if is_xlsx else _csv_rows(content)
    numbered = []
    for number, cells in enumerate(source, start=1):
        cells = [_clean(_text(c)) for c in cells]
        if len(cells) > MAX_COLUMNS:
            raise TableError(_("The file has more than %(count)d columns.") % {"count": MAX_COLUMNS})
        if any(len(c) > MAX_CELL for c in cells):
            raise TableError(
                _("Row %(row)d has a cell longer than %(count)d characters.")
                % {"row": number, "count": MAX_CELL}
            )
        if any(cells):
            numbered.append((number, cells))
        if len(numbered) > MAX_ROWS + HASHTAG_SEARCH_ROWS:
            raise TableError(_("The file has more than %(count)d rows.") % {"count": MAX_ROWS})
    if not numbered:
        raise TableError(_("The file is empty."))
    tag_at = next(
        (i for i, (_n, cells) in enumerate(numbered[:HASHTAG_SEARCH_ROWS]) if _is_hashtag_row(cells)), None
    )
    if tag_at is None:
        headers, tags, data = numbered[0][1], [], numbered[1:]
    else:
        tags = [normalise_tag(c) for c in numbered[tag_at][1]]
        headers = numbered[tag_at - 1][1] if tag_at > 0 else []
        data = numbered[tag_at + 1 :]
    width = max([len(headers), len(tags), *[len(cells) for _n, cells in data]])
    headers = headers + [""] * (width - len(headers))
    tags = tags + [""] * (width - len(tags))
    if len(data) > MAX_ROWS:
        raise TableError(_("The file has more than %(count)d rows.") % {"count": MAX_ROWS})
    return Table(
        headers=headers, tags=tags, rows=[(n, cells + [""] * (width - len(cells))) for n, cells in data]
    )
