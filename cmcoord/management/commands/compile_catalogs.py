"""Compile locale/*/LC_MESSAGES/*.po into .mo in Python: no system gettext (msgfmt) needed.

Like msgfmt, only translated entries go into the .mo (not fuzzy or obsolete ones), so an
untranslated message shows in English rather than empty.
"""

from pathlib import Path

import polib
from django.conf import settings
from django.core.management.base import BaseCommand


def catalogs() -> list[Path]:
    return sorted(p for root in settings.LOCALE_PATHS for p in Path(root).glob("*/LC_MESSAGES/*.po"))


def compile_catalog(po_path: Path) -> Path:
    mo_path = po_path.with_suffix(".mo")
    polib.pofile(str(po_path)).save_as_mofile(str(mo_path))
    return mo_path


class Command(BaseCommand):
    help = "Compile the translation catalogs (.po) in LOCALE_PATHS into .mo files, without gettext."

    def handle(self, *args, **options):
        for po_path in catalogs():
            self.stdout.write(f"compiled {compile_catalog(po_path)}")
