"""Roles per operation, as the people in them would notice."""

import datetime as dt

from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cmcoord.models import PartnerToken
from cmcoord.permissions import memberships
from cmcoord.roles import Role
from cmcoord.services import partner_token_authenticate, partner_token_create, role_grant, role_revoke
from meetings.models import ActionPoint
from tests.factories import (
    ActionPointFactory,
    ActorFactory,
    CellRequestFactory,
    ContactFactory,
    MeetingFactory,
    MilitaryActorFactory,
)


def _get(_client, user, name, **kwargs):
    """GET as ``user`` in a browser of their own (no messages left over from someone else)."""
    browser = Client()
    browser.force_login(user)
    return browser.get(reverse(name, kwargs=kwargs))


def test_a_user_holds_different_roles_in_different_operations(client, operation, other_operation, officer):
    role_grant(user=officer, operation=other_operation, role=Role.FIELD_STAFF)
    assert memberships(officer) == {operation.pk: Role.OFFICER, other_operation.pk: Role.FIELD_STAFF}
    client.force_login(officer)
    assert client.get(reverse("cmcoord:members", kwargs={"op": operation.pk})).status_code == 200
    assert client.get(reverse("cmcoord:members", kwargs={"op": other_operation.pk})).status_code == 403


def test_revoking_a_role_closes_the_operation_at_once(client, operation, field):
    assert _get(client, field, "web:dashboard", op=operation.pk).status_code == 200
    role_revoke(user=field, operation=operation)
    assert _get(client, field, "web:dashboard", op=operation.pk).status_code == 404
    assert operation.name not in _get(client, field, "home").content.decode()


def test_outsider_sees_no_operation_and_no_hint_of_one(client, operation, outsider):
    home = _get(client, outsider, "home").content.decode()
    assert operation.name not in home
    assert "not a member of any operation" in home
    assert _get(client, outsider, "actors:list", op=operation.pk).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, operation):
    response = client.get(reverse("actors:list", kwargs={"op": operation.pk}))
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_officer_adds_field_staff_on_the_members_page(client, operation, officer, outsider):
    client.force_login(officer)
    url = reverse("cmcoord:members", kwargs={"op": operation.pk})
    response = client.post(url, {"username": "outsider", "role": Role.FIELD_STAFF}, follow=True)
    assert "is now Field staff" in response.content.decode()
    assert memberships(outsider) == {operation.pk: Role.FIELD_STAFF}


def test_officer_cannot_make_anyone_an_hct_member_nor_remove_one(client, operation, officer, hct, outsider):
    client.force_login(officer)
    url = reverse("cmcoord:members", kwargs={"op": operation.pk})
    response = client.post(url, {"username": "outsider", "role": Role.HCT})
    assert "Select a valid choice" in response.content.decode()
    assert memberships(outsider) == {}
    assert client.post(url, {"revoke": hct.pk}).status_code == 403
    assert memberships(hct) == {operation.pk: Role.HCT}


def test_members_page_rejects_an_unknown_username_with_a_clear_error(client, operation, officer):
    client.force_login(officer)
    url = reverse("cmcoord:members", kwargs={"op": operation.pk})
    response = client.post(url, {"username": "nobody", "role": Role.FIELD_STAFF})
    assert "No active account has this username." in response.content.decode()


def test_administrator_grants_roles_in_django_admin(client, operation, administrator, outsider):
    client.force_login(administrator)
    url = reverse("admin:cmcoord_operation_members", args=[operation.pk])
    client.post(url, {"grant": "1", "user": outsider.pk, "role": Role.HCT})
    assert memberships(outsider) == {operation.pk: Role.HCT}
    assert "HCT/UNCT member" in client.get(url).content.decode()


