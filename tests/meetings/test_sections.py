"""The meeting's edit pages, one section each: each saves on its own, refuses a page opened before
someone else's save, saves once when sent twice, and offers only the people the officer may see,
named with their organisation and narrowed to the organisation chosen."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cmcoord.roles import Role
from cmcoord.services import role_grant
from meetings.models import AgendaItem, Decision, Meeting, Participant
from tests.factories import ContactFactory, ForumFactory, MeetingFactory, MilitaryActorFactory, UserFactory
from tests.pages import management, page

TOKEN = "a-one-time-token-0123456789ab"


@pytest.fixture
def meeting(operation):
    return MeetingFactory(forum=ForumFactory(operation=operation), title="Cell sitting, Beira")


def _details(meeting, **changes):
    return {
        "title": meeting.title,
        "kind": "forum_sitting",
        "forum": meeting.forum_id,
        "starts_at": "2026-12-01T08:30",
        "ends_at": "2026-12-01T09:30",
        "location": "Beira",
        "status": "scheduled",
        "sensitivity": "internal",
        **changes,
    }


# section, what it posts, how to read back what it saved
SECTIONS = {
    "details": (lambda m: _details(m, title="Renamed sitting"), lambda m: m.title == "Renamed sitting"),
    "agenda": (
        lambda m: {
            **management("agenda", total=1),
            "agenda-0-position": 1,
            "agenda-0-title": "Access to Búzi",
        },
        lambda m: [i.title for i in m.agenda_items.all()] == ["Access to Búzi"],
    ),
    "participants": (
        lambda m: {**management("participant", total=1), "participant-0-actor": m._actor.pk},
        lambda m: [p.actor_id for p in m.participants.all()] == [m._actor.pk],
    ),
    "attendance": (
        lambda m: {
            **management("attendance", total=1, initial=1),
            "attendance-0-id": m._row.pk,
            "attendance-0-attended": "true",
        },
        lambda m: m.participants.get().attended is True,
    ),
    "decisions": (
        lambda m: {
            "summary": "Roads open.",
            **management("decision", total=1),
            "decision-0-text": "Convoys go.",
        },
        lambda m: m.summary == "Roads open." and [d.text for d in m.decisions.all()] == ["Convoys go."],
    ),
    "minutes": (
        lambda m: {"minutes": "Said: the bridge holds."},
        lambda m: m.minutes == "Said: the bridge holds.",
    ),
}


def _prepare(meeting, section):
    meeting._actor = MilitaryActorFactory(operation=meeting.operation, name="JTF Kestrel")
    if section == "attendance":
        meeting._row = Participant.objects.create(meeting=meeting, actor=meeting._actor)


@pytest.mark.parametrize("section", list(SECTIONS))
def test_each_section_saves_on_its_own(browser, operation, meeting, officer, section):
    _prepare(meeting, section)
    data, saved = SECTIONS[section]
    url = page(f"meetings:edit-{section}", operation, pk=meeting.pk)
    assert browser.get(url).status_code == 200
    response = browser.post(url, {"version": meeting.version, "submission_token": TOKEN, **data(meeting)})
    assert response.status_code == 302 and response["Location"] == url
    stored = Meeting.objects.get(pk=meeting.pk)
    stored._actor = meeting._actor
    assert saved(stored)
    assert stored.version == meeting.version + 1
    assert stored.history.first().history_user == officer


@pytest.mark.parametrize("section", list(SECTIONS))
def test_each_section_refuses_a_page_opened_before_someone_elses_save(browser, operation, meeting, section):
    _prepare(meeting, section)
    data, saved = SECTIONS[section]
    opened_at = meeting.version
    colleague = UserFactory(username="colleague", first_name="Amina", last_name="Sitoe")
    role_grant(user=colleague, operation=operation, role=Role.OFFICER)
    other = Client()
    other.force_login(colleague)
    other.post(
        page("meetings:edit-minutes", operation, pk=meeting.pk), {"version": opened_at, "minutes": "Mine."}
    )
    assert Meeting.objects.get(pk=meeting.pk).version == opened_at + 1

    url = page(f"meetings:edit-{section}", operation, pk=meeting.pk)
    response = browser.post(url, {"version": opened_at, **data(meeting)})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Nothing was saved: someone saved this meeting while you were editing" in body
    assert "changed this record while you were editing" in body
    stored = Meeting.objects.get(pk=meeting.pk)
    stored._actor = meeting._actor
    assert stored.version == opened_at + 1 and not saved(stored)
    # What the officer typed is still there, and a second Save (now based on the new version) goes through.
    assert response.context["form"]["version"].value() == str(opened_at + 1)
    again = browser.post(url, {"version": opened_at + 1, **data(meeting)})
    assert again.status_code == 302
    stored = Meeting.objects.get(pk=meeting.pk)
    stored._actor = meeting._actor
    assert saved(stored)


def test_a_section_sent_twice_saves_once(browser, operation, meeting):
    url = page("meetings:edit-agenda", operation, pk=meeting.pk)
    data, _saved = SECTIONS["agenda"]
    posted = {"version": meeting.version, "submission_token": TOKEN, **data(meeting)}
    first, second = browser.post(url, posted), browser.post(url, posted, follow=True)
    assert first.status_code == 302
    assert AgendaItem.objects.filter(meeting=meeting).count() == 1
    assert "This form was already sent" in second.content.decode()


def test_the_old_edit_address_leads_to_the_details(browser, operation, meeting):
    response = browser.get(page("meetings:update", operation, pk=meeting.pk))
    assert response["Location"] == page("meetings:edit-details", operation, pk=meeting.pk)


# --- The participants' pickers ----------------------------------------------------------------


def _options(html: str, name: str) -> list[str]:
    select = re.search(rf'<select name="{re.escape(name)}"[^>]*>(.*?)</select>', html, re.S).group(1)
    return [
        re.sub(r"\s+", " ", text).strip() for text in re.findall(r"<option[^>]*>(.*?)</option>", select, re.S)
    ]


@pytest.fixture
def people(operation, other_operation):
    jtf = MilitaryActorFactory(operation=operation, name="JTF Kestrel")
    police = MilitaryActorFactory(operation=operation, name="Police of Sofala")
    return {
        "jtf": jtf,
        "police": police,
        "nkosi": ContactFactory(actor=jtf, full_name="Thabo Nkosi", rank_or_title="Maj."),
        "banda": ContactFactory(actor=police, full_name="Joana Banda", rank_or_title="Insp."),
        "foreign": ContactFactory(
            actor=MilitaryActorFactory(operation=other_operation, name="Malawi Defence Force"),
            full_name="Stranger Phiri",
        ),
    }


def test_people_are_named_with_their_organisation_and_follow_the_one_chosen(
    browser, operation, meeting, people
):
    Participant.objects.create(meeting=meeting, actor=people["jtf"], contact=people["nkosi"])
    url = page("meetings:edit-participants", operation, pk=meeting.pk)
    html = browser.get(url).content.decode()
    # The row of the JTF offers the JTF's people only; a new row everyone, with their organisation.
    assert _options(html, "participant-0-contact") == ["---------", "Maj. Thabo Nkosi — JTF Kestrel"]
    new_row = _options(html, "participant-1-contact")
    assert "Insp. Joana Banda — Police of Sofala" in new_row and "Maj. Thabo Nkosi — JTF Kestrel" in new_row
    assert "Stranger" not in html and "Malawi" not in html  # another operation's people: never offered
    # Without script: choose the organisation first, then the new rows list only its people.
    chosen = browser.get(url + f"?actor={people['police'].pk}").content.decode()
    assert _options(chosen, "participant-1-contact") == ["---------", "Insp. Joana Banda — Police of Sofala"]
    assert "Add people of Police of Sofala" in chosen


def test_a_person_of_another_organisation_or_operation_is_refused(browser, operation, meeting, people):
    url = page("meetings:edit-participants", operation, pk=meeting.pk)
    base = {"version": meeting.version, **management("participant", total=1)}
    mismatched = browser.post(
        url, {**base, "participant-0-actor": people["jtf"].pk, "participant-0-contact": people["banda"].pk}
    )
    assert "This person is not of the organisation chosen" in mismatched.content.decode()
    foreign = browser.post(url, {**base, "participant-0-contact": people["foreign"].pk})
    assert "Select a valid choice" in foreign.content.decode()
    assert not Participant.objects.exists()


def test_participants_are_grouped_by_organisation_and_found_without_script(
    browser, operation, meeting, people, field
):
    Participant.objects.create(meeting=meeting, contact=people["nkosi"])
    Participant.objects.create(meeting=meeting, actor=people["police"], contact=people["banda"])
    Participant.objects.create(meeting=meeting, user=field)
    url = page("meetings:edit-participants", operation, pk=meeting.pk)
    html = browser.get(url).content.decode()
    headings = re.findall(r"<h2>(.*?)</h2>", html)
    assert headings[:3] == ["JTF Kestrel", "Police of Sofala", "No organisation named"]
    found = browser.get(url + "?q=banda").content.decode()
    assert "Police of Sofala</h2>" in found and "JTF Kestrel</h2>" not in found
    assert 'name="participant-INITIAL_FORMS" value="1"' in found


def test_the_participants_page_costs_the_same_for_3_or_30_people(browser, operation, meeting, people):
    url = page("meetings:edit-participants", operation, pk=meeting.pk)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert browser.get(url).status_code == 200
        return len(captured)

    for _n in range(3):
        Participant.objects.create(meeting=meeting, contact=ContactFactory(actor=people["jtf"]))
    few = queries()
    for _n in range(27):
        Participant.objects.create(meeting=meeting, contact=ContactFactory(actor=people["police"]))
    assert queries() == few


def test_decisions_point_only_at_this_meetings_agenda(browser, operation, meeting):
    item = AgendaItem.objects.create(meeting=meeting, position=1, title="Access")
    AgendaItem.objects.create(meeting=MeetingFactory(forum=meeting.forum), position=1, title="Elsewhere")
    html = browser.get(page("meetings:edit-decisions", operation, pk=meeting.pk)).content.decode()
    assert _options(html, "decision-0-agenda_item") == ["---------", str(item)]
    assert not Decision.objects.exists()
