"""An officer schedules meetings, records their agenda, decisions and attendance, and sets action points."""

import datetime as dt

from cmcoord.roles import Role
from cmcoord.services import role_grant
from meetings.models import (
    ActionPoint,
    AgendaItem,
    CoordinationForum,
    Decision,
    ForumMember,
    Meeting,
    Participant,
)
from tests.factories import (
    ActionPointFactory,
    CellRequestFactory,
    ContactFactory,
    ForumFactory,
    MeetingFactory,
    MilitaryActorFactory,
    UserFactory,
)
from tests.pages import form_errors, management, page

UTC = dt.UTC


def _meeting_data(forum, **changes):
    data = {
        "title": "UN-CMCoord cell, Beira",
        "kind": "forum_sitting",
        "forum": forum.pk,
        "starts_at": "2026-12-01T08:30",
        "ends_at": "2026-12-01T09:30",
        "location": "HCT hub, Beira",
        "status": "scheduled",
        "summary": "",
        "minutes": "",
        "sensitivity": "internal",
        **management("agenda"),
    }
    return {**data, **changes}


def _edit_data(meeting, **changes):
    """What the agenda section posts back: the meeting's version and its agenda."""
    meeting.refresh_from_db()
    items = list(meeting.agenda_items.all())
    data = {"version": meeting.version, **management("agenda", total=len(items), initial=len(items))}
    for i, item in enumerate(items):
        data.update(
            {
                f"agenda-{i}-id": item.pk,
                f"agenda-{i}-position": item.position,
                f"agenda-{i}-title": item.title,
            }
        )
    return {**data, **changes}


def test_an_officer_schedules_a_meeting_in_the_operations_local_time(browser, operation, officer):
    forum = ForumFactory(operation=operation)
    data = _meeting_data(
        forum,
        chair=officer.pk,
        **management("agenda", total=2),
        **{"agenda-0-position": 1, "agenda-0-title": "Access to Búzi", "agenda-1-position": 2},
    )
    response = browser.post(page("meetings:create", operation), data, follow=True)
    meeting = Meeting.objects.get()
    assert meeting.operation == operation and meeting.chair == officer
    assert meeting.starts_at == dt.datetime(2026, 12, 1, 6, 30, tzinfo=UTC)  # Maputo is UTC+2
    assert [item.title for item in meeting.agenda_items.all()] == ["Access to Búzi"]
    assert response.redirect_chain[-1][0] == page("meetings:detail", operation, pk=meeting.pk)
    assert "Access to Búzi" in response.content.decode()
    assert meeting.history.get().history_user == officer

    edit = browser.get(page("meetings:edit-details", operation, pk=meeting.pk)).content.decode()
    assert 'value="2026-12-01T08:30"' in edit


def test_an_officer_records_decisions_and_who_attended(browser, operation, officer, field):
    meeting = MeetingFactory(forum=ForumFactory(operation=operation))
    item = AgendaItem.objects.create(meeting=meeting, position=1, title="Access")
    actor = MilitaryActorFactory(operation=operation)
    decisions = {
        "version": meeting.version,
        "summary": "The N6 is open to convoys.",
        **management("decision", total=1),
        **{"decision-0-text": "Convoys use the N6 without escort.", "decision-0-agenda_item": item.pk},
    }
    response = browser.post(page("meetings:edit-decisions", operation, pk=meeting.pk), decisions, follow=True)
    assert response.redirect_chain, form_errors(response)
    meeting.refresh_from_db()
    invited = {
        "version": meeting.version,
        **management("participant", total=2),
        **{"participant-0-user": field.pk, "participant-1-actor": actor.pk},
    }
    browser.post(page("meetings:edit-participants", operation, pk=meeting.pk), invited)
    meeting.refresh_from_db()
    rows = {p.user_id or p.actor_id: p.pk for p in meeting.participants.all()}
    attendance = {
        "version": meeting.version,
        **management("attendance", total=2, initial=2),
        **{"attendance-0-id": rows[field.pk], "attendance-0-attended": "true"},
        **{"attendance-1-id": rows[actor.pk], "attendance-1-attended": "false"},
    }
    browser.post(page("meetings:edit-attendance", operation, pk=meeting.pk), attendance)
    meeting.refresh_from_db()
    assert meeting.summary == "The N6 is open to convoys."
    assert Decision.objects.get(meeting=meeting).agenda_item == item
    assert {(p.user, p.actor, p.attended) for p in Participant.objects.filter(meeting=meeting)} == {
        (field, None, True),
        (None, actor, False),
    }
    body = browser.get(meeting.get_absolute_url()).content.decode()
    assert "Convoys use the N6 without escort." in body and "(absent)" in body


