"""Writes of imports: keep an upload for its preview, then import it once, when confirmed.

``import_upload`` stores the file (in the database, with who uploaded it) after checking it reads
as a table; ``import_plan`` reads it again and plans the changes (nothing written);
``import_confirm`` plans again and writes in one transaction, and only once: the batch moves
from "previewed" to "imported" with a conditional UPDATE in that transaction, so a second
confirmation (a double click, two tabs, two hosts) finds it imported and writes nothing.
The command line (``import_records``) uses ``import_file``: the same plan and writes, no batch.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cmcoord.formats.tables import TableError, read_table
from cmcoord.permissions import ensure
from imports.importers import IMPORTERS, Plan
from imports.models import BatchStatus, ImportBatch

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
KEEP_UNCONFIRMED = dt.timedelta(days=2)


class AlreadyImported(Exception):
    """The batch was imported already (by this confirmation's twin): nothing more is written."""


class PlanChanged(Exception):
    """The records changed since the preview the officer confirmed: here is the new plan."""

    def __init__(self, plan: Plan):
        super().__init__(plan.digest)
        self.plan = plan


class InvalidRowsNotSkipped(Exception):
    def __init__(self, plan: Plan):
        super().__init__(len(plan.refused_rows))
        self.plan = plan


def read_upload(content: bytes, filename: str):
    if len(content) > MAX_UPLOAD_BYTES:
        raise ValidationError(
            _("The file is larger than %(size)d MB.") % {"size": MAX_UPLOAD_BYTES // (1024 * 1024)}
        )
    try:
        return read_table(content, filename)
    except TableError as exc:
        raise ValidationError(str(exc)) from exc


@transaction.atomic
def import_upload(*, operation, kind: str, filename: str, content: bytes, by) -> ImportBatch:
    """Keep the file for its preview; it must read as a table. Old unconfirmed uploads are dropped."""
    ensure(by, "manage_registry", operation.pk)
    if kind not in IMPORTERS:
        raise ValidationError({"kind": _("Choose what the file holds.")})
    read_upload(content, filename)
    ImportBatch.objects.filter(
        created_by=by, status=BatchStatus.PREVIEWED, created_at__lt=timezone.now() - KEEP_UNCONFIRMED
    ).delete()
    return ImportBatch.objects.create(
        operation=operation, kind=kind, created_by=by, filename=filename[:255], content=content
    )


def plan_table(*, operation, kind: str, table, by) -> Plan:
    ensure(by, "manage_registry", operation.pk)
    return IMPORTERS[kind](operation=operation, user=by).plan(table)


def import_plan(batch: ImportBatch, *, by) -> Plan:
    """What confirming would do now (re-read from the stored file; nothing is written)."""
    table = read_upload(bytes(batch.content), batch.filename)
    return plan_table(operation=batch.operation, kind=batch.kind, table=table, by=by)


def _write(plan: Plan, *, operation, by) -> dict:
    importer = IMPORTERS[plan.kind](operation=operation, user=by)
    return importer.apply(plan)


@transaction.atomic
def import_confirm(*, batch: ImportBatch, by, seen_digest: str, skip_invalid: bool) -> dict:
    """Import what the officer previewed: all rows valid, or the listed invalid rows skipped.

    Refused (nothing written) if the outcome differs from the preview the officer saw
    (``PlanChanged``), or if rows are invalid and skipping them was not chosen.
    """
    if batch.created_by_id != by.pk:
        raise PermissionDenied
    # Claimed first: a twin confirmation waits here for this one to commit, then finds it done.
    claimed = ImportBatch.objects.filter(pk=batch.pk, status=BatchStatus.PREVIEWED).update(
        status=BatchStatus.IMPORTED, imported_at=timezone.now()
    )
    if not claimed:
        raise AlreadyImported
    plan = import_plan(batch, by=by)  # a refusal below rolls the claim back with everything
    if plan.digest != seen_digest:
        raise PlanChanged(plan)
    if plan.refused_rows and not skip_invalid:
        raise InvalidRowsNotSkipped(plan)
    if 0 in plan.refused_rows:  # the file as a whole cannot be imported
        raise InvalidRowsNotSkipped(plan)
    counts = _write(plan, operation=batch.operation, by=by)
    ImportBatch.objects.filter(pk=batch.pk).update(
        content=b"",  # the rows are in the records now; no second copy of people's details
        created_count=counts["create"],
        updated_count=counts["update"],
        unchanged_count=counts["unchanged"],
        refused_count=len(plan.refused_rows),
    )
    return counts


def import_file(*, operation, kind: str, filename: str, content: bytes, by, dry_run: bool = False):
    """The command line's import: (plan, counts). Valid rows are imported, invalid ones refused."""
    table = read_upload(content, filename)
    with transaction.atomic():
        plan = plan_table(operation=operation, kind=kind, table=table, by=by)
        if dry_run or 0 in plan.refused_rows:
            counts = {action: len(plan.of(action)) for action in ("create", "update", "unchanged")}
            return plan, counts
        return plan, _write(plan, operation=operation, by=by)
