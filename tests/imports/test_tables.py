"""Reading what people upload: encodings, hashtag rows, damaged and hostile workbooks."""

import datetime as dt
import io
import zipfile

import pytest

from cmcoord.formats.tables import TableError, normalise_tag, read_table
from tests.imports.conftest import workbook


def test_a_workbook_gives_text_cells_with_iso_dates_and_whole_numbers():
    table = read_table(workbook([["Name", "Since", "Quantity"], ["WFP", dt.datetime(2026, 3, 1), 2.0]]))
    assert table.headers == ["Name", "Since", "Quantity"]
    assert table.rows == [(2, ["WFP", "2026-03-01", "2"])]


def test_the_hashtag_row_is_found_under_the_headers_in_any_spelling():
    table = read_table(b"Organisation,Where\n#Org +Name,#adm1+code\nWFP,MZ07\n")
    assert table.tags == ["#org+name", "#adm1+code"]
    assert table.rows == [(3, ["WFP", "MZ07"])]
    assert normalise_tag("#contact+satellite+phone") == normalise_tag("#contact+phone+satellite")


def test_a_windows_csv_with_semicolons_reads():
    table = read_table("Nom;Acronyme\nMédecins Sans Frontières;MSF\n".encode("cp1252"))
    assert table.rows == [(2, ["Médecins Sans Frontières", "MSF"])]


def test_a_guarded_formula_reads_back_as_typed():
    assert read_table(b"Name\n'=1+1\n").rows == [(2, ["=1+1"])]


@pytest.mark.parametrize(
    "content",
    [b"", b"PK\x03\x04broken", b"\x00\x01\x02\x03" * 10, b"\n\n\n"],
    ids=["empty", "broken zip", "binary", "blank lines"],
)
def test_an_unreadable_file_is_a_clear_error(content):
    with pytest.raises(TableError):
        read_table(content, "file.xlsx" if content.startswith(b"PK") else "file.csv")


def test_a_workbook_with_an_xml_entity_bomb_is_refused():
    source = zipfile.ZipFile(io.BytesIO(workbook([["Name"], ["WFP"]])))
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = bomb.encode() if item.filename.endswith("sheet1.xml") else source.read(item.filename)
            target.writestr(item, data)
    with pytest.raises(TableError):
        read_table(out.getvalue(), "bomb.xlsx")


def test_too_many_rows_are_refused():
    with pytest.raises(TableError, match="more than 5000 rows"):
        read_table(b"Name\n" + b"x\n" * 5_001)