def test_an_officer_removes_an_agenda_item(browser, operation):
    meeting = MeetingFactory(forum=ForumFactory(operation=operation))
    AgendaItem.objects.create(meeting=meeting, position=1, title="Access")
    browser.post(
        page("meetings:edit-agenda", operation, pk=meeting.pk),
        _edit_data(meeting, **{"agenda-0-DELETE": "on"}),
    )
    assert not meeting.agenda_items.exists()


def test_an_agenda_item_where_a_request_is_tabled_stays(browser, operation):
    meeting = MeetingFactory(forum=ForumFactory(operation=operation))
    item = AgendaItem.objects.create(meeting=meeting, position=1, title="Access")
    CellRequestFactory(operation=operation, status="tabled", tabled_at=item)
    response = browser.post(
        page("meetings:edit-agenda", operation, pk=meeting.pk),
        _edit_data(meeting, **{"agenda-0-DELETE": "on"}),
    )
    assert response.status_code == 200
    assert "A cell request is tabled here" in response.content.decode()
    assert meeting.agenda_items.exists()


def test_a_meeting_ending_before_it_starts_is_explained_and_nothing_is_saved(browser, operation):
    forum = ForumFactory(operation=operation)
    data = _meeting_data(forum, ends_at="2026-12-01T08:00", **management("agenda", total=1))
    data["agenda-0-position"], data["agenda-0-title"] = 1, "Access"
    response = browser.post(page("meetings:create", operation), data)
    assert form_errors(response)["ends_at"] == ["The meeting must end after it starts."]
    assert not Meeting.objects.exists() and not AgendaItem.objects.exists()
    assert response.context["formsets"][0].forms[0]["title"].value() == "Access"


def test_a_forum_of_another_operation_is_a_form_error(browser, operation, other_operation):
    foreign = ForumFactory(operation=other_operation)
    errors = form_errors(browser.post(page("meetings:create", operation), _meeting_data(foreign)))
    assert "Select a valid choice" in errors["forum"][0]
    assert not Meeting.objects.exists()


def test_a_decision_cannot_point_at_another_meetings_agenda(browser, operation):
    meeting = MeetingFactory(forum=ForumFactory(operation=operation))
    elsewhere = AgendaItem.objects.create(meeting=MeetingFactory(forum=meeting.forum), position=1, title="X")
    data = {
        "version": meeting.version,
        **management("decision", total=1),
        **{"decision-0-text": "Agreed.", "decision-0-agenda_item": elsewhere.pk},
    }
    response = browser.post(page("meetings:edit-decisions", operation, pk=meeting.pk), data)
    assert response.status_code == 200
    assert not Decision.objects.exists()


def test_a_meeting_with_a_tabled_request_is_not_deleted(browser, operation):
    meeting = MeetingFactory(forum=ForumFactory(operation=operation))
    CellRequestFactory(
        operation=operation,
        status="tabled",
        tabled_at=AgendaItem.objects.create(meeting=meeting, position=1, title="Access"),
    )
    assert (
        "cannot be deleted yet"
        in browser.get(page("meetings:delete", operation, pk=meeting.pk)).content.decode()
    )
    browser.post(page("meetings:delete", operation, pk=meeting.pk))
    assert Meeting.objects.filter(pk=meeting.pk).exists()


def test_an_officer_deletes_a_meeting(browser, operation, officer):
    meeting = MeetingFactory(forum=ForumFactory(operation=operation))
    response = browser.post(page("meetings:delete", operation, pk=meeting.pk))
    assert response["Location"] == page("meetings:list", operation)
    assert not Meeting.objects.exists()
    assert Meeting.history.filter(history_type="-").get().history_user == officer


ACTION = {"title": "Ask the JTF for the convoy schedule", "description": "", "due_date": "2026-12-04"}


def test_an_officer_sets_an_action_point_from_a_meeting(browser, operation, officer, field):
    meeting = MeetingFactory(forum=ForumFactory(operation=operation))
    url = page("meetings:action-point-create", operation)
    assert browser.get(url + f"?meeting={meeting.pk}").context["form"]["meeting"].value() == meeting.pk
    response = browser.post(url, {**ACTION, "meeting": meeting.pk, "owner": field.pk}, follow=True)
    point = ActionPoint.objects.get()
    assert (point.operation, point.meeting, point.owner, point.status) == (operation, meeting, field, "open")
    assert response.redirect_chain[-1][0] == page("meetings:action-point-detail", operation, pk=point.pk)
    assert point.history.get().history_user == officer
    detail = browser.get(page("meetings:detail", operation, pk=meeting.pk)).content.decode()
    assert ACTION["title"] in detail


