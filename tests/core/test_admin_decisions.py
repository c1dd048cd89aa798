"""The Django admin decides nothing on its own: decisions go through the services, or are read-only."""

import datetime as dt

import pytest
from django.contrib.auth.models import Permission
from django.forms import MultiWidget
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from actors.models import Actor, InterlocutorStatus
from cmcoord.permissions import forget_memberships, memberships
from cmcoord.roles import Role
from cmcoord.services import partner_token_create, partner_token_revoke
from contacts.models import Contact, InterlocutorDecision
from contacts.services import interlocutor_decide
from tests.factories import ContactFactory, MilitaryActorFactory

APPROVED, REJECTED, UNDECIDED = (
    InterlocutorStatus.APPROVED,
    InterlocutorStatus.REJECTED,
    InterlocutorStatus.UNDECIDED,
)


def change_form_data(response) -> dict:
    """What the browser would post back from an admin change page, untouched."""
    data = {}

    def add(form):
        for name, field in form.fields.items():
            value = form[name].value()
            if value is None or value is False:
                continue
            if isinstance(field.widget, MultiWidget):  # e.g. a date and a time
                for i, part in enumerate(field.widget.decompress(value)):
                    data[f"{form.add_prefix(name)}_{i}"] = part
            else:
                data[form.add_prefix(name)] = "on" if value is True else value

    add(response.context["adminform"].form)
    for inline in response.context.get("inline_admin_formsets") or []:
        add(inline.formset.management_form)
        for form in inline.formset.forms:
            add(form)
    return data


def post_change_form(client, url, **changes):
    data = {**change_form_data(client.get(url)), **changes}
    return client.post(url, data)


@pytest.fixture
def admin_client(client, administrator):
    client.force_login(administrator)
    return client


@pytest.fixture
def force(operation):
    return MilitaryActorFactory(operation=operation, name="Navy task group")


# --- Interlocutor decisions ----------------------------------------------------------------------


def test_the_administrator_approves_an_actor_through_the_admin_action_and_the_decision_is_recorded(
    admin_client, administrator, force
):
    changelist = reverse("admin:actors_actor_changelist")
    response = admin_client.post(
        changelist, {"action": "approve_as_interlocutor", "_selected_action": [force.pk]}
    )
    assert response.status_code == 302
    page = admin_client.get(response["Location"])
    assert page.status_code == 200
    assert "Navy task group" in page.content.decode()

    done = admin_client.post(
        response["Location"], {"decision": APPROVED, "rationale": "Runs the sealift the response depends on."}
    )

    assert done.status_code == 302
    record = InterlocutorDecision.objects.get()
    assert (record.actor, record.decision, record.decided_by) == (force, APPROVED, administrator)
    assert record.rationale == "Runs the sealift the response depends on."
    force.refresh_from_db()
    assert force.interlocutor_status == APPROVED
    assert force.interlocutor_decided_by == administrator
    assert force.history.first().history_user == administrator


def test_the_administrator_rejects_contacts_through_the_admin_with_one_rationale(admin_client, force):
    contacts = [ContactFactory(actor=force, full_name=name) for name in ("Cdr. One", "Lt. Two")]
    response = admin_client.post(
        reverse("admin:contacts_contact_changelist"),
        {"action": "reject_as_interlocutor", "_selected_action": [c.pk for c in contacts]},
    )
    admin_client.post(response["Location"], {"decision": REJECTED, "rationale": "Unit accused of abuses."})

    assert InterlocutorDecision.objects.filter(contact__in=contacts, decision=REJECTED).count() == 2
    assert set(Contact.objects.values_list("interlocutor_status", flat=True)) == {REJECTED}


def test_a_decision_without_rationale_is_refused_and_nothing_changes(admin_client, force):
    url = reverse("admin:contacts_interlocutordecision_decide") + f"?actors={force.pk}"
    response = admin_client.post(url, {"decision": APPROVED, "rationale": "   "})
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not InterlocutorDecision.objects.exists()
    force.refresh_from_db()
    assert force.interlocutor_status == UNDECIDED


