"""The notification list, marking read, e-mail preferences: each user sees only their own."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cmcoord.models import Notification, NotificationKind, NotificationPreference
from cmcoord.models.notifications import EMAILED_KINDS
from cmcoord.reminders import unread_count

pytestmark = pytest.mark.django_db
LIST = reverse("notifications:list")
PREFERENCES = reverse("notifications:preferences")
READ_ALL = reverse("notifications:mark-all-read")


def note(user, title, read=False):
    return Notification.objects.create(
        recipient=user,
        kind=NotificationKind.PHASE_OUT,
        title=title,
        url="/operations/1/assets/1/",
        read_at=timezone.now() if read else None,
    )


def read_url(notification):
    return reverse("notifications:mark-read", args=[notification.pk])


@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_log_in(client, officer, method):
    mine = note(officer, "Helicopters phase out")
    for url in (LIST, PREFERENCES, READ_ALL, read_url(mine)):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and response.url.startswith(reverse("login")), url


def test_the_list_shows_my_notifications_unread_first(client, officer, hct):
    note(officer, "Old and read", read=True)
    note(officer, "New and unread")
    note(hct, "Not yours")
    client.force_login(officer)
    response = client.get(LIST)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("New and unread") < html.index("Old and read")
    assert "Not yours" not in html
    assert "1 unread" in html


def test_marking_one_read_then_returning(client, officer):
    mine = note(officer, "Helicopters phase out")
    client.force_login(officer)
    response = client.post(read_url(mine), {"next": "/notifications/?page=1"})
    assert response.status_code == 302 and response.url == "/notifications/?page=1"
    mine.refresh_from_db()
    assert mine.read_at is not None
    assert unread_count(officer) == 0


def test_a_next_address_off_the_site_is_ignored(client, officer):
    mine = note(officer, "Helicopters phase out")
    client.force_login(officer)
    response = client.post(read_url(mine), {"next": "https://evil.example/"})
    assert response.url == LIST


def test_someone_elses_notification_is_not_found_and_stays_unread(client, officer, hct):
    theirs = note(hct, "HCT only")
    client.force_login(officer)
    assert client.post(read_url(theirs)).status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_marking_read_needs_a_post(client, officer):
    mine = note(officer, "Helicopters phase out")
    client.force_login(officer)
    assert client.get(read_url(mine)).status_code == 405
    assert client.get(READ_ALL).status_code == 405


def test_marking_read_needs_the_csrf_token(officer):
    mine = note(officer, "Helicopters phase out")
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(officer)
    assert strict.post(read_url(mine)).status_code == 403
    mine.refresh_from_db()
    assert mine.read_at is None


def test_mark_all_read_touches_only_mine(client, officer, hct):
    note(officer, "One")
    note(officer, "Two")
    theirs = note(hct, "Theirs")
    client.force_login(officer)
    client.post(READ_ALL)
    assert unread_count(officer) == 0
    assert unread_count(hct) == 1
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_unread_count_of_an_anonymous_visitor_is_zero(officer):
    note(officer, "Helicopters phase out")
    assert unread_count(AnonymousUser()) == 0
    assert unread_count(officer) == 1


def test_preferences_start_with_every_email_on(client, officer):
    client.force_login(officer)
    html = client.get(PREFERENCES).content.decode()
    assert html.count("checked") == len(EMAILED_KINDS)


def test_turning_an_email_off_and_back_on(client, officer, hct):
    client.force_login(officer)
    kept_on = {kind: "on" for kind in EMAILED_KINDS if kind != NotificationKind.PHASE_OUT}
    response = client.post(PREFERENCES, kept_on)
    assert response.status_code == 302
    mine = dict(NotificationPreference.objects.filter(user=officer).values_list("kind", "email"))
    assert mine[NotificationKind.PHASE_OUT] is False
    assert mine[NotificationKind.MEETING_TOMORROW] is True
    assert not NotificationPreference.objects.filter(user=hct).exists()
    html = client.get(PREFERENCES).content.decode()
    assert html.count("checked") == len(EMAILED_KINDS) - 1
    client.post(PREFERENCES, {**kept_on, NotificationKind.PHASE_OUT: "on"})
    assert NotificationPreference.objects.get(user=officer, kind=NotificationKind.PHASE_OUT).email is True


def test_a_user_resets_their_calendar_address_and_the_old_one_stops(client, field):
    client.force_login(field)
    old = field.calendar_feed_token
    page = client.get("/notifications/preferences/").content.decode()
    assert f"/api/v1/feeds/{old}.ics" in page
    assert client.get(f"/api/v1/feeds/{old}.ics").status_code == 200
    client.post("/notifications/calendar/reset/")
    field.refresh_from_db()
    assert field.calendar_feed_token != old
    assert client.get(f"/api/v1/feeds/{old}.ics").status_code == 404
    assert (
        f"/api/v1/feeds/{field.calendar_feed_token}.ics"
        in client.get("/notifications/preferences/").content.decode()
    )
