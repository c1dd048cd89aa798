"""Every text a person reads is marked for translation: pages rendered in a pseudo-locale.

The pseudo-locale ``qps`` translates every msgid (the project's catalog, and Django's and the
installed apps' own) to ``⟦msgid⟧``. A page rendered in it must show no text outside those
markers, except the records' own words (the fixtures' names, titles and notes), numbers and
punctuation. A string left unmarked in a template or in Python shows up here, in English.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import django
import polib
import pytest
from django.apps import apps
from django.db import models
from django.urls import reverse

from tests.factories import (
    ActionPointFactory,
    ActorFactory,
    CellRequestFactory,
    ContactFactory,
    MeetingFactory,
)
from tests.i18n.catalogs import project_po

PSEUDO = "qps"
MARKED = re.compile(r"⟦[^⟦⟧]*⟧")  # innermost first: a marked sentence may hold a marked word
URL = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s⟧]+")  # an address shown to copy (a feed), not words
LETTERS = re.compile(r"[^\W\d_]{2,}")  # a word of two letters or more: something a person reads
RECORD_APPS = {"cmcoord", "actors", "contacts", "meetings", "cell", "assets", "hns", "imports"}
VISIBLE_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}
# Not words of the interface: the product's name, and each language's own name in the switcher.
NOT_INTERFACE = ["CMCoord", "UN-CMCoord", "English", "Français", "Español", "العربية", "Português", "Pseudo"]


def third_party_catalogs() -> list[polib.MOFile]:
    """Django's and the installed apps' messages (their French catalogs hold every msgid)."""
    folders = [Path(django.__file__).parent / "conf" / "locale"]
    folders += [Path(app.path) / "locale" for app in apps.get_app_configs()]
    files = [folder / "fr" / "LC_MESSAGES" / "django.mo" for folder in folders]
    return [polib.mofile(str(path)) for path in files if path.exists()]


@pytest.fixture
def pseudo_locale(settings, tmp_path):
    catalog = project_po("fr")
    catalog.metadata["Plural-Forms"] = "nplurals=2; plural=(n != 1);"
    seen = {(e.msgctxt, e.msgid) for e in catalog}
    for other in third_party_catalogs():
        for entry in other:
            if entry.msgid and (entry.msgctxt, entry.msgid) not in seen:
                seen.add((entry.msgctxt, entry.msgid))
                catalog.append(
                    polib.POEntry(msgctxt=entry.msgctxt, msgid=entry.msgid, msgid_plural=entry.msgid_plural)
                )
    for entry in catalog:
        entry.flags = []
        if entry.msgid_plural:
            entry.msgstr_plural = {0: f"⟦{entry.msgid}⟧", 1: f"⟦{entry.msgid_plural}⟧"}
        else:
            entry.msgstr = f"⟦{entry.msgid}⟧"
    folder = tmp_path / "locale" / PSEUDO / "LC_MESSAGES"
    folder.mkdir(parents=True)
    catalog.save_as_mofile(str(folder / "django.mo"))
    settings.LOCALE_PATHS = [tmp_path / "locale", *settings.LOCALE_PATHS]
    settings.LANGUAGES = [*settings.LANGUAGES, (PSEUDO, "Pseudo")]


class VisibleText(HTMLParser):
    """The text a person reads (not scripts, styles or values), one part per run of text: inline
    tags inside a sentence (``you are <strong>{{ role }}</strong>``) do not cut it, so a sentence
    marked whole is seen whole."""

    INLINE = {"strong", "em", "b", "i", "bdi", "span", "a", "code", "abbr", "time", "small", "mark"}

    def __init__(self):
        super().__init__()
        self.parts, self._hidden, self._run = [], 0, []

    def _flush(self):
        if self._run:
            self.parts.append("".join(self._run))
            self._run = []

    def handle_starttag(self, tag, attrs):
        if tag not in self.INLINE:
            self._flush()
        if tag in ("script", "style", "title"):
            self._hidden += 1
        self.parts += [value for name, value in attrs if name in VISIBLE_ATTRIBUTES and value]
        if tag == "input" and dict(attrs).get("type") in ("submit", "button"):
            self.parts.append(dict(attrs).get("value") or "")

    def handle_endtag(self, tag):
        if tag not in self.INLINE:
            self._flush()
        if tag in ("script", "style", "title"):
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self._run.append(data)

    def close(self):
        super().close()
        self._flush()


def record_words() -> re.Pattern:
    """Everything the fixtures typed into the database: shown as typed, never translated."""
    words = set(NOT_INTERFACE)
    for model in apps.get_models():
        if model._meta.app_label not in RECORD_APPS:
            continue  # not records: content types and permissions hold codes such as "operation"
        # Not fields with choices: their codes are shown as labels, which must be marked.
        text_fields = [
            f.attname
            for f in model._meta.concrete_fields
            if isinstance(f, models.CharField | models.TextField) and not f.choices
        ]
        binary_fields = [f.attname for f in model._meta.concrete_fields if isinstance(f, models.BinaryField)]
        for row in model.objects.all():
            words.add(str(row))
            words.update(str(getattr(row, name)) for name in text_fields if getattr(row, name))
            for name in binary_fields:  # an uploaded spreadsheet's cells, shown in its preview
                words.update(re.split(r"[,\n]", bytes(getattr(row, name) or b"").decode(errors="ignore")))
    return whole_words(words)


def whole_words(words) -> re.Pattern:
    """Matches any of ``words`` as a whole (so the code "en" does not eat the "en" of "tokens")."""
    longest_first = sorted((w for w in words if w.strip()), key=len, reverse=True)
    return re.compile("|".join(rf"(?<!\w){re.escape(w)}(?!\w)" for w in longest_first) or "(?!)")


def unmarked(html: str, whitelist: re.Pattern) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    parser.close()
    found = []
    for part in parser.parts:
        rest = URL.sub(" ", part)
        while MARKED.search(rest):
            rest = MARKED.sub(" ", rest)
        rest = whitelist.sub(" ", rest)
        if LETTERS.search(rest):
            found.append(" ".join(rest.split()))
    return found


@pytest.fixture
def records(operation, officer, field):
    actor = ActorFactory(operation=operation, name="Mozambique Red Cross")
    contact = ContactFactory(operation=operation, actor=actor, full_name="Ana Tembe")
    meeting = MeetingFactory(forum__operation=operation, title="Weekly CMCoord cell")
    ActionPointFactory(operation=operation, meeting=meeting, owner=field, title="Share the route list")
    CellRequestFactory(operation=operation, submitted_by=field)
    return {"actor": actor, "contact": contact, "meeting": meeting}


def test_no_page_shows_an_unmarked_string(pseudo_locale, client, records, operation, officer):
    op = operation.pk
    pages = [
        reverse("web:dashboard", args=[op]),
        reverse("actors:list", args=[op]),
        reverse("actors:detail", args=[op, records["actor"].pk]),
        reverse("meetings:detail", args=[op, records["meeting"].pk]),
        reverse("cell:request-create", args=[op]),
        reverse("notifications:list"),
        reverse("home"),
    ]
    problems = {}
    anonymous = client.get(reverse("login"), headers={"accept-language": PSEUDO})
    client.force_login(officer)
    whitelist = record_words()
    for url, response in [(reverse("login"), anonymous)] + [
        (url, client.get(url, headers={"accept-language": PSEUDO})) for url in pages
    ]:
        assert response.status_code == 200, url
        assert response.headers["Content-Language"] == PSEUDO
        if found := unmarked(response.content.decode(), whitelist):
            problems[url] = found
    assert not problems, "\n".join(f"{url}: {texts}" for url, texts in problems.items())


def test_the_pseudo_locale_check_sees_an_unmarked_string(pseudo_locale, client):
    """The check itself: base.html's own strings are marked, a literal English word is found."""
    html = client.get(reverse("login"), headers={"accept-language": PSEUDO}).content.decode()
    assert "⟦Language⟧" in html and "⟦Change⟧" in html
    records = whole_words(["Mozambique Red Cross", "en"])
    assert unmarked("<p>⟦Sign in⟧</p><p title='Go'>Mozambique Red Cross</p>", records) == ["Go"]
    assert unmarked("<p>Partner tokens</p>", records) == ["Partner tokens"]
    assert unmarked("<p>⟦⟦Approved⟧ since 1 April⟧ and more</p>", records) == ["and more"]
    assert unmarked("<code>https://example.org/feeds/abc.ics</code>", records) == []
