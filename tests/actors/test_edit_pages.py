"""An officer keeps the actor registry: actors, their chain of command, presences and mandates."""

import datetime as dt

from actors.models import Actor, ActorPresence, Mandate
from tests.factories import (
    ActionPointFactory,
    ActorFactory,
    AreaFactory,
    AssetFactory,
    MandateFactory,
    MilitaryActorFactory,
    SectorFactory,
)
from tests.pages import form_errors, management, page

ACTOR = {
    "name": "Southern African Development Community Standby Force",
    "acronym": "SADC SF",
    "category": "foreign_military",
    "actor_type": "non_un_peacekeeping",
    "echelon": "operational",
    "contributing_state": "ZAF",
    "relationship": "coordination",
    "association_risk": "low",
    "sensitivity": "internal",
    **management("presence"),
}


def _actor_data(**changes):
    return {**ACTOR, **changes}


def _as_posted(actor: Actor, **changes) -> dict:
    """What the edit page posts back for an actor, with ``changes``."""
    data = {
        "name": actor.name,
        "acronym": actor.acronym,
        "category": actor.category,
        "actor_type": actor.actor_type,
        "parent": actor.parent_id or "",
        "relationship": actor.relationship,
        "association_risk": actor.association_risk,
        "sensitivity": actor.sensitivity,
        **management("presence"),
    }
    return {**data, **changes}


def test_an_officer_creates_an_actor_and_sees_it_on_its_page(browser, operation):
    response = browser.post(page("actors:create", operation), _actor_data(), follow=True)
    actor = Actor.objects.get(name=ACTOR["name"])
    assert actor.operation == operation
    assert response.redirect_chain[-1][0] == page("actors:detail", operation, pk=actor.pk)
    body = response.content.decode()
    assert "SADC SF" in body and "created" in body


def test_the_operation_of_a_new_actor_is_the_pages_never_a_posted_field(browser, operation, other_operation):
    browser.post(page("actors:create", operation), _actor_data(operation=other_operation.pk))
    assert Actor.objects.get(name=ACTOR["name"]).operation == operation


def test_an_officer_edits_an_actor_and_records_where_it_operates(browser, operation):
    actor = MilitaryActorFactory(operation=operation, name="Joint Task Force South")
    area, sector = AreaFactory(pcode="MZ07", name="Sofala"), SectorFactory()
    data = _as_posted(
        actor,
        relationship="cooperation",
        **management("presence", total=1),
        **{"presence-0-area": area.pk, "presence-0-sector": sector.pk, "presence-0-activities": "Airlift"},
    )
    response = browser.post(page("actors:update", operation, pk=actor.pk), data, follow=True)
    actor.refresh_from_db()
    assert actor.relationship == "cooperation"
    presence = ActorPresence.objects.get(actor=actor)
    assert (presence.area, presence.sector, presence.activities) == (area, sector, "Airlift")
    assert "Sofala" in response.content.decode()


def test_the_history_names_the_officer_as_the_author_of_each_change(browser, operation, officer):
    browser.post(page("actors:create", operation), _actor_data())
    actor = Actor.objects.get(name=ACTOR["name"])
    browser.post(page("actors:update", operation, pk=actor.pk), _as_posted(actor, acronym="SADC"))
    changes = list(actor.history.order_by("history_date"))
    assert [(h.history_type, h.history_user) for h in changes] == [("+", officer), ("~", officer)]
    assert changes[-1].acronym == "SADC"


def test_a_subordinate_is_not_offered_as_parent_and_choosing_one_gives_the_loop_message(browser, operation):
    top = MilitaryActorFactory(operation=operation, name="Force HQ")
    middle = MilitaryActorFactory(operation=operation, name="Brigade", parent=top)
    bottom = MilitaryActorFactory(operation=operation, name="Battalion", parent=middle)
    url = page("actors:update", operation, pk=top.pk)
    offered = {
        choice.instance for choice, _ in browser.get(url).context["form"].fields["parent"].choices if choice
    }
    assert offered.isdisjoint({top, middle, bottom})

    response = browser.post(url, _as_posted(top, parent=bottom.pk))  # a crafted POST
    assert response.status_code == 200
    assert form_errors(response)["parent"] == ["This would make the chain of command a loop."]
    top.refresh_from_db()
    assert top.parent is None


def test_a_parent_from_another_operation_is_a_form_error_and_nothing_is_saved(
    browser, operation, other_operation
):
    foreign = MilitaryActorFactory(operation=other_operation, name="Malawi Defence Force")
    response = browser.post(page("actors:create", operation), _actor_data(parent=foreign.pk))
    assert "parent" in form_errors(response)
    assert "Select a valid choice" in form_errors(response)["parent"][0]
    assert not Actor.objects.filter(name=ACTOR["name"]).exists()


def test_a_type_that_does_not_fit_the_category_is_explained_next_to_the_type(browser, operation):
    response = browser.post(page("actors:create", operation), _actor_data(category="international_civilian"))
    assert form_errors(response)["actor_type"] == [
        "A international civilian actor cannot be of type non-un peacekeeping force."
    ]
    assert not Actor.objects.exists()


def test_a_refusal_at_save_keeps_what_the_officer_typed(browser, operation):
    """The operation-wide unique name is only known to the save: its error comes back on the form."""
    ActorFactory(operation=operation, name=ACTOR["name"])
    response = browser.post(
        page("actors:create", operation), _actor_data(notes="Met at the airport on 12 March.")
    )
    assert response.status_code == 200
    assert "Nothing was saved" in response.content.decode()
    assert any("already exists" in m for m in form_errors(response)["__all__"])
    assert "Met at the airport on 12 March." in response.content.decode()
    assert Actor.objects.filter(name=ACTOR["name"]).count() == 1


