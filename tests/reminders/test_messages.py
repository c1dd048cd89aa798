"""What the reminders say: the asset, its provider, the date, days left, dependencies, the link."""

import datetime as dt

import pytest

from assets.models import Readiness
from cmcoord.models import Notification, NotificationKind
from meetings.models import Participant
from tests.factories import ActionPointFactory, DependencyFactory, MeetingFactory

from .conftest import PHASE_OUT, at, days_before

pytestmark = pytest.mark.django_db
SITE = "https://cmcoord.example.org"


@pytest.fixture(autouse=True)
def site_url(settings):
    settings.SITE_URL = SITE


def mail_to(mailoutbox, user):
    [message] = [m for m in mailoutbox if m.to == [user.email]]
    return message


def test_the_phase_out_email_names_everything_the_cell_needs(asset, officer, mailoutbox, run_dispatch):
    with days_before(7):
        run_dispatch()
    message = mail_to(mailoutbox, officer)
    assert message.subject == (
        "[CMCoord] 2 × Oryx helicopters, Beira (South African National Defence Force (SANDF)) "
        "phases out in 7 days"
    )
    body = message.body
    assert "MCDA asset: 2 × Oryx helicopters, Beira" in body
    assert "Provider: South African National Defence Force (SANDF)" in body
    assert "Phase-out date: 2026-12-20" in body
    assert "Days left: 7" in body
    assert (
        "- Food distribution in Búzi district (criticality: critical (life-saving)). "
        "Alternative: WFP road convoy, readiness: identified  [NO READY ALTERNATIVE]"
    ) in body
    assert (
        "- Medical evacuation from Nhamatanda (criticality: high). Alternative: MAF light aircraft, " in body
    )
    assert "readiness: ready\n" in body
    assert "1 of 2 dependencies without a ready alternative." in body
    assert f"{SITE}/operations/{asset.operation_id}/assets/{asset.pk}/" in body
    assert f"{SITE}/notifications/preferences/" in body
    assert "&amp;" not in body and "&#x27;" not in body  # plain text, not HTML-escaped
    assert message.extra_headers["Message-ID"].startswith("<reminder-")


def test_the_in_app_notification_links_to_the_asset(asset, officer, run_dispatch):
    with days_before(1):
        run_dispatch()
    note = Notification.objects.get(recipient=officer)
    assert note.kind == NotificationKind.PHASE_OUT
    assert note.title.endswith("phases out tomorrow")
    assert note.url == f"/operations/{asset.operation_id}/assets/{asset.pk}/"
    assert "[NO READY ALTERNATIVE]" in note.body and SITE not in note.body


def test_days_left_are_counted_on_the_day_of_sending(asset, officer, mailoutbox, run_dispatch):
    with days_before(5):  # the 7-day reminder, caught up after an outage
        run_dispatch()
    assert "Days left: 5" in mail_to(mailoutbox, officer).body


def test_field_staff_focal_point_does_not_read_restricted_dependencies(
    asset, field, officer, mailoutbox, run_dispatch
):
    DependencyFactory(
        asset=asset,
        operation=asset.operation,
        activity="Resupply of the restricted site",
        sensitivity="restricted",
        alternative_readiness=Readiness.NONE,
    )
    with days_before(7):
        run_dispatch()
    assert "restricted site" not in mail_to(mailoutbox, field).body
    assert "restricted site" in mail_to(mailoutbox, officer).body


def test_the_overdue_email_says_how_late_it_is(asset, officer, mailoutbox, run_dispatch):
    with at(PHASE_OUT + dt.timedelta(days=8)):
        run_dispatch()
    message = mail_to(mailoutbox, officer)
    assert message.subject.endswith("is 8 days past its phase-out date")
    assert "Overdue: 8 days past the phase-out date and still deployed." in message.body


def test_the_action_point_email(operation, field, mailoutbox, run_dispatch):
    point = ActionPointFactory(
        operation=operation, owner=field, title="Share the convoy schedule", due_date=PHASE_OUT
    )
    with at(PHASE_OUT - dt.timedelta(days=1)):
        run_dispatch()
    message = mail_to(mailoutbox, field)
    assert message.subject == "[CMCoord] Action point due tomorrow: Share the convoy schedule"
    assert "Due date: 2026-12-20 (tomorrow)" in message.body
    assert f"{SITE}/operations/{operation.pk}/action-points/{point.pk}/" in message.body


def test_the_meeting_email_gives_the_local_time(operation, officer, mailoutbox, run_dispatch):
    meeting = MeetingFactory(
        forum__operation=operation,
        title="UN-CMCoord cell",
        location="Beira EOC",
        starts_at=dt.datetime(2026, 12, 10, 6, 30, tzinfo=dt.UTC),
    )
    Participant.objects.create(meeting=meeting, user=officer)
    with at(dt.date(2026, 12, 9)):
        run_dispatch()
    message = mail_to(mailoutbox, officer)
    assert message.subject == "[CMCoord] Meeting tomorrow at 08:30: UN-CMCoord cell"
    assert "When: Thursday 2026-12-10 08:30 (Africa/Maputo)" in message.body
    assert "Where: Beira EOC" in message.body
