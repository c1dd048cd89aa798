"""``python manage.py import_records OPERATION_ID KIND FILE [--dry-run] [--user USERNAME]``

Imports actors, contacts or MCDA deployments from an XLSX, CSV or HXL-tagged CSV file into one
operation, the same way the import page does (same matching, same forms, same history), and
prints what it created, updated and refused (each refused row with its column and reason).
Valid rows are imported and invalid ones refused; ``--dry-run`` only says what would happen.
It runs as ``--user`` (an officer of the operation) or, without it, as the only active superuser.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management.base import BaseCommand, CommandError

from cmcoord.models import Operation
from imports.importers import CREATE, IMPORTERS, UNCHANGED, UPDATE
from imports.services import MAX_UPLOAD_BYTES, import_file


class Command(BaseCommand):
    help = "Import actors, contacts or MCDA deployments (assets) from an XLSX or CSV file."

    def add_arguments(self, parser):
        parser.add_argument("operation_id", type=int)
        parser.add_argument("kind", choices=sorted(IMPORTERS))
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Say what would change; write nothing.")
        parser.add_argument("--user", help="Import as this user (an officer of the operation).")

    def handle(self, *args, operation_id, kind, file, dry_run, user, **options):
        operation = Operation.objects.filter(pk=operation_id).first()
        if operation is None:
            raise CommandError(f"No operation has the id {operation_id}.")
        by = self.user(user)
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        if path.stat().st_size > MAX_UPLOAD_BYTES:
            raise CommandError(f"The file is larger than {MAX_UPLOAD_BYTES // (1024 * 1024)} MB.")
        try:
            plan, counts = import_file(
                operation=operation,
                kind=kind,
                filename=path.name,
                content=path.read_bytes(),
                by=by,
                dry_run=dry_run,
            )
        except PermissionDenied as exc:
            raise CommandError(f"{by} may not import into this operation (officers only).") from exc
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        for issue in plan.issues:
            where = f"row {issue.row}" if issue.row else "file"
            column = f", column {issue.column}" if issue.column else ""
            self.stderr.write(f"Refused {where}{column}: {issue.message}")
        prefix = "Dry run, nothing written: would have " if dry_run else ""
        refused = len([r for r in plan.refused_rows if r]) or (1 if 0 in plan.refused_rows else 0)
        self.stdout.write(
            f"{prefix}created {counts[CREATE]}, updated {counts[UPDATE]}, unchanged {counts[UNCHANGED]}, "
            f"refused {refused} ({kind})."
        )
        if 0 in plan.refused_rows:
            raise CommandError("The file cannot be imported as it is.")

    def user(self, username):
        users = get_user_model().objects.filter(is_active=True)
        if username:
            found = users.filter(username=username).first()
            if found is None:
                raise CommandError(f"No active user is named {username}.")
            return found
        admins = list(users.filter(is_superuser=True)[:2])
        if len(admins) != 1:
            raise CommandError("Name the importing user with --user (an officer of the operation).")
        return admins[0]
