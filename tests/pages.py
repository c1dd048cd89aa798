"""Helpers for the officers' create and edit pages of every app: a signed-in browser, URLs, formset
counters, the errors shown next to each field."""

from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse


def page(name: str, operation, **kwargs) -> str:
    return reverse(name, kwargs={"op": operation.pk, **kwargs})


def management(prefix: str, total: int = 0, initial: int = 0) -> dict:
    """The hidden counters an inline formset posts with its rows."""
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial)}


def form_errors(response) -> dict:
    """Field -> messages of the page's main form, as the user sees them next to each field."""
    form = response.context["form"]
    return {field: [str(m) for m in messages] for field, messages in form.errors.items()}


@pytest.fixture
def browser(officer):
    """The officer's signed-in browser."""
    client = Client()
    client.force_login(officer)
    return client


class _FormReader(HTMLParser):
    """What a browser would send from each POST form of a page: fields and their current values."""

    def __init__(self):
        super().__init__()
        self.forms: list[list[tuple[str, str]]] = []
        self._select = self._textarea = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self.forms.append([])
        elif not self.forms or a.get("disabled") is not None:
            return
        elif tag == "input" and a.get("name") and (a.get("type") or "text") not in {"submit", "button"}:
            if a.get("type") not in {"checkbox", "radio"} or "checked" in a:
                self.forms[-1].append((a["name"], a.get("value") or ("on" if "checked" in a else "")))
        elif tag == "select":
            self._select = a.get("name")
        elif tag == "option" and self._select and "selected" in a:
            self.forms[-1].append((self._select, a.get("value") or ""))
        elif tag == "textarea":
            self._textarea, self._text = a.get("name"), ""

    def handle_data(self, data):
        if self._textarea:
            self._text += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea:
            self.forms[-1].append((self._textarea, self._text.removeprefix("\n")))
            self._textarea = None


def posted_form(response) -> dict:
    """The page's main POST form (the one with the most fields) as the browser would send it."""
    reader = _FormReader()
    reader.feed(response.content.decode())
    fields = max(reader.forms, key=len)
    data: dict = {}
    for name, value in fields:
        data.setdefault(name, []).append(value)
    return {name: values if len(values) > 1 else values[0] for name, values in data.items()}