@pytest.mark.parametrize("model", [Actor, Contact])
def test_posting_the_interlocutor_fields_in_the_change_form_changes_nothing(
    admin_client, administrator, force, model
):
    target = force if model is Actor else ContactFactory(actor=force, full_name="Cdr. Nuno Matola")
    url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[target.pk])

    response = post_change_form(
        admin_client,
        url,
        interlocutor_status=APPROVED,
        interlocutor_decided_by=administrator.pk,
        interlocutor_decided_on="2026-04-01",
        interlocutor_rationale="Typed into the admin form.",
        notes="Seen at the port.",
    )

    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    target.refresh_from_db()
    assert target.notes == "Seen at the port."  # the form was saved ...
    assert target.interlocutor_status == UNDECIDED  # ... but not the decision
    assert target.interlocutor_decided_by is None
    assert target.interlocutor_rationale == ""
    assert not InterlocutorDecision.objects.exists()


def test_reverting_an_actor_to_an_older_version_does_not_undo_a_decision(admin_client, hct, force):
    undecided_version = force.history.get()
    interlocutor_decide(target=force, decision=APPROVED, rationale="Runs the sealift.", by=hct)
    url = reverse("admin:actors_actor_simple_history", args=[force.pk, undecided_version.history_id])

    response = post_change_form(admin_client, url)

    assert response.status_code == 302
    force.refresh_from_db()
    assert force.interlocutor_status == APPROVED
    assert force.interlocutor_decided_by == hct


def test_the_record_of_decisions_is_view_only_in_the_admin(admin_client, hct, force):
    record = interlocutor_decide(target=force, decision=APPROVED, rationale="Runs the sealift.", by=hct)
    change = reverse("admin:contacts_interlocutordecision_change", args=[record.pk])

    assert admin_client.get(reverse("admin:contacts_interlocutordecision_add")).status_code == 403
    assert admin_client.get(change).status_code == 200  # shown, read-only
    assert admin_client.post(change, {"decision": REJECTED, "rationale": "Edited."}).status_code == 403
    delete = reverse("admin:contacts_interlocutordecision_delete", args=[record.pk])
    assert admin_client.post(delete, {"post": "yes"}).status_code == 403
    record.refresh_from_db()
    assert (record.decision, record.rationale) == (APPROVED, "Runs the sealift.")


@pytest.mark.parametrize("model", ["contacts_contact", "meetings_meeting"])
def test_the_admin_writes_no_per_object_permissions_of_its_own(model):
    """guardian's "Object permissions" pages granted any permission on a contact or meeting to
    anyone; per-person shares go through ``record_share`` on the officers' share pages."""
    with pytest.raises(NoReverseMatch):
        reverse(f"admin:{model}_permissions", args=[1])


# --- Roles --------------------------------------------------------------------------------------


def test_the_user_form_grants_no_permissions_and_shows_the_roles(admin_client, operation, officer):
    url = reverse("admin:cmcoord_user_change", args=[officer.pk])
    page = admin_client.get(url)
    assert "user_permissions" not in page.context["adminform"].form.fields
    assert "groups" not in page.context["adminform"].form.fields
    assert "CMCoord officer" in page.content.decode()

    approve = Permission.objects.get(codename="approve_strategy")
    post_change_form(admin_client, url, user_permissions=[approve.pk], first_name="Ana")

    officer.refresh_from_db()
    assert officer.first_name == "Ana"
    assert not officer.user_permissions.exists()
    assert memberships(officer) == {operation.pk: Role.OFFICER}


def test_the_administrator_grants_and_revokes_roles_on_the_members_page(admin_client, operation, outsider):
    url = reverse("admin:cmcoord_operation_members", args=[operation.pk])
    admin_client.post(url, {"grant": "1", "user": outsider.pk, "role": Role.HCT})
    assert memberships(outsider) == {operation.pk: Role.HCT}
    forget_memberships(outsider)
    admin_client.post(url, {"revoke": outsider.pk})
    assert memberships(outsider) == {}


