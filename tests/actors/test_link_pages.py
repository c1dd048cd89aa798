"""An officer links actors from an actor's page, choosing them by name; everyone reads the links
both ways on each actor's page, and field staff never see a restricted link or actor."""

import re

import pytest
from django.test import Client

from actors.models import ActorLink
from cmcoord.roles import Role
from cmcoord.services import role_grant
from tests.factories import ActorFactory, MilitaryActorFactory, UserFactory
from tests.pages import form_errors, page, posted_form
from tests.permissions.world import CANARY, build_world


@pytest.fixture
def army(operation):
    return MilitaryActorFactory(
        operation=operation,
        name="Armed forces of Mozambique",
        acronym="FADM",
        category="domestic_military",
        actor_type="armed_forces",
        contributing_state="",
    )


@pytest.fixture
def ngo(operation):
    return ActorFactory(operation=operation, name="Armed Violence Reduction Action", actor_type="ingo")


def _link_data(source, target, **changes):
    return {"source": source.pk, "target": target.pk, "kind": "liaison", "sensitivity": "internal", **changes}


def _options(html: str) -> dict[str, list[str]]:
    """Group label -> option texts of the "To actor" picker, as a person sees them."""
    select = re.search(r'<select name="target"[^>]*>(.*?)</select>', html, re.S).group(1)
    groups = {}
    for label, body in re.findall(r'<optgroup label="([^"]*)">(.*?)</optgroup>', select, re.S):
        groups[label] = [text.strip() for text in re.findall(r"<option[^>]*>([^<]*)</option>", body)]
    return groups


def test_the_pickers_list_the_operations_actors_by_name_grouped_by_category(
    browser, operation, other_operation, army, ngo
):
    ActorFactory(operation=other_operation, name="Malawi Defence Force liaison")
    html = browser.get(page("actors:link-create", operation, actor=army.pk)).content.decode()
    groups = _options(html)
    assert groups == {
        "Domestic military and paramilitary": ["Armed forces of Mozambique (FADM) — Armed forces"],
        "International civilian": ["Armed Violence Reduction Action — International NGO"],
    }
    assert re.search(rf'<option value="{army.pk}" selected>', html)  # from the page's actor


def test_an_officer_links_two_actors_and_both_pages_show_it(browser, operation, army, ngo):
    response = browser.post(
        page("actors:link-create", operation, actor=army.pk),
        _link_data(army, ngo, mechanism="Weekly access meeting"),
        follow=True,
    )
    link = ActorLink.objects.get()
    assert (link.operation, link.source, link.target, link.kind) == (operation, army, ngo, "liaison")
    assert response.redirect_chain[-1][0] == army.get_absolute_url()
    body = response.content.decode()
    assert "created" in body and "Its links to other actors" in body and "Weekly access meeting" in body
    assert ngo.get_absolute_url() in body
    incoming = browser.get(ngo.get_absolute_url()).content.decode()
    assert "Links from other actors to it" in incoming and army.get_absolute_url() in incoming


def test_the_link_form_sent_twice_creates_one_link(browser, operation, army, ngo):
    url = page("actors:link-create", operation, actor=army.pk)
    data = {**posted_form(browser.get(url)), "target": ngo.pk, "kind": "coordination_mechanism"}
    first, again = browser.post(url, data), browser.post(url, data)
    assert first.status_code == again.status_code == 302 and first.url == again.url
    assert ActorLink.objects.count() == 1
    assert "nothing new was created" in browser.get(again.url).content.decode()


def test_an_officer_edits_then_deletes_a_link(browser, operation, army, ngo):
    link = ActorLink.objects.create(operation=operation, source=army, target=ngo, kind="liaison")
    edit = page("actors:link-update", operation, pk=link.pk)
    form = browser.get(edit)
    assert page("actors:link-delete", operation, pk=link.pk) in form.content.decode()
    response = browser.post(
        edit, _link_data(army, ngo, kind="support", version=link.version, mechanism="Fuel"), follow=True
    )
    link.refresh_from_db()
    assert (link.kind, link.mechanism) == ("support", "Fuel")
    assert "Support relation" in response.content.decode()

    delete = page("actors:link-delete", operation, pk=link.pk)
    assert "Delete link" in browser.get(delete).content.decode()
    response = browser.post(delete, follow=True)
    assert not ActorLink.objects.exists()
    assert response.redirect_chain[-1][0] == army.get_absolute_url()
    assert "deleted" in response.content.decode()


