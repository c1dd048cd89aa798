"""Property-based (Hypothesis): whatever cells a file holds under the headers an import reads, the
plan answers with changes or errors, never an exception (no upload gives a server error)."""

import csv
import io

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from imports.importers import IMPORTERS
from imports.services import read_upload

HEADERS = {
    "actors": [
        "#meta+id",
        "#org+name",
        "#org+code",
        "#org+type",
        "#meta+category",
        "#sector+cluster+code",
        "#adm1+code",
        "#adm2+code",
        "#date+start",
        "#date+end",
        "Sensitivity",
        "Association risk",
    ],
    "contacts": [
        "#meta+id",
        "#contact+name",
        "#contact+role",
        "#contact+phone",
        "#contact+email",
        "#org+name",
        "#date+verified",
    ],
    "assets": [
        "#meta+id",
        "#item+name",
        "#item+type",
        "#capacity",
        "#group+name",
        "#adm2+code",
        "#sector+cluster+code",
        "#activity+type",
        "#date+start",
        "#date+end",
        "#status",
    ],
}
cell = st.one_of(
    st.text(max_size=30),
    st.sampled_from(
        [
            "",
            "MZ07",
            "MZ0701",
            "LOG",
            "2026-02-30",
            "99999999999999999999",
            "-1",
            "un_agency",
            "ingo",
            "international_civilian",
            "helicopter",
            "deployed",
            "a@b.c",
            "+258 84",
            "'=1",
        ]
    ),
)


@pytest.mark.parametrize("kind", sorted(HEADERS))
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.lists(cell, min_size=1, max_size=12), min_size=1, max_size=4))
def test_any_cells_are_planned_without_an_exception(places, operation, officer, kind, rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(HEADERS[kind])
    writer.writerows(rows)
    try:
        table = read_upload(buffer.getvalue().encode(), "f.csv")
    except Exception as exc:  # noqa: BLE001 - only the reader's own refusal is acceptable
        from django.core.exceptions import ValidationError

        assert isinstance(exc, ValidationError), exc
        return
    plan = IMPORTERS[kind](operation=operation, user=officer).plan(table)
    assert plan.total_rows == len(table.rows)