# --- Strategy -----------------------------------------------------------------------------------


def test_the_strategy_cannot_be_approved_through_the_operation_change_form(
    admin_client, administrator, operation
):
    url = reverse("admin:cmcoord_operation_change", args=[operation.pk])

    response = post_change_form(
        admin_client,
        url,
        strategy="cooperation",
        strategy_rationale="Typed into the admin form.",
        strategy_status="approved",
        strategy_approved_by=administrator.pk,
        strategy_approved_on="2026-04-01",
        phase="recovery",
    )

    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    operation.refresh_from_db()
    assert operation.phase == "recovery"  # the form was saved ...
    assert (operation.strategy, operation.strategy_rationale, operation.strategy_status) == ("", "", "draft")
    assert operation.strategy_approved_by is None and operation.strategy_approved_on is None


def test_the_administrator_approves_the_strategy_draft_through_the_service(
    admin_client, administrator, operation
):
    operation.strategy_draft, operation.strategy_draft_rationale = "coordination", "Armed groups near sites."
    operation.save()

    admin_client.post(
        reverse("admin:cmcoord_operation_changelist"),
        {"action": "approve_strategy_draft", "_selected_action": [operation.pk]},
    )

    operation.refresh_from_db()
    assert (operation.strategy, operation.strategy_status) == ("coordination", "approved")
    assert operation.strategy_rationale == "Armed groups near sites."
    assert operation.strategy_approved_by == administrator
    assert operation.strategy_approved_on == timezone.localdate()
    assert operation.strategy_draft == ""
    assert operation.history.first().history_user == administrator


def test_approving_without_a_draft_says_so_and_changes_nothing(admin_client, operation):
    response = admin_client.post(
        reverse("admin:cmcoord_operation_changelist"),
        {"action": "approve_strategy_draft", "_selected_action": [operation.pk]},
        follow=True,
    )
    assert "no drafted strategy" in response.content.decode()
    operation.refresh_from_db()
    assert operation.strategy_status == "draft" and operation.strategy_approved_by is None


def test_a_strategy_draft_without_rationale_is_refused_in_the_operation_change_form(admin_client, operation):
    url = reverse("admin:cmcoord_operation_change", args=[operation.pk])
    response = post_change_form(admin_client, url, strategy_draft="cooperation", strategy_draft_rationale="")
    assert response.status_code == 200
    assert "strategy_draft_rationale" in response.context["adminform"].form.errors
    operation.refresh_from_db()
    assert operation.strategy_draft == ""


# --- Partner tokens -----------------------------------------------------------------------------


def test_a_partner_token_keeps_its_operation_expiry_and_revocation_in_the_admin(
    admin_client, officer, operation, other_operation
):
    token, _key = partner_token_create(
        operation=operation, name="3W", expires_at=timezone.now() + dt.timedelta(days=30), by=officer
    )
    partner_token_revoke(token=token, by=officer)
    token.refresh_from_db()
    revoked_at, expires_at = token.revoked_at, token.expires_at
    url = reverse("admin:cmcoord_partnertoken_change", args=[token.pk])

    response = post_change_form(
        admin_client,
        url,
        name="3W dashboard",
        operation=other_operation.pk,
        expires_at_0="2036-01-01",
        expires_at_1="00:00:00",
        revoked_at_0="",
        revoked_at_1="",
    )

    assert response.status_code == 302
    token.refresh_from_db()
    assert token.name == "3W dashboard"
    assert (token.operation, token.expires_at, token.revoked_at) == (operation, expires_at, revoked_at)


def test_the_administrator_revokes_a_partner_token_through_the_service(admin_client, officer, operation):
    token, _key = partner_token_create(
        operation=operation, name="3W", expires_at=timezone.now() + dt.timedelta(days=30), by=officer
    )
    admin_client.post(
        reverse("admin:cmcoord_partnertoken_changelist"),
        {"action": "revoke", "_selected_action": [token.pk]},
    )
    token.refresh_from_db()
    assert token.revoked_at is not None
