"""The rules of the domain hold in the models (readable clean() messages) and in the database."""

import datetime as dt
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, transaction

from actors.models import Actor, ActorLink
from assets.models import AssetDeployment, Dependency
from cmcoord.models import Area, Operation
from meetings.models import ActionPoint, Meeting
from tests.factories import (
    ActionPointFactory,
    ActorFactory,
    AreaFactory,
    AssetFactory,
    ContactFactory,
    DependencyFactory,
    MeetingFactory,
    MilitaryActorFactory,
    OperationFactory,
    UserFactory,
)


def messages(exc: ValidationError) -> str:
    return " ".join(exc.messages)


def test_names_are_unique_within_an_operation_but_not_across(operation, other_operation):
    ActorFactory(operation=operation, name="WFP")
    ActorFactory(operation=other_operation, name="WFP")
    with pytest.raises(ValidationError, match="already exists"):
        Actor(
            operation=operation, name="WFP", category="international_civilian", actor_type="un_agency"
        ).full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        ActorFactory(operation=operation, name="WFP")


def test_an_actor_type_must_fit_its_category(operation):
    actor = ActorFactory.build(
        operation=operation, category="international_civilian", actor_type="armed_forces"
    )
    with pytest.raises(ValidationError) as exc:
        actor.full_clean()
    assert "cannot be of type armed forces" in messages(exc.value)


def test_a_medium_or_high_association_risk_needs_a_reason(operation):
    actor = MilitaryActorFactory.build(operation=operation, association_risk="high")
    with pytest.raises(ValidationError, match="Say why the risk of association"):
        actor.full_clean()


def test_the_chain_of_command_stays_in_the_operation_and_has_no_loop(operation, other_operation):
    hq = MilitaryActorFactory(operation=operation, name="JTF HQ")
    brigade = MilitaryActorFactory(operation=operation, name="Engineer brigade", parent=hq)
    company = MilitaryActorFactory(operation=operation, name="Engineer company", parent=brigade)
    hq.parent = company
    with pytest.raises(ValidationError, match="loop"):
        hq.full_clean()
    stranger = MilitaryActorFactory(operation=other_operation, name="Foreign HQ")
    company.parent = stranger
    with pytest.raises(ValidationError, match="another operation"):
        company.full_clean()
    assert [a.name for a in Actor.objects.get(pk=company.pk).ancestors()] == ["JTF HQ", "Engineer brigade"]


def test_an_actor_cannot_be_its_own_parent_in_the_database(operation):
    actor = MilitaryActorFactory(operation=operation)
    with pytest.raises(IntegrityError), transaction.atomic():
        Actor.objects.filter(pk=actor.pk).update(parent=actor)


def test_an_mcda_provider_must_be_military_paramilitary_or_civil_defence(operation):
    wfp = ActorFactory(operation=operation, name="WFP")
    asset = AssetFactory.build(provider=wfp, operation=operation)
    with pytest.raises(ValidationError) as exc:
        asset.full_clean()
    assert "military, paramilitary or civil-defence" in messages(exc.value)
    civil_protection = ActorFactory(
        operation=operation, name="INGD", category="domestic_civilian", actor_type="civil_defence"
    )
    AssetFactory.build(provider=civil_protection, operation=operation).full_clean()


def test_a_phase_out_date_cannot_be_before_deployment(operation):
    asset = AssetFactory.build(
        provider=MilitaryActorFactory(operation=operation),
        deployed_on=dt.date(2026, 5, 1),
        phase_out_on=dt.date(2026, 4, 1),
    )
    with pytest.raises(ValidationError, match="cannot be before the deployment date"):
        asset.full_clean()
    saved = AssetFactory(provider=MilitaryActorFactory(operation=operation))
    with pytest.raises(IntegrityError), transaction.atomic():
        AssetDeployment.objects.filter(pk=saved.pk).update(phase_out_on=dt.date(2026, 1, 1))


def test_a_deployed_asset_needs_a_phase_out_date(operation):
    asset = AssetFactory.build(provider=MilitaryActorFactory(operation=operation), phase_out_on=None)
    with pytest.raises(ValidationError, match="MCDA are limited in time"):
        asset.full_clean()


