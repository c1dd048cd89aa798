"""Test-only catalogs: the project's .po msgids with made-up translations, compiled with polib.

``install_catalog(settings, tmp_path, "fr", translate)`` puts a catalog for ``fr`` first in
LOCALE_PATHS (Django drops its translation caches when the setting changes).
"""

from collections.abc import Callable
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parents[2]


def project_po(language: str) -> polib.POFile:
    return polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))


def install_catalog(settings, tmp_path: Path, language: str, translate: Callable[[str], str]) -> polib.POFile:
    po = project_po(language)
    for entry in po:
        entry.flags = [f for f in entry.flags if f != "fuzzy"]
        if entry.msgid_plural:
            entry.msgstr_plural = {0: translate(entry.msgid), 1: translate(entry.msgid_plural)}
        else:
            entry.msgstr = translate(entry.msgid)
    target = tmp_path / "locale" / language / "LC_MESSAGES"
    target.mkdir(parents=True)
    po.save_as_mofile(str(target / "django.mo"))
    settings.LOCALE_PATHS = [tmp_path / "locale", *settings.LOCALE_PATHS]
    return po
