"""``manage.py import_records OPERATION_ID KIND FILE [--dry-run]``: counts created, updated, refused."""

import pytest
from django.core.management import CommandError, call_command

from actors.models import Actor
from tests.imports.conftest import FILES

pytestmark = pytest.mark.usefixtures("places")


def run(*args):
    from io import StringIO

    out, err = StringIO(), StringIO()
    call_command("import_records", *map(str, args), stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_dry_run_says_what_would_change_and_writes_nothing(operation, officer):
    out, _err = run(operation.pk, "actors", FILES / "actors_good.csv", "--dry-run", "--user", "officer")

    assert "would have created 3, updated 0, unchanged 0, refused 0" in out
    assert not Actor.objects.exists()


def test_imports_valid_rows_and_lists_the_refused_ones(operation, officer):
    out, err = run(operation.pk, "actors", FILES / "actors_mixed.csv", "--user", "officer")

    assert "created 1, updated 0, unchanged 0, refused 4" in out
    assert "Refused row 3, column F (Admin 2 P-code): No area of MOZ has the P-code “MZ9999”." in err
    assert list(Actor.objects.values_list("acronym", flat=True)) == ["MSF"]

    out, _err = run(operation.pk, "actors", FILES / "actors_mixed.csv", "--user", "officer")
    assert "created 0, updated 0, unchanged 1, refused 4" in out  # the second run duplicates nothing


def test_without_a_user_it_runs_as_the_only_administrator(operation, administrator):
    out, _err = run(operation.pk, "contacts", FILES / "contacts_good.csv", "--dry-run")
    assert "refused 2" in out  # their actors are not imported yet


@pytest.mark.parametrize("who", ["field", "hct", "outsider"])
def test_only_officers_import(request, operation, who):
    user = request.getfixturevalue(who)
    with pytest.raises(CommandError, match="may not import"):
        run(operation.pk, "actors", FILES / "actors_good.csv", "--user", user.username)
    assert not Actor.objects.exists()


def test_an_officer_of_another_operation_cannot_import_here(operation, other_operation):
    from cmcoord.roles import Role
    from cmcoord.services import role_grant
    from tests.factories import UserFactory

    role_grant(user=UserFactory(username="malawi"), operation=other_operation, role=Role.OFFICER)
    with pytest.raises(CommandError, match="may not import"):
        run(operation.pk, "actors", FILES / "actors_good.csv", "--user", "malawi")