def test_hct_decision_makes_a_contact_visible_to_field_staff_at_once(client, operation, hct, field):
    actor = MilitaryActorFactory(operation=operation, name="Navy task group")
    ContactFactory(actor=actor, full_name="Cdr. Nuno Matola")
    assert "Nuno Matola" not in _get(client, field, "contacts:list", op=operation.pk).content.decode()
    client.force_login(hct)
    client.post(
        reverse("contacts:actor-decide", kwargs={"op": operation.pk, "pk": actor.pk}),
        {"decision": "approved", "rationale": "Runs the sealift the response depends on."},
    )
    assert "Nuno Matola" in _get(client, field, "contacts:list", op=operation.pk).content.decode()
    history = _get(client, hct, "actors:detail", op=operation.pk, pk=actor.pk).content.decode()
    assert "Runs the sealift the response depends on." in history


def test_a_rejected_contact_stays_hidden_though_the_actor_is_approved(client, operation, hct, field):
    actor = MilitaryActorFactory(
        operation=operation, interlocutor_status="approved", interlocutor_decided_on=dt.date(2026, 4, 1)
    )
    contact = ContactFactory(actor=actor, full_name="Lt. Known Spoiler")
    assert "Known Spoiler" in _get(client, field, "contacts:list", op=operation.pk).content.decode()
    client.force_login(hct)
    client.post(
        reverse("contacts:decide", kwargs={"op": operation.pk, "pk": contact.pk}),
        {"decision": "rejected", "rationale": "Involved in abuses against civilians."},
    )
    assert "Known Spoiler" not in _get(client, field, "contacts:list", op=operation.pk).content.decode()
    assert _get(client, field, "contacts:detail", op=operation.pk, pk=contact.pk).status_code == 404