def test_records_cannot_point_into_another_operation(operation, other_operation):
    asset = AssetFactory(provider=MilitaryActorFactory(operation=operation))
    dependency = DependencyFactory.build(asset=asset, operation=other_operation)
    with pytest.raises(ValidationError, match="another operation"):
        dependency.full_clean()
    link = ActorLink(
        operation=operation,
        source=ActorFactory(operation=operation),
        target=ActorFactory(operation=other_operation),
        kind="liaison",
    )
    with pytest.raises(ValidationError, match="another operation"):
        link.full_clean()


def test_people_named_on_a_record_must_belong_to_its_operation(operation, officer, field_other):
    point = ActionPointFactory.build(operation=operation, owner=field_other)
    with pytest.raises(ValidationError, match="is not a member of this operation"):
        point.full_clean()
    ActionPointFactory.build(operation=operation, owner=officer).full_clean()


def test_an_alternative_that_is_more_than_none_names_its_provider(operation):
    dependency = DependencyFactory.build(
        asset=AssetFactory(provider=MilitaryActorFactory(operation=operation)),
        operation=operation,
        alternative_readiness="arranged",
    )
    with pytest.raises(ValidationError, match="Name the civilian provider"):
        dependency.full_clean()
    saved = DependencyFactory(asset=AssetFactory(provider=MilitaryActorFactory(operation=operation)))
    with pytest.raises(IntegrityError), transaction.atomic():
        Dependency.objects.filter(pk=saved.pk).update(alternative_readiness="ready")


def test_a_contact_needs_a_way_to_be_reached(operation):
    contact = ContactFactory.build(
        actor=MilitaryActorFactory(operation=operation), phone="", email="", radio_call_sign=""
    )
    contact.operation = contact.actor.operation
    with pytest.raises(ValidationError, match="at least one way to reach"):
        contact.full_clean()


def test_a_meeting_ends_after_it_starts(operation):
    meeting = MeetingFactory.build(forum__operation=operation)
    meeting.ends_at = meeting.starts_at
    with pytest.raises(ValidationError, match="must end after it starts"):
        meeting.full_clean()
    saved = MeetingFactory(forum__operation=operation)
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.filter(pk=saved.pk).update(ends_at=saved.starts_at)


def test_a_done_action_point_is_stamped_closed(operation, officer):
    point = ActionPointFactory(operation=operation, owner=officer)
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionPoint.objects.filter(pk=point.pk).update(status="done")


def test_p_codes_nest_under_their_parent(db):
    sofala = AreaFactory(pcode="MZ07", name="Sofala")
    with pytest.raises(ValidationError, match="must start with its parent's"):
        Area(pcode="MZ0801", name="Beira", level=2, parent=sofala, country="MOZ").full_clean()
    with pytest.raises(ValidationError, match="one administrative level up"):
        Area(pcode="MZ0701", name="Beira", level=1, parent=sofala, country="MOZ").full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Area.objects.create(pcode="mz-bad", name="Bad", level=0, country="MOZ")


def test_an_operation_checks_its_country_time_zone_and_lead_times(db):
    operation = OperationFactory.build(
        country="Mozambique", time_zone="Mars/Olympus", reminder_lead_days=[7, 7, 0]
    )
    with pytest.raises(ValidationError) as exc:
        operation.full_clean()
    errors = exc.value.message_dict
    assert "ISO 3166 alpha-3" in " ".join(errors["country"])
    operation = OperationFactory.build(time_zone="Mars/Olympus")
    with pytest.raises(ValidationError, match="Unknown time zone"):
        operation.full_clean()
    operation = OperationFactory.build(reminder_lead_days=[7, 7])
    with pytest.raises(ValidationError, match="only once"):
        operation.full_clean()
    operation = OperationFactory.build(reminder_lead_days=[1, 30, 14])
    operation.full_clean()
    assert operation.reminder_lead_days == [30, 14, 1]


def test_an_approved_strategy_names_its_approver_in_the_database(operation):
    with pytest.raises(IntegrityError), transaction.atomic():
        Operation.objects.filter(pk=operation.pk).update(strategy="coordination", strategy_status="approved")
    approver = UserFactory()
    Operation.objects.filter(pk=operation.pk).update(
        strategy="coordination", strategy_status="approved", strategy_approved_by=approver
    )


def test_the_migrations_match_the_models(db):
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()
