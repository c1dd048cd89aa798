"""The catalogs: committed .mo files match their .po sources, and the .po files hold every msgid.

`make run` serves translated pages on a fresh clone without system gettext because the compiled
.mo files are committed (``manage.py compile_catalogs`` rebuilds them in Python, with polib).
"""

import io
import shutil
import subprocess
import sys

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from tests.conftest import require_service
from tests.i18n.catalogs import ROOT

LANGUAGES = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
MAKEMESSAGES_IGNORE = [".venv", "tests", "staticfiles", "test-artifacts", "bench"]


def translations(catalog) -> dict:
    """msgid (with context and plural) -> translation, for the entries a .mo would hold."""
    found = {}
    for entry in catalog:
        if not entry.msgid or entry.obsolete or "fuzzy" in entry.flags:
            continue
        strings = tuple(entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)) or (entry.msgstr,)
        if any(strings):
            found[(entry.msgctxt, entry.msgid, entry.msgid_plural)] = strings
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_a_catalog(language):
    assert (ROOT / "locale" / language / "LC_MESSAGES" / "django.po").exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_committed_mo_files_match_their_po_sources(language):
    folder = ROOT / "locale" / language / "LC_MESSAGES"
    assert (folder / "django.mo").exists(), "run: python manage.py compile_catalogs"
    po, mo = polib.pofile(str(folder / "django.po")), polib.mofile(str(folder / "django.mo"))
    assert translations(mo) == translations(po), "stale .mo: run python manage.py compile_catalogs"
    assert mo.metadata.get("Plural-Forms") == po.metadata.get("Plural-Forms")


def test_compile_catalogs_needs_no_gettext_and_django_reads_its_output(tmp_path, settings):
    folder = tmp_path / "locale" / "fr" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": "nplurals=2; plural=(n > 1);"}
    po.append(polib.POEntry(msgid="Cell meeting", msgstr="Réunion de la cellule"))
    po.append(polib.POEntry(msgid="Untranslated", msgstr=""))
    po.save(str(folder / "django.po"))
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    call_command("compile_catalogs", stdout=io.StringIO())
    assert (folder / "django.mo").exists()
    with translation.override("fr"):
        assert translation.gettext("Cell meeting") == "Réunion de la cellule"
        assert translation.gettext("Untranslated") == "Untranslated"


def test_makemessages_finds_no_msgid_missing_from_the_committed_catalogs(tmp_path):
    """Fails when code or templates gained a marked string nobody extracted into the catalogs."""
    require_service("xgettext (GNU gettext)", bool(shutil.which("xgettext")), "apt-get install gettext")
    work = tmp_path / "project"
    shutil.copytree(
        ROOT, work, ignore=shutil.ignore_patterns(*MAKEMESSAGES_IGNORE, "locale", ".git", "*.sqlite3")
    )
    (work / "locale").mkdir()
    ignore = [f"--ignore={name}" for name in MAKEMESSAGES_IGNORE]
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fr", *ignore],
        cwd=work,
        check=True,
        capture_output=True,
    )
    extracted = polib.pofile(str(work / "locale" / "fr" / "LC_MESSAGES" / "django.po"))
    for language in LANGUAGES:
        committed = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
        have = {(e.msgctxt, e.msgid) for e in committed if not e.obsolete}
        missing = sorted(e.msgid for e in extracted if (e.msgctxt, e.msgid) not in have)
        assert not missing, f"{language}: run `make catalogs`; missing: {missing[:10]}"


PLACEHOLDER = __import__("re").compile(r"%\((\w+)\)[sd]|\{(\w+)\}")
PLURALS = {"fr": 2, "es": 2, "pt": 2, "ar": 6}


def _names(text: str) -> set[str]:
    return {a or b for a, b in PLACEHOLDER.findall(text)}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated_and_keeps_its_placeholders(language):
    """No untranslated or fuzzy entry, every plural form filled, and no placeholder lost or
    invented (a lost %(name)s would show the reader an empty hole; an unknown one, a 500)."""
    catalog = polib.pofile(str(ROOT / "locale" / language / "LC_MESSAGES" / "django.po"))
    assert [e.msgid for e in catalog.untranslated_entries()] == []
    assert [e.msgid for e in catalog.fuzzy_entries()] == []
    wrong = []
    for entry in catalog.translated_entries():
        if entry.msgid_plural:
            forms = entry.msgstr_plural
            if len(forms) != PLURALS[language] or not all(forms.values()):
                wrong.append(f"plural forms: {entry.msgid}")
            allowed = _names(entry.msgid) | _names(entry.msgid_plural)
            if any(not _names(text) <= allowed for text in forms.values()):
                wrong.append(f"placeholder: {entry.msgid}")
        elif _names(entry.msgstr) != _names(entry.msgid):
            wrong.append(f"placeholder: {entry.msgid}")
    assert wrong == []