def test_a_decision_without_rationale_is_refused_and_what_was_chosen_is_kept(client, operation, hct):
    actor = MilitaryActorFactory(operation=operation)
    client.force_login(hct)
    response = client.post(
        reverse("contacts:actor-decide", kwargs={"op": operation.pk, "pk": actor.pk}),
        {"decision": "approved", "rationale": ""},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "This field is required." in page
    approve_radio = page.split('value="approved"')[1].split(">")[0]
    assert "checked" in approve_radio
    actor.refresh_from_db()
    assert actor.interlocutor_status == "undecided"


def test_field_staff_see_phone_and_email_but_not_the_radio_call_sign(client, operation, field, officer):
    actor = MilitaryActorFactory(
        operation=operation, interlocutor_status="approved", interlocutor_decided_on=dt.date(2026, 4, 1)
    )
    contact = ContactFactory(actor=actor, phone="+258 84 123 4567", radio_call_sign="TANGO-ZULU-7")
    as_field = _get(client, field, "contacts:detail", op=operation.pk, pk=contact.pk).content.decode()
    assert "+258 84 123 4567" in as_field and "TANGO-ZULU-7" not in as_field
    as_officer = _get(client, officer, "contacts:detail", op=operation.pk, pk=contact.pk).content.decode()
    assert "TANGO-ZULU-7" in as_officer


def test_field_staff_read_summary_and_decisions_but_not_minutes(client, operation, field, hct):
    meeting = MeetingFactory(
        forum__operation=operation, summary="Airport reopened.", minutes="Commander said X."
    )
    meeting.decisions.create(text="Joint assessment on Friday.")
    as_field = _get(client, field, "meetings:detail", op=operation.pk, pk=meeting.pk).content.decode()
    assert "Airport reopened." in as_field and "Joint assessment on Friday." in as_field
    assert "Commander said X." not in as_field
    assert (
        "Commander said X."
        in _get(client, hct, "meetings:detail", op=operation.pk, pk=meeting.pk).content.decode()
    )


def test_field_staff_follow_and_update_their_own_action_points_only(client, operation, field, officer):
    mine = ActionPointFactory(operation=operation, owner=field, title="Verify the ford")
    theirs = ActionPointFactory(operation=operation, owner=officer, title="Brief the HC")
    listing = _get(client, field, "meetings:action-point-list", op=operation.pk).content.decode()
    assert "Verify the ford" in listing and "Brief the HC" not in listing
    url = reverse("meetings:action-point-detail", kwargs={"op": operation.pk, "pk": mine.pk})
    client.force_login(field)
    client.post(url, {"status": "done", "progress_note": "Passable by 4x4."})
    mine.refresh_from_db()
    assert mine.status == ActionPoint.Status.DONE and mine.closed_at is not None
    other = reverse("meetings:action-point-detail", kwargs={"op": operation.pk, "pk": theirs.pk})
    assert client.post(other, {"status": "done"}).status_code == 404


def test_field_staff_see_their_own_cell_requests_and_the_answer(client, operation, field, officer):
    mine = CellRequestFactory(operation=operation, submitted_by=field, title="Checkpoint at Nhamatanda")
    CellRequestFactory(operation=operation, submitted_by=officer, title="Officer's own concern")
    client.force_login(officer)
    client.post(
        reverse("cell:request-answer", kwargs={"op": operation.pk, "pk": mine.pk}),
        {"response": "Raised with the JTF liaison; passage agreed from 06:00."},
    )
    listing = _get(client, field, "cell:request-list", op=operation.pk).content.decode()
    assert "Checkpoint at Nhamatanda" in listing and "Officer&#x27;s own concern" not in listing
    detail = _get(client, field, "cell:request-detail", op=operation.pk, pk=mine.pk).content.decode()
    assert "passage agreed from 06:00" in detail


def test_sharing_one_restricted_meeting_with_one_field_colleague(client, operation, officer, field):
    from tests.factories import UserFactory

    colleague = UserFactory(username="colleague")
    role_grant(user=colleague, operation=operation, role=Role.FIELD_STAFF)
    meeting = MeetingFactory(forum__operation=operation, title="Bilateral with JTF", sensitivity="restricted")
    assert _get(client, field, "meetings:detail", op=operation.pk, pk=meeting.pk).status_code == 404
    client.force_login(officer)
    client.post(reverse("meetings:share", kwargs={"op": operation.pk, "pk": meeting.pk}), {"user": field.pk})
    assert _get(client, field, "meetings:detail", op=operation.pk, pk=meeting.pk).status_code == 200
    assert _get(client, colleague, "meetings:detail", op=operation.pk, pk=meeting.pk).status_code == 404


def test_a_grant_does_not_outlive_the_role(client, operation, officer, field):
    contact = ContactFactory(actor=ActorFactory(operation=operation), sensitivity="restricted")
    client.force_login(officer)
    client.post(reverse("contacts:share", kwargs={"op": operation.pk, "pk": contact.pk}), {"user": field.pk})
    assert _get(client, field, "contacts:detail", op=operation.pk, pk=contact.pk).status_code == 200
    role_revoke(user=field, operation=operation)
    assert _get(client, field, "contacts:detail", op=operation.pk, pk=contact.pk).status_code == 404


def test_partner_token_key_is_shown_once_and_stored_only_hashed(client, operation, officer):
    client.force_login(officer)
    url = reverse("cmcoord:partner-token-list", kwargs={"op": operation.pk})
    expiry = (timezone.localdate() + dt.timedelta(days=90)).isoformat()
    page = client.post(url, {"name": "HDX pipeline", "expires_on": expiry}).content.decode()
    token = PartnerToken.objects.get(name="HDX pipeline")
    key = page.split('<code class="key">')[1].split("</code>")[0]
    assert key.startswith("cmp_") and key not in token.key_hash
    assert key not in client.get(url).content.decode()
    assert partner_token_authenticate(key) == token
    assert PartnerToken.objects.get(pk=token.pk).last_used_at is not None


def test_revoked_and_expired_partner_tokens_open_nothing(operation, officer):
    token, key = partner_token_create(
        operation=operation, name="NGO tracker", expires_at=timezone.now() + dt.timedelta(days=1), by=officer
    )
    old, old_key = partner_token_create(
        operation=operation, name="Old", expires_at=timezone.now() + dt.timedelta(seconds=1), by=officer
    )
    PartnerToken.objects.filter(pk=old.pk).update(expires_at=timezone.now() - dt.timedelta(minutes=1))
    assert partner_token_authenticate(old_key) is None
    from cmcoord.services import partner_token_revoke

    partner_token_revoke(token=token, by=officer)
    assert partner_token_authenticate(key) is None


def test_partner_token_expiry_must_be_within_a_year(client, operation, officer):
    client.force_login(officer)
    url = reverse("cmcoord:partner-token-list", kwargs={"op": operation.pk})
    far = (timezone.localdate() + dt.timedelta(days=800)).isoformat()
    response = client.post(url, {"name": "Forever", "expires_on": far})
    assert "at most one year" in response.content.decode()
    assert not PartnerToken.objects.exists()


def test_a_civilian_organisations_contacts_need_no_interlocutor_decision(client, operation, field):
    wfp = ActorFactory(operation=operation, name="WFP")
    ContactFactory(actor=wfp, full_name="Logistics Officer Rui", radio_call_sign="")
    jtf = MilitaryActorFactory(operation=operation)
    ContactFactory(actor=jtf, full_name="Maj. Undecided Yet")
    listing = _get(client, field, "contacts:list", op=operation.pk).content.decode()
    assert "Logistics Officer Rui" in listing and "Undecided Yet" not in listing


def test_field_staff_find_who_operates_in_a_district_and_sector(client, operation, field):
    from actors.models import ActorPresence
    from tests.factories import AreaFactory, SectorFactory

    sofala = AreaFactory(pcode="MZ07", name="Sofala")
    beira = AreaFactory(pcode="MZ0701", name="Beira", level=2, parent=sofala)
    logistics = SectorFactory(code="LOG", name="Logistics")
    there = ActorFactory(operation=operation, name="Logistics Cluster team")
    ActorPresence.objects.create(actor=there, area=beira, sector=logistics)
    ActorFactory(operation=operation, name="Somewhere else entirely")
    url = reverse("actors:list", kwargs={"op": operation.pk}) + "?area=MZ07&sector=LOG"
    browser = Client()
    browser.force_login(field)
    page = browser.get(url).content.decode()
    assert "Logistics Cluster team" in page and "Somewhere else entirely" not in page


def test_a_new_draft_waits_for_the_hct_while_everyone_reads_the_approved_strategy(
    client, operation, officer, hct, field
):
    operation.strategy, operation.strategy_rationale = (
        "coordination",
        "Government leads; military in support.",
    )
    operation.strategy_status, operation.strategy_approved_by = "approved", hct
    operation.save()
    client.force_login(officer)
    url = reverse("web:strategy", kwargs={"op": operation.pk})
    client.post(url, {"strategy": "co_existence", "rationale": "Armed clashes resumed in the north."})
    as_field = _get(client, field, "web:dashboard", op=operation.pk).content.decode()
    assert "Government leads" in as_field and "Armed clashes" not in as_field
    as_hct = _get(client, hct, "web:dashboard", op=operation.pk).content.decode()
    assert "Draft awaiting approval" in as_hct and "Armed clashes" in as_hct
    client.force_login(hct)
    client.post(url, {"approve": "1"})
    as_field = _get(client, field, "web:dashboard", op=operation.pk).content.decode()
    assert "Armed clashes resumed" in as_field and "Co-existence" in as_field


def test_a_refused_draft_keeps_what_the_officer_typed(client, operation, officer):
    client.force_login(officer)
    url = reverse("web:strategy", kwargs={"op": operation.pk})
    page = client.post(url, {"strategy": "cooperation", "rationale": "   "}).content.decode()
    assert (
        'value="cooperation" selected' in page
        or "selected>Cooperation" in page
        or "Cooperation</option>" in page
    )
    assert "This field is required." in page or "Give the rationale" in page