def test_the_owner_must_be_a_member_of_the_operation(browser, operation, outsider, field_other):
    for stranger in (outsider, field_other):
        errors = form_errors(
            browser.post(page("meetings:action-point-create", operation), {**ACTION, "owner": stranger.pk})
        )
        assert "Select a valid choice" in errors["owner"][0]
    assert not ActionPoint.objects.exists()


def test_an_action_point_needs_an_owner(browser, operation):
    errors = form_errors(browser.post(page("meetings:action-point-create", operation), ACTION))
    assert errors["owner"] == ["Every action point needs an owner: a person or an organisation."]


def test_an_organisation_of_another_operation_cannot_own_an_action_point(browser, operation, other_operation):
    foreign = MilitaryActorFactory(operation=other_operation)
    errors = form_errors(
        browser.post(page("meetings:action-point-create", operation), {**ACTION, "owner_actor": foreign.pk})
    )
    assert "Select a valid choice" in errors["owner_actor"][0]


def test_an_officer_reassigns_an_action_point(browser, operation, field):
    point = ActionPointFactory(operation=operation, owner=field)
    colleague = UserFactory(username="colleague")
    role_grant(user=colleague, operation=operation, role=Role.FIELD_STAFF)
    browser.post(
        page("meetings:action-point-update", operation, pk=point.pk), {**ACTION, "owner": colleague.pk}
    )
    point.refresh_from_db()
    assert point.owner == colleague


def test_an_officer_sets_up_a_forum_and_its_standing_members(browser, operation, officer):
    actor = MilitaryActorFactory(operation=operation)
    contact = ContactFactory(actor=actor)
    data = {
        "name": "HuMOCC Beira",
        "kind": "humocc",
        "chair": officer.pk,
        "rhythm": "Mon/Wed/Fri 08:30",
        "sensitivity": "internal",
        **management("member", total=1),
        "member-0-actor": actor.pk,
        "member-0-representative": contact.pk,
    }
    browser.post(page("meetings:forum-create", operation), data)
    forum = CoordinationForum.objects.get(name="HuMOCC Beira")
    assert forum.operation == operation and forum.history.get().history_user == officer
    assert ForumMember.objects.get(forum=forum).representative == contact


def test_a_representative_must_be_of_the_members_actor(browser, operation):
    forum = ForumFactory(operation=operation)
    actor, other_actor = MilitaryActorFactory(operation=operation), MilitaryActorFactory(operation=operation)
    data = {
        "name": forum.name,
        "kind": forum.kind,
        "sensitivity": "internal",
        **management("member", total=1),
        "member-0-actor": actor.pk,
        "member-0-representative": ContactFactory(actor=other_actor).pk,
    }
    response = browser.post(page("meetings:forum-update", operation, pk=forum.pk), data)
    assert response.context["formsets"][0].forms[0].errors["representative"] == [
        "The representative must be a contact of this actor."
    ]
    assert not ForumMember.objects.exists()


def test_giving_someone_an_action_point_tells_them_at_once(officer, field, operation):
    from cmcoord.models import Notification
    from meetings.models import ActionPoint
    from meetings.services import action_point_save as record_save
    from tests.factories import TODAY

    point = ActionPoint(operation=operation, title="Check the Buzi ford", owner=field, due_date=TODAY)
    record_save(instance=point, by=officer)
    notes = Notification.objects.filter(recipient=field, kind="action_point_assigned")
    assert [n.title for n in notes] == ["Action point for you, due 2026-11-25: Check the Buzi ford"]
    point.progress_note = "Started"
    record_save(instance=point, by=officer)
    assert notes.count() == 1  # the same owner again: no second message
    point.owner = officer
    record_save(instance=point, by=officer)
    assert not Notification.objects.filter(recipient=officer).exists()  # nobody tells themselves


def test_a_new_sitting_starts_with_the_forums_standing_members(browser, operation):
    forum = ForumFactory(operation=operation)
    jtf = MilitaryActorFactory(operation=operation, name="JTF Kestrel")
    liaison = ContactFactory(actor=jtf, full_name="Maj. Thabo Nkosi")
    police = MilitaryActorFactory(
        operation=operation,
        name="Police",
        category="domestic_military",
        actor_type="police",
        contributing_state="",
    )
    ForumMember.objects.create(forum=forum, actor=jtf, representative=liaison)
    ForumMember.objects.create(forum=forum, actor=police)
    browser.post(page("meetings:create", operation), _meeting_data(forum))
    meeting = Meeting.objects.get()
    seats = sorted((p.actor.name, p.contact and p.contact.full_name) for p in meeting.participants.all())
    assert seats == [("JTF Kestrel", "Maj. Thabo Nkosi"), ("Police", None)]
    edit = browser.get(page("meetings:edit-participants", operation, pk=meeting.pk)).content.decode()
    assert 'name="participant-1-contact"' in edit and 'name="participant-4-actor"' in edit