def test_a_link_to_itself_is_refused_next_to_the_second_actor(browser, operation, army):
    response = browser.post(page("actors:link-create", operation, actor=army.pk), _link_data(army, army))
    assert response.status_code == 200
    assert form_errors(response) == {"target": ["An actor cannot be linked to itself."]}
    assert not ActorLink.objects.exists()


def test_the_same_link_twice_is_refused_with_one_clear_message(browser, operation, army, ngo):
    ActorLink.objects.create(operation=operation, source=army, target=ngo, kind="liaison")
    response = browser.post(
        page("actors:link-create", operation, actor=army.pk), _link_data(army, ngo, notes="Met on 3 May.")
    )
    assert response.status_code == 200
    assert form_errors(response) == {
        "kind": ["These two actors are already linked this way: edit that link instead."]
    }
    assert "Met on 3 May." in response.content.decode()
    assert ActorLink.objects.count() == 1
    # Another kind between the same two is a new link.
    browser.post(page("actors:link-create", operation, actor=army.pk), _link_data(army, ngo, kind="support"))
    assert ActorLink.objects.count() == 2


def test_an_actor_of_another_operation_is_not_a_valid_choice(browser, operation, other_operation, army):
    foreign = ActorFactory(operation=other_operation, name="Malawi Defence Force liaison")
    response = browser.post(page("actors:link-create", operation, actor=army.pk), _link_data(army, foreign))
    assert "Select a valid choice" in form_errors(response)["target"][0]
    assert not ActorLink.objects.exists()


def test_field_staff_see_links_but_not_restricted_ones_nor_the_edit_links(db):
    world = build_world()
    url = world.actor_internal.get_absolute_url()
    field = world.client("field").get(url).content.decode()
    assert "World Food Programme" in field  # the internal link to a shareable actor
    assert CANARY not in field  # the link to the restricted unit, and its mechanism
    assert "/actor-links/" not in field
    officer = world.client("officer").get(url).content.decode()
    assert CANARY in officer
    assert page("actors:link-update", world.operation, pk=world.actor_link.pk) in officer


def test_a_link_page_of_a_restricted_link_is_not_found_for_those_who_cannot_write(db):
    world = build_world()
    hidden = ActorLink.objects.get(mechanism=CANARY)
    url = page("actors:link-update", world.operation, pk=hidden.pk)
    assert world.client("officer").get(url).status_code == 200
    assert world.client("field").get(url).status_code == 403  # may not write, before anything is read
    assert world.client("outsider").get(url).status_code == 404
    outsider_post = world.client("outsider").post(page("actors:link-delete", world.operation, pk=hidden.pk))
    assert outsider_post.status_code == 404
    assert ActorLink.objects.filter(pk=hidden.pk).exists()


def test_a_field_colleague_cannot_create_a_link_by_posting(db):
    world = build_world()
    before = ActorLink.objects.count()
    client: Client = world.client("field")
    url = page("actors:link-create", world.operation, actor=world.actor_internal.pk)
    response = client.post(url, _link_data(world.actor_internal, world.actor_shareable, kind="support"))
    assert response.status_code == 403
    assert ActorLink.objects.count() == before


def test_the_api_refuses_a_duplicate_link_with_a_400(operation, api, army, ngo):
    ActorLink.objects.create(operation=operation, source=army, target=ngo, kind="liaison")
    body = {"operation": operation.pk, "source": army.pk, "target": ngo.pk, "kind": "liaison"}
    response = api("officer").post("/api/v1/actor-links/", body)
    assert response.status_code == 400
    assert "unique" in str(response.json())  # DRF's own check of the constraint, before the model's
    assert ActorLink.objects.count() == 1


def test_the_later_of_two_edits_of_a_link_is_refused_with_the_others_values(browser, operation, army, ngo):
    link = ActorLink.objects.create(operation=operation, source=army, target=ngo, kind="liaison")
    colleague = UserFactory(username="officer2", first_name="Rosa", last_name="Tembe")
    role_grant(user=colleague, operation=operation, role=Role.OFFICER)
    theirs = Client()
    theirs.force_login(colleague)
    url = page("actors:link-update", operation, pk=link.pk)
    my_form, their_form = posted_form(browser.get(url)), posted_form(theirs.get(url))
    assert theirs.post(url, {**their_form, "mechanism": "Changed by Rosa"}).status_code == 302
    refused = browser.post(url, {**my_form, "mechanism": "Changed by me"})
    assert refused.status_code == 200
    assert "Now saved as: Changed by Rosa" in refused.content.decode()
    assert posted_form(refused)["mechanism"] == "Changed by me"
    assert browser.post(url, posted_form(refused)).status_code == 302
    link.refresh_from_db()
    assert link.mechanism == "Changed by me"
