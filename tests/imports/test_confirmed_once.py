"""Two confirmations of one upload at the same moment (a double click reaching two web hosts):
one imports, the other finds it imported and writes nothing. Real PostgreSQL transactions."""

import pytest

from actors.models import Actor, ActorPresence
from imports.models import ImportBatch
from imports.services import AlreadyImported, import_confirm, import_plan, import_upload
from tests.concurrency import race
from tests.imports.conftest import read


@pytest.mark.postgres
def test_two_confirmations_at_once_import_once(
    require_postgres, transactional_db, places, operation, officer
):
    batch = import_upload(
        operation=operation, kind="actors", filename="a.csv", content=read("actors_good.csv"), by=officer
    )
    digest = import_plan(batch, by=officer).digest

    def confirm():
        try:
            fresh = ImportBatch.objects.get(pk=batch.pk)
            return import_confirm(batch=fresh, by=officer, seen_digest=digest, skip_invalid=False)
        except AlreadyImported:
            return "already imported"

    [second] = race(confirm, confirm)

    assert second == "already imported"
    assert Actor.objects.count() == 3
    assert ActorPresence.objects.count() == 3
    batch.refresh_from_db()
    assert (batch.status, batch.created_count) == ("imported", 3)
