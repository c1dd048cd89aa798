"""The history shows what changed: each field before → after, as people read it, to officers
and HCT/UNCT only, filtered and paginated at a cost that follows the page."""

import datetime as dt

import pytest
from django.urls import reverse

from cell.services import cell_request_submit, cell_request_triage
from cmcoord.roles import Role
from cmcoord.services import record_delete, record_save, role_grant
from meetings.models import AgendaItem, Decision, Meeting, Participant
from tests.factories import ActorFactory, MeetingFactory, UserFactory

pytestmark = pytest.mark.django_db


def _page(client, operation, **params):
    return client.get(reverse("web:history", args=[operation.pk]), params)


def _api(client, operation, **params):
    return client.get(reverse("api:history"), {"operation": operation.pk, **params})


def _renamed_actor(officer, operation, old="Navy Task Group 4", new="Joint Task Force Sealift"):
    actor = ActorFactory(operation=operation, name=old)
    actor.refresh_from_db()
    actor.name = new
    record_save(instance=actor, by=officer)
    return actor


def test_a_renamed_actor_shows_its_name_before_and_after(client, officer, operation):
    _renamed_actor(officer, operation)
    client.force_login(officer)
    page = _page(client, operation).content.decode()
    assert "Name: Navy Task Group 4 → Joint Task Force Sealift" in page
    assert str(officer) in page


def test_a_cell_request_status_shows_as_people_read_it(client, officer, field, operation):
    request = cell_request_submit(
        operation=operation, by=field, kind="access", title="Road to Buzi cut", description="Bridge out."
    )
    cell_request_triage(cell_request=request, by=officer)
    client.force_login(officer)
    page = _page(client, operation).content.decode()
    assert "Status: Submitted → " in page
    body = _api(client, operation, kind="cellrequest").json()
    status = [c for row in body["results"] for c in row["changes"] if c["field"] == "status"]
    assert status and status[0]["before"] == "Submitted"


def test_a_meeting_date_change_is_shown_in_the_locale_date_format(client, officer, operation):
    meeting = MeetingFactory(forum__operation=operation, title="Cell sitting")
    meeting.refresh_from_db()
    meeting.starts_at = meeting.starts_at.replace(year=2031)
    meeting.ends_at = meeting.starts_at + dt.timedelta(hours=1)
    record_save(instance=meeting, by=officer)
    client.force_login(officer)
    body = _api(client, operation, record=f"meeting:{meeting.pk}").json()
    fields = {c["field"]: c for row in body["results"] for c in row["changes"]}
    starts = fields["starts_at"]
    assert starts["label"] == str(Meeting._meta.get_field("starts_at").verbose_name).capitalize()
    assert "2031" in starts["after"] and "2031" not in starts["before"]
    assert "T" not in starts["after"]  # read as people read dates, not ISO 8601
    assert starts["after"] in _page(client, operation).content.decode()


def test_agenda_items_participants_and_decisions_have_history(client, officer, operation):
    meeting = MeetingFactory(forum__operation=operation)
    item = AgendaItem(meeting=meeting, position=1, title="Fuel for the helicopters")
    record_save(instance=item, by=officer)
    item.title = "Fuel for the two helicopters"
    record_save(instance=item, by=officer)
    record_save(instance=Decision(meeting=meeting, agenda_item=item, text="Ask WFP for fuel."), by=officer)
    participant = Participant(meeting=meeting, user=officer)
    record_save(instance=participant, by=officer)
    participant.attended = True
    record_save(instance=participant, by=officer)
    client.force_login(officer)
    page = _page(client, operation, record=f"meeting:{meeting.pk}").content.decode()
    assert "Title: Fuel for the helicopters → Fuel for the two helicopters" in page
    assert "Ask WFP for fuel." in page
    assert "Attended: (empty) → Yes" in page


def test_a_deleted_record_keeps_its_last_name_for_officers(client, officer, operation):
    actor = _renamed_actor(officer, operation)
    record_delete(instance=actor, by=officer)
    client.force_login(officer)
    page = _page(client, operation).content.decode()
    assert "Joint Task Force Sealift" in page
    assert "deleted since" in page


def test_history_of_another_operation_never_appears(client, officer, operation, other_operation):
    someone = UserFactory()
    other = ActorFactory(operation=other_operation, name="Other operation's actor")
    other.refresh_from_db()
    other.name = "Renamed elsewhere"
    other._history_user = someone
    other.save()
    client.force_login(officer)
    assert "Renamed elsewhere" not in _page(client, operation).content.decode()
    assert "Renamed elsewhere" not in _api(client, operation).content.decode()
    assert _api(client, other_operation).status_code == 404


def test_field_staff_are_refused_and_outsiders_find_nothing(client, field, outsider, operation):
    client.force_login(field)
    assert _page(client, operation).status_code == 403
    assert _api(client, operation).status_code == 403
    client.force_login(outsider)
    assert _page(client, operation).status_code == 404
    assert _api(client, operation).status_code == 404


