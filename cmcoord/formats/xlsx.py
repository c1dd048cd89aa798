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
from openpyxl.cell.cell import TYPE_STRING
from openpyxl.styles import Font

from cmcoord.formats.hxl import unguard

_WHOLE_NUMBER = re.compile(r"(?:0|[1-9][0-9]{0,14})")


def xlsx_bytes(rows: Iterable[list[str]], *, title: str = "CMCoord") -> bytes:
    """A one-sheet workbook of ``rows`` (lists of cell texts), the first two rows in bold."""
    workbook = Workbook(write_only=False)
    sheet = workbook.active
    sheet.title = title[:31]
    for index, values in enumerate(rows):
        sheet.append([None] * len(values))
        for column, text in enumerate(values, start=1):
            cell = sheet.cell(row=index + 1, column=column)
            if index >= 2 and _WHOLE_NUMBER.fullmatch(text):
                cell.value = int(text)
            elif text:
                cell.value = text
                cell.data_type = TYPE_STRING  # openpyxl would take "=..." for a formula
            if index < 2:
                cell.font = Font(bold=True)
    sheet.freeze_panes = "A3"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_of(hxl_builder: Callable[..., str]) -> Callable[..., bytes]:
    """The XLSX export of a list, from its HXL builder: same columns, same rows, same masking."""

    def build(rows, *, request, view) -> bytes:
        text = hxl_builder(rows, request=request, view=view)
        table = [[unguard(value) for value in row] for row in csv.reader(io.StringIO(text))]
        return xlsx_bytes(table)

    build.__name__ = hxl_builder.__name__.replace("_hxl", "_xlsx")
    return build
