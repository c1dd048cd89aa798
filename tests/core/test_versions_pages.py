"""Two officers editing the same record: the later save, based on an old version, is refused with
who changed it and their values next to the fields; nothing the later one typed is lost, and a
second Save (having compared) goes through."""

import pytest
from django import forms
from django.test import Client

from cmcoord.roles import Role
from cmcoord.services import role_grant
from meetings.models import ActionPoint
from tests.factories import UserFactory
from tests.pages import page, posted_form
from tests.permissions.expectations_edit import EDIT_EXPECTATIONS

# Every officers' edit page, from the permission matrix's list of them.
# The API's world has no actor link: tests/actors/test_link_pages.py edits one twice.
NOT_IN_THE_WORLD = {"actors:link-update"}
UPDATE_PAGES = sorted(
    name
    for name, entry in EDIT_EXPECTATIONS.items()
    if name.endswith("update") and name not in NOT_IN_THE_WORLD and entry["status"]["officer"] == 200
)  # meetings:update only leads to its sections: tests/meetings/test_sections.py races those


@pytest.fixture
def colleague(operation):
    user = UserFactory(username="officer2", first_name="Rosa", last_name="Tembe")
    role_grant(user=user, operation=operation, role=Role.OFFICER)
    return user


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def edit_url(route, world):
    kwargs = {k: getattr(world, v).pk for k, v in EDIT_EXPECTATIONS[route]["kwargs"].items() if k != "op"}
    return page(route, world.operation, **kwargs)


def a_text_field(response) -> str:
    form = response.context["form"]
    return next(name for name, field in form.fields.items() if isinstance(field.widget, forms.Textarea))


@pytest.mark.parametrize("route", UPDATE_PAGES)
def test_the_later_of_two_edits_is_refused_with_the_others_values(route, world, officer, colleague):
    url = edit_url(route, world)
    mine, theirs = signed_in(officer), signed_in(colleague)
    my_page = mine.get(url)
    field = a_text_field(my_page)
    my_form, their_form = posted_form(my_page), posted_form(theirs.get(url))

    their_form[field] = "Changed by Rosa"
    assert theirs.post(url, their_form).status_code == 302

    my_form[field] = "Changed by me"
    refused = mine.post(url, my_form)
    assert refused.status_code == 200
    body = refused.content.decode()
    assert "Rosa Tembe changed this record while you were editing" in body
    assert "Now saved as: Changed by Rosa" in body
    assert "Save again to replace their values with yours" in body
    assert posted_form(refused)[field] == "Changed by me"  # what I typed is still there
    record = refused.context["object"]._meta.model.objects.get(pk=refused.context["object"].pk)
    assert getattr(record, field) == "Changed by Rosa"

    # Having compared, I save again: it is now based on Rosa's version and goes through.
    assert mine.post(url, posted_form(refused)).status_code == 302
    record.refresh_from_db()
    assert getattr(record, field) == "Changed by me"
    assert record.history.first().history_user == officer


def test_fields_nobody_else_touched_are_not_marked(world, officer, colleague):
    url = edit_url("contacts:update", world)
    mine, theirs = signed_in(officer), signed_in(colleague)
    my_form, their_form = posted_form(mine.get(url)), posted_form(theirs.get(url))
    their_form["phone"] = "+258 86 000 1111"
    theirs.post(url, their_form)
    refused = mine.post(url, {**my_form, "notes": "Mine"})
    marked = {name for name, errors in refused.context["form"].errors.items() if name != "__all__"}
    assert marked == {"phone", "notes"}  # what differs from what is saved now, nothing else


def test_an_owner_updating_an_action_point_an_officer_just_closed_is_told(world, officer, field):
    point = world.action_point_of_field
    url = page("meetings:action-point-detail", world.operation, pk=point.pk)
    owner, cell = signed_in(field), signed_in(officer)
    owner_form = posted_form(owner.get(url))
    cell.post(url, {**posted_form(cell.get(url)), "status": "cancelled", "progress_note": "Overtaken."})

    refused = owner.post(url, {**owner_form, "status": "done", "progress_note": "Delivered."})
    assert refused.status_code == 200
    # The status moved on: told as a decision someone else took (cmcoord.services.lock_unchanged).
    assert f"{officer} changed “{point}” to “Cancelled”" in refused.content.decode()
    point.refresh_from_db()
    assert (point.status, point.progress_note) == (ActionPoint.Status.CANCELLED, "Overtaken.")


def test_a_strategy_draft_written_on_an_old_version_is_refused(operation, officer, colleague):
    url = page("web:strategy", operation)
    mine, theirs = signed_in(officer), signed_in(colleague)
    dashboard = page("web:dashboard", operation)
    mine.get(dashboard)
    my_version = operation.version
    theirs.post(url, {"strategy": "coordination", "rationale": "Rosa's view", "version": my_version})
    refused = mine.post(url, {"strategy": "cooperation", "rationale": "Mine", "version": my_version})
    assert refused.status_code == 200
    assert "Rosa Tembe changed this record while you were editing" in refused.content.decode()
    operation.refresh_from_db()
    assert operation.strategy_draft_rationale == "Rosa's view"


def test_the_admin_refuses_a_save_based_on_an_old_version_too(world, administrator):
    from django.urls import reverse

    other_admin = UserFactory(
        username="admin2", first_name="Rosa", last_name="Tembe", is_staff=True, is_superuser=True
    )
    contact = world.contact_approved
    url = reverse("admin:contacts_contact_change", args=[contact.pk])
    mine, theirs = signed_in(administrator), signed_in(other_admin)
    my_form, their_form = posted_form(mine.get(url)), posted_form(theirs.get(url))
    assert theirs.post(url, {**their_form, "notes": "Rosa's", "_save": "Save"}).status_code == 302

    refused = mine.post(url, {**my_form, "notes": "Mine", "_save": "Save"})
    assert refused.status_code == 200
    assert "Rosa Tembe changed this record while you were editing" in refused.content.decode()
    contact.refresh_from_db()
    assert contact.notes == "Rosa's"


def test_save_clicked_twice_on_an_edit_page_is_one_save_not_a_conflict(world, officer):
    url = edit_url("actors:update", world)
    browser = signed_in(officer)
    form = {**posted_form(browser.get(url)), "notes": "Port of Beira reopened."}
    first, second = browser.post(url, form), browser.post(url, form)
    assert first.status_code == second.status_code == 302 and second.url == first.url
    actor = world.actor_internal
    actor.refresh_from_db()
    assert actor.notes == "Port of Beira reopened." and actor.history.count() == 2  # created, saved once
