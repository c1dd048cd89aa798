"""``?format=xlsx``: every list with an HXL export also gives a workbook with the same columns and
rows, the same masking, and text that never runs as a formula."""

import csv
import io

import pytest
from openpyxl import load_workbook

from tests.factories import ActorFactory

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LISTS = ["actors", "contacts", "assets", "dependencies", "meetings", "action-points", "cell-requests"]


def sheet_rows(response):
    assert response.status_code == 200, response.getvalue()
    assert response["Content-Type"] == XLSX
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    return [["" if v is None else str(v) for v in row] for row in sheet.iter_rows(values_only=True)]


def csv_rows(response):
    return list(csv.reader(io.StringIO(response.getvalue().decode())))


@pytest.mark.parametrize("path", LISTS)
@pytest.mark.parametrize("who", ["officer", "field", "partner"])
def test_the_workbook_has_the_hxl_exports_columns_and_rows(world, api, path, who):
    client = api(who)
    workbook = sheet_rows(client.get(f"/api/v1/{path}/?format=xlsx"))
    hxl = csv_rows(client.get(f"/api/v1/{path}/?format=hxl"))

    assert workbook[:2] == hxl[:2]  # the header row and the hashtag row
    assert workbook == [[value.lstrip("'") for value in row] for row in hxl]


def test_a_formula_stays_text_in_the_workbook(world, api):
    ActorFactory(operation=world.operation, name='=HYPERLINK("http://evil")')
    response = api("officer").get("/api/v1/actors/?format=xlsx")
    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    cells = [c for row in sheet.iter_rows() for c in row if c.value == '=HYPERLINK("http://evil")']
    assert cells and all(c.data_type == "s" for c in cells)


def test_a_workbook_request_without_credentials_is_a_json_401(world, api):
    response = api("anonymous").get("/api/v1/actors/?format=xlsx")
    assert response.status_code == 401
    assert response["Content-Type"].startswith("application/json")