def test_a_presence_in_another_country_is_refused_with_the_whole_save(browser, operation):
    actor = MilitaryActorFactory(operation=operation)
    malawi = AreaFactory(pcode="MW1", name="Southern Region", country="MWI", parent=None, level=0)
    data = _as_posted(
        actor, acronym="JTF", **management("presence", total=1), **{"presence-0-area": malawi.pk}
    )
    response = browser.post(page("actors:update", operation, pk=actor.pk), data)
    assert response.status_code == 200
    assert "Select a valid choice" in str(response.context["formsets"][0].forms[0].errors["area"])
    actor.refresh_from_db()
    assert actor.acronym == "" and not actor.presences.exists()


def test_an_officer_deletes_an_actor_after_confirming(browser, operation, officer):
    actor = ActorFactory(operation=operation, name="Save the Children")
    url = page("actors:delete", operation, pk=actor.pk)
    assert "Delete actor “Save the Children”?" in browser.get(url).content.decode()
    response = browser.post(url)
    assert response["Location"] == page("actors:list", operation)
    assert not Actor.objects.filter(pk=actor.pk).exists()
    assert actor.history.latest("history_date").history_user == officer


def test_an_actor_others_depend_on_stays_with_the_reason(browser, operation):
    provider = MilitaryActorFactory(operation=operation)
    AssetFactory(provider=provider)
    MilitaryActorFactory(operation=operation, parent=provider)
    url = page("actors:delete", operation, pk=provider.pk)
    assert "Units are under its command" in browser.get(url).content.decode()
    response = browser.post(url, follow=True)
    assert Actor.objects.filter(pk=provider.pk).exists()
    assert "cannot be deleted" in response.content.decode()


MANDATE = {
    "title": "Humanitarian assistance at the government's request",
    "authority": "host_nation_request",
    "reference": "Note verbale 14/2026",
    "scope": "Airlift of relief items and medical evacuation.",
    "in_force_from": "2026-03-10",
    "in_force_until": "2026-06-30",
    "sensitivity": "internal",
}


def test_an_officer_adds_a_mandate_from_the_actors_page_and_edits_it(browser, operation, officer):
    actor = MilitaryActorFactory(operation=operation)
    form = browser.get(page("actors:mandate-create", operation, actor=actor.pk)).context["form"]
    assert form["actor"].value() == actor.pk
    response = browser.post(
        page("actors:mandate-create", operation, actor=actor.pk), {**MANDATE, "actor": actor.pk}
    )
    mandate = Mandate.objects.get(actor=actor)
    assert response["Location"] == page("actors:detail", operation, pk=actor.pk)
    assert mandate.in_force_until == dt.date(2026, 6, 30)

    browser.post(
        page("actors:mandate-update", operation, pk=mandate.pk),
        {**MANDATE, "actor": actor.pk, "in_force_until": "2026-09-30"},
    )
    mandate.refresh_from_db()
    assert mandate.in_force_until == dt.date(2026, 9, 30)
    assert mandate.history.latest("history_date").history_user == officer
    assert (
        "Note verbale 14/2026" in browser.get(page("actors:detail", operation, pk=actor.pk)).content.decode()
    )


def test_a_mandate_ending_before_it_starts_is_explained_and_not_saved(browser, operation):
    actor = MilitaryActorFactory(operation=operation)
    response = browser.post(
        page("actors:mandate-create", operation, actor=actor.pk),
        {**MANDATE, "actor": actor.pk, "in_force_until": "2026-03-01"},
    )
    assert form_errors(response)["in_force_until"] == ["A mandate cannot end before it comes into force."]
    assert not Mandate.objects.exists()


def test_a_mandate_cannot_be_moved_to_another_operations_actor(browser, operation, other_operation):
    mandate = MandateFactory(actor=MilitaryActorFactory(operation=operation))
    foreign = MilitaryActorFactory(operation=other_operation)
    response = browser.post(
        page("actors:mandate-update", operation, pk=mandate.pk), {**MANDATE, "actor": foreign.pk}
    )
    assert "Select a valid choice" in form_errors(response)["actor"][0]
    mandate.refresh_from_db()
    assert mandate.actor.operation == operation


def test_a_mandate_page_for_another_operations_actor_does_not_exist(browser, operation, other_operation):
    foreign = MilitaryActorFactory(operation=other_operation)
    assert browser.get(page("actors:mandate-create", operation, actor=foreign.pk)).status_code == 404


def test_a_presence_without_area_or_sector_gets_the_models_reason_only(browser, operation):
    actor = MilitaryActorFactory(operation=operation)
    data = _as_posted(actor, **management("presence", total=1), **{"presence-0-activities": "Airlift"})
    response = browser.post(page("actors:update", operation, pk=actor.pk), data)
    assert response.context["formsets"][0].forms[0].non_field_errors() == ["Give an area, a sector or both."]
    assert not actor.presences.exists()


def test_an_actor_that_alone_owns_an_action_point_stays(browser, operation):
    actor = ActorFactory(operation=operation)
    ActionPointFactory(operation=operation, owner=None, owner_actor=actor)
    response = browser.post(page("actors:delete", operation, pk=actor.pk), follow=True)
    assert "It alone owns action points" in response.content.decode()
    assert Actor.objects.filter(pk=actor.pk).exists()
