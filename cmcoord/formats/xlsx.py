"""XLSX (Excel) exports with the same columns as the HXL exports, and the workbook writer.

``xlsx_of(builder)`` turns an app's HXL builder (``actors_hxl``...) into an XLSX builder: the
workbook holds the same header row, hashtag row and data, so the columns cannot drift apart and
a downloaded workbook imports back (``imports``). Every text cell is written as text, never as a
formula (a name starting with ``=`` stays a name); whole numbers without a leading zero (ids,
quantities) are numbers.
"""

import csv
import io
import re
from collections.abc import Callable, Iterable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Font

from cmcoord.formats.hxl import unguard

_WHOLE_NUMBER = re.compile(r"(?:0|[1-9][0-9]{0,14})")


BOLD = Font(bold=True)


class XlsxWriter:
    """A one-sheet workbook written row by row (openpyxl's write-only mode: the rows go to a
    temporary file, not a tree in memory); the first two rows (header, hashtags) in bold."""

    def __init__(self, title: str = "CMCoord"):
        self.workbook = Workbook(write_only=True)
        self.sheet = self.workbook.create_sheet(title[:31])
        self.sheet.freeze_panes = "A3"
        self.index = 0

    def append(self, values: list[str]) -> None:
        self.sheet.append([self._cell(text) for text in values])
        self.index += 1

    def _cell(self, text: str) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.sheet)
        if self.index >= 2 and _WHOLE_NUMBER.fullmatch(text):
            cell.value = int(text)
        elif text:
            cell.value = text
            cell.data_type = TYPE_STRING  # openpyxl would take "=..." for a formula
        if self.index < 2:
            cell.font = BOLD
        return cell

    def close(self) -> bytes:
        buffer = io.BytesIO()
        self.workbook.save(buffer)
        return buffer.getvalue()


def xlsx_bytes(rows: Iterable[list[str]], *, title: str = "CMCoord") -> bytes:
    writer = XlsxWriter(title)
    for values in rows:
        writer.append(values)
    return writer.close()


def xlsx_of(hxl_builder: Callable[..., str]) -> Callable[..., list[list[str]]]:
    """The XLSX export of a list, from its HXL builder: same columns, same rows, same masking.

    It gives the table of a chunk of rows (header, hashtags, data); ``XLSXRenderer`` writes the
    chunks into one workbook.
    """

    def build(rows, *, request, view) -> list[list[str]]:
        text = hxl_builder(rows, request=request, view=view)
        return [[unguard(value) for value in row] for row in csv.reader(io.StringIO(text))]

    build.__name__ = hxl_builder.__name__.replace("_hxl", "_xlsx")
    return build
