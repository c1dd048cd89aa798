"""Real files for the import tests: the CSVs in files/, and XLSX workbooks written by openpyxl."""

import io
from pathlib import Path

import pytest
from django.utils import translation
from openpyxl import Workbook

from cmcoord.reference import load_areas, load_sectors

FILES = Path(__file__).parent / "files"


def read(name: str) -> bytes:
    return (FILES / name).read_bytes()


def workbook(rows: list[list]) -> bytes:
    """An XLSX file as a spreadsheet program saves it (real dates, numbers, text)."""
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def places(db):
    """The shipped P-codes of Mozambique and the IASC sectors."""
    load_sectors()
    load_areas("MOZ")


@pytest.fixture(autouse=True)
def in_english():
    """The services run outside a request: their messages follow the active language, English here."""
    with translation.override("en"):
        yield
