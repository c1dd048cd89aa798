"""A create form sent twice (double click, back and resend, a retried POST) creates one record: the
second answer leads to the record the first created."""

import pytest
from django import forms
from django.test import Client

from cell.models import CellRequest
from tests.pages import page, posted_form
from tests.permissions.expectations_edit import EDIT_EXPECTATIONS

# An actor link has no name to make a copy new: tests/actors/test_link_pages.py sends one twice.
NO_NAME = {"actors:link-create"}
CREATE_PAGES = sorted(name for name in EDIT_EXPECTATIONS if name.endswith("create") and name not in NO_NAME)


# A create page whose records are edited on another page than "<kind>-update".
EDIT_PAGE_OF = {"meetings:create": "meetings:edit-details"}


def url_of(route, world):
    kwargs = {k: getattr(world, v).pk for k, v in EDIT_EXPECTATIONS[route]["kwargs"].items() if k != "op"}
    return page(route, world.operation, **kwargs)


def filled_create_form(browser, route, world) -> tuple[dict, type]:
    """The create page's form (with its one-time token), filled like an existing record, named anew."""
    data = posted_form(browser.get(url_of(route, world)))
    existing = browser.get(url_of(EDIT_PAGE_OF.get(route, route.replace("create", "update")), world))
    form, values = existing.context["form"], posted_form(existing)
    for name in form.fields:
        if name != "version":
            data.pop(name, None)
            if name in values:
                data[name] = values[name]
    name = _first_name_field(form)
    if name:  # a record with no name of its own (a security assessment) may repeat
        data[name] += " (new)"
    return data, form._meta.model


def _first_name_field(form) -> str | None:
    return next(
        (
            name
            for name, field in form.fields.items()
            if field.required
            and isinstance(field, forms.CharField)
            and isinstance(field.widget, forms.TextInput)
        ),
        None,
    )


def _name_field(route, browser, world) -> str:
    return _first_name_field(browser.get(url_of(route, world)).context["form"])


@pytest.mark.parametrize("route", CREATE_PAGES)
def test_a_create_form_sent_twice_creates_one_record(route, world, browser):
    url = url_of(route, world)
    data, model = filled_create_form(browser, route, world)
    before = model.objects.count()

    first = browser.post(url, data)
    assert first.status_code == 302, first.context and first.context["form"].errors
    again = browser.post(url, data)
    assert again.status_code == 302 and again.url == first.url
    assert model.objects.count() == before + 1
    told = browser.get(again.url)
    assert "This form was already sent: nothing new was created" in told.content.decode()

    # A new form (a new token) is a new record.
    fresh = posted_form(browser.get(url))["submission_token"]
    data, _ = filled_create_form(browser, route, world)
    data.update(submission_token=fresh)
    data = {k: (v + " 2" if k == _name_field(route, browser, world) else v) for k, v in data.items()}
    assert browser.post(url, data).status_code == 302
    assert model.objects.count() == before + 2


def test_a_form_refused_then_corrected_keeps_its_token_and_creates_once(world, browser):
    url = url_of("contacts:create", world)
    data = posted_form(browser.get(url))
    data.update({"actor": world.actor_shareable.pk, "full_name": "", "position": "cimic_officer"})
    refused = browser.post(url, data)
    assert refused.status_code == 200
    corrected = {**posted_form(refused), "full_name": "Cpt. Joana Mabunda", "phone": "+258 84 000 0001"}
    assert corrected["submission_token"] == data["submission_token"]
    first, again = browser.post(url, corrected), browser.post(url, corrected)
    assert first.status_code == again.status_code == 302 and first.url == again.url
    assert world.contact_approved._meta.model.objects.filter(full_name="Cpt. Joana Mabunda").count() == 1


def test_a_request_to_the_cell_sent_twice_is_one_request(world, field):
    client = Client()
    client.force_login(field)
    url = page("cell:request-create", world.operation)
    data = {
        **posted_form(client.get(url)),
        "kind": "access",
        "title": "Road to Buzi cut",
        "description": "The bridge is down since this morning.",
        "sensitivity": "internal",
    }
    first, again = client.post(url, data), client.post(url, data)
    assert first.status_code == again.status_code == 302 and first.url == again.url
    assert CellRequest.objects.filter(title="Road to Buzi cut").count() == 1
