"""Helpers for the officers' create and edit pages of every app: a signed-in browser, URLs, formset
counters, the errors shown next to each field."""

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
