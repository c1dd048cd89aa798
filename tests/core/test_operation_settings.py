"""The officers keep their operation's settings on a page (no Django admin): its phase and end,
its time zone, the members' default language, when phase-out reminders go out and how long a
request may wait for an answer. A wrong value is refused next to its field and nothing is saved."""

from django.test import Client

from cmcoord.models import Operation
from tests.pages import form_errors, page, posted_form


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_an_officer_changes_the_clock_and_the_reminders_of_the_operation(operation, officer):
    client = signed_in(officer)
    url = page("cmcoord:settings", operation)
    form = posted_form(client.get(url))
    assert form["reminder_lead_days"] == ", ".join(str(d) for d in operation.reminder_lead_days)
    form.update(time_zone="Asia/Aden", reminder_lead_days="7, 30 ,14", answer_within_days="5")

    response = client.post(url, form, follow=True)

    assert "saved" in response.content.decode()
    stored = Operation.objects.get(pk=operation.pk)
    assert stored.time_zone == "Asia/Aden"
    assert stored.reminder_lead_days == [30, 14, 7] and stored.answer_within_days == 5
    assert stored.history.first().history_user == officer


def test_an_unknown_time_zone_and_bad_lead_days_are_refused_next_to_their_fields(operation, officer):
    client = signed_in(officer)
    url = page("cmcoord:settings", operation)
    form = posted_form(client.get(url))
    form.update(time_zone="Mars/Olympus", answer_within_days="4")

    response = client.post(url, form)

    assert "time_zone" in form_errors(response)
    assert "Mars/Olympus" in response.content.decode()  # what was typed stays in the form
    form.update(time_zone="Africa/Maputo", reminder_lead_days="30, soon")
    assert "reminder_lead_days" in form_errors(client.post(url, form))
    form.update(reminder_lead_days="400")
    assert "reminder_lead_days" in form_errors(client.post(url, form))
    assert Operation.objects.get(pk=operation.pk).answer_within_days == operation.answer_within_days


def test_a_save_based_on_settings_a_colleague_has_since_changed_is_refused(operation, officer, hct):
    client = signed_in(officer)
    url = page("cmcoord:settings", operation)
    mine, theirs = posted_form(client.get(url)), posted_form(client.get(url))
    theirs.update(answer_within_days="9")
    client.post(url, theirs)
    mine.update(answer_within_days="2")

    response = client.post(url, mine)

    assert response.status_code == 200 and response.context["record_changed"]
    assert Operation.objects.get(pk=operation.pk).answer_within_days == 9


def test_only_officers_see_the_settings_link(operation, officer, field):
    link = page("cmcoord:settings", operation)
    assert link in signed_in(officer).get(operation.get_absolute_url()).content.decode()
    assert link not in signed_in(field).get(operation.get_absolute_url()).content.decode()