def test_hct_reads_the_history(client, officer, hct, operation):
    _renamed_actor(officer, operation)
    client.force_login(hct)
    assert "Joint Task Force Sealift" in _page(client, operation).content.decode()
    assert _api(client, operation).status_code == 200


def test_filters_by_kind_person_and_dates(client, officer, operation):
    colleague = UserFactory()
    role_grant(user=colleague, operation=operation, role=Role.OFFICER)
    _renamed_actor(officer, operation)
    meeting = MeetingFactory(forum__operation=operation, title="Weekly cell")
    record_save(instance=AgendaItem(meeting=meeting, position=1, title="Fuel"), by=colleague)
    client.force_login(officer)
    by_kind = _page(client, operation, kind="agendaitem").content.decode()
    assert "Fuel" in by_kind and "Joint Task Force Sealift" not in by_kind
    by_person = _page(client, operation, person=colleague.pk).content.decode()
    assert "Fuel" in by_person and "Joint Task Force Sealift" not in by_person
    tomorrow = (dt.date.today() + dt.timedelta(days=2)).isoformat()
    later = _page(client, operation, since=tomorrow).content.decode()
    assert "Fuel" not in later and "Joint Task Force Sealift" not in later


def test_dates_outside_the_calendar_are_refused_with_a_message(client, officer, operation):
    client.force_login(officer)
    response = _page(client, operation, since="1850-01-01")
    assert response.status_code == 200
    assert "Enter a date between 1900-01-01 and 2200-12-31." in response.content.decode()
    api = _api(client, operation, until="2300-01-01")
    assert api.status_code == 400 and "until" in api.json()
    assert _api(client, operation, record="nonsense").status_code == 400
    assert _api(client, operation, kind="nosuchkind").status_code == 400


def test_cost_follows_the_page_not_the_history(client, officer, operation, django_assert_max_num_queries):
    meeting = MeetingFactory(forum__operation=operation)
    for n in range(30):
        actor = ActorFactory(operation=operation, name=f"Actor {n}")
        actor.refresh_from_db()
        actor.name = f"Actor {n} renamed"
        record_save(instance=actor, by=officer)
        item = AgendaItem(meeting=meeting, position=n + 1, title=f"Item {n}")
        record_save(instance=item, by=officer)
        item.title = f"Item {n} renamed"
        record_save(instance=item, by=officer)
    client.force_login(officer)
    with django_assert_max_num_queries(34):  # the page's frame (header queues, HNS's too) and the rows
        page = _page(client, operation)
    assert page.content.decode().count("renamed") >= 40
    with django_assert_max_num_queries(30):
        assert len(_api(client, operation, page_size=100).json()["results"]) == 100


def test_presences_and_forum_members_have_history(client, officer, operation):
    from actors.models import ActorPresence
    from meetings.models import ForumMember
    from tests.factories import ForumFactory, SectorFactory

    actor = ActorFactory(operation=operation, name="WFP")
    presence = ActorPresence(actor=actor, sector=SectorFactory(), activities="Food distribution")
    record_save(instance=presence, by=officer)
    presence.activities = "Food and cash distribution"
    record_save(instance=presence, by=officer)
    record_save(instance=ForumMember(forum=ForumFactory(operation=operation), actor=actor), by=officer)
    client.force_login(officer)
    page = _page(client, operation, record=f"actor:{actor.pk}").content.decode()
    assert "Activities: Food distribution → Food and cash distribution" in page
    assert "Forum member" in _page(client, operation, kind="forummember").content.decode()


def test_what_a_reader_may_not_see_is_never_shown(officer, field, operation):
    """The rules hold for any reader (the page admits only full readers, the rules do not rely on it)."""
    from web import history

    restricted = ActorFactory(operation=operation, name="Special unit", sensitivity="restricted")
    restricted.refresh_from_db()
    restricted.notes = "Moved north"
    record_save(instance=restricted, by=officer)
    unit = ActorFactory(operation=operation, name="Logistics unit", sensitivity="internal")
    unit.refresh_from_db()
    unit.parent, unit.acronym = restricted, "LOG"
    record_save(instance=unit, by=officer)
    meeting = MeetingFactory(forum__operation=operation, sensitivity="internal")
    meeting.refresh_from_db()
    meeting.minutes, meeting.summary = "Secret minutes", "Public summary"
    record_save(instance=meeting, by=officer)
    rows = list(history.history_rows(history.Query(operation=operation)))
    seen = history.build_changes(field, operation, rows)
    labels = {c.label for c in seen}
    assert "Special unit" not in labels
    fields = {(c.label, f.field) for c in seen for f in c.fields}
    assert ("Logistics unit", "acronym") in fields
    assert ("Logistics unit", "parent") not in fields
    assert all(f.field != "minutes" for c in seen for f in c.fields)
    assert any(f.field == "summary" for c in seen for f in c.fields)
    assert "Special unit" not in repr(seen)
    full = history.build_changes(officer, operation, rows)
    assert ("Logistics unit", "parent") in {(c.label, f.field) for c in full for f in c.fields}
