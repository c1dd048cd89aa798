"""What is due when: lead times, catch-up after an outage, time zones, overdue, action points, meetings."""

import datetime as dt

import pytest
from django.utils import timezone

from assets.reminders import asset_recipients, due_assets
from cmcoord.models import NotificationKind, Operation, ReminderDelivery
from cmcoord.reminders.due import lead_days_of, overdue_lead, phase_out_lead
from cmcoord.roles import Role
from cmcoord.services import operation_members, role_grant
from meetings.models import ActionPoint, Meeting, Participant
from meetings.reminders import due_action_points, due_meetings
from tests.factories import ActionPointFactory, ContactFactory, MeetingFactory, UserFactory

from .conftest import PHASE_OUT, at, days_before

pytestmark = pytest.mark.django_db
Status = ReminderDelivery.Status


def sent_leads(user, kind=NotificationKind.PHASE_OUT):
    return sorted(
        ReminderDelivery.objects.filter(recipient=user, kind=kind, status=Status.SENT).values_list(
            "lead_days", flat=True
        )
    )


def test_the_most_urgent_passed_lead_time_is_due_and_supersedes_the_others():
    assert phase_out_lead(31, [30, 14, 7, 1]) == (None, ())
    assert phase_out_lead(30, [30, 14, 7, 1]) == (30, ())
    assert phase_out_lead(20, [30, 14, 7, 1]) == (30, ())
    assert phase_out_lead(5, [30, 14, 7, 1]) == (7, (14, 30))
    assert phase_out_lead(0, [30, 14, 7, 1]) == (1, (7, 14, 30))
    assert phase_out_lead(-1, [30, 14, 7, 1]) == (None, ())


def test_overdue_reminders_come_on_the_first_day_then_weekly():
    assert [overdue_lead(d) for d in (0, 1, 2, 7, 8, 14, 15, 22)] == [None, -1, -1, -1, -8, -8, -15, -22]


def test_a_malformed_lead_time_list_falls_back_to_the_default():
    assert lead_days_of(Operation(reminder_lead_days=[7, 30, 7])) == [30, 7]
    assert lead_days_of(Operation(reminder_lead_days="soon")) == [30, 14, 7, 1]
    assert lead_days_of(Operation(reminder_lead_days=[0, -3, True, "x"])) == [30, 14, 7, 1]


def test_nothing_is_due_before_the_first_lead_time(asset):
    with days_before(31):
        assert due_assets(timezone.now()) == []


def test_each_lead_time_goes_out_once_on_its_day(asset, officer, mailoutbox, run_dispatch):
    for days in (30, 29, 20, 14, 14, 7, 3, 1, 0):
        with days_before(days):
            run_dispatch()
    assert sent_leads(officer) == [1, 7, 14, 30]
    assert len([m for m in mailoutbox if m.to == [officer.email]]) == 4


def test_after_an_outage_only_the_most_urgent_missed_reminder_goes_out(
    asset, officer, mailoutbox, run_dispatch
):
    with days_before(5):  # down since before the 30-day mark: 30, 14 and 7 all passed
        report = run_dispatch()
    assert sent_leads(officer) == [7]
    skipped = ReminderDelivery.objects.filter(recipient=officer, status=Status.SUPERSEDED)
    assert sorted(skipped.values_list("lead_days", flat=True)) == [14, 30]
    assert report.claimed == 3 and report.skipped == 6  # three recipients
    with days_before(1):
        run_dispatch()
    assert sent_leads(officer) == [1, 7]
    assert len([m for m in mailoutbox if m.to == [officer.email]]) == 2


def test_a_changed_phase_out_date_starts_a_fresh_series(asset, officer, run_dispatch):
    with days_before(7):
        run_dispatch()
    asset.phase_out_on = PHASE_OUT + dt.timedelta(days=30)
    asset.save()
    with days_before(7):  # 37 days before the new date: not due yet
        run_dispatch()
    with at(PHASE_OUT + dt.timedelta(days=16)):  # 14 days before the new date
        run_dispatch()
    rows = ReminderDelivery.objects.filter(recipient=officer, status=Status.SENT)
    assert sorted(rows.values_list("occasion", "lead_days")) == [
        (PHASE_OUT, 7),
        (PHASE_OUT + dt.timedelta(days=30), 14),
    ]


@pytest.mark.parametrize(
    ("zone", "utc_moment", "due"),
    [
        # 7 days before 2026-12-20 is 2026-12-13, local midnight.
        ("Africa/Maputo", dt.datetime(2026, 12, 12, 22, 30, tzinfo=dt.UTC), True),  # 00:30 on the 13th
        ("UTC", dt.datetime(2026, 12, 12, 22, 30, tzinfo=dt.UTC), False),
        ("Pacific/Auckland", dt.datetime(2026, 12, 12, 11, 30, tzinfo=dt.UTC), True),  # 00:30 NZDT
        ("Africa/Maputo", dt.datetime(2026, 12, 12, 11, 30, tzinfo=dt.UTC), False),  # 13:30 on the 12th
    ],
)
def test_the_day_starts_in_the_operations_time_zone(operation, asset, zone, utc_moment, due):
    operation.time_zone = zone
    operation.reminder_lead_days = [7]
    operation.save()
    items = due_assets(utc_moment)
    assert [(i.lead_days, i.occasion) for i in items] == ([(7, PHASE_OUT)] if due else [])


def test_an_asset_still_deployed_after_its_date_is_overdue_once_then_weekly(asset, officer, run_dispatch):
    for days_over in (1, 2, 7, 8, 9, 15):
        with at(PHASE_OUT + dt.timedelta(days=days_over)):
            run_dispatch()
    assert sent_leads(officer, NotificationKind.PHASE_OUT_OVERDUE) == [-15, -8, -1]
    asset.status = "withdrawn"
    asset.save()
    with at(PHASE_OUT + dt.timedelta(days=22)):
        assert due_assets(timezone.now()) == []


@pytest.mark.parametrize("status", ["requested", "withdrawn"])
def test_assets_not_deployed_get_no_reminder(asset, status):
    asset.status = status
    asset.save()
    with days_before(7):
        assert due_assets(timezone.now()) == []


def test_officers_hct_and_the_focal_point_hear_of_an_asset_once_each(operation, asset, officer, hct, field):
    not_focal = UserFactory(username="field-b")
    role_grant(user=not_focal, operation=operation, role=Role.FIELD_STAFF)
    asleep = UserFactory(username="gone", is_active=False)
    role_grant(user=asleep, operation=operation, role=Role.OFFICER)
    members = operation_members(operation)
    assert set(asset_recipients(asset, members)) == {officer.pk, hct.pk, field.pk}
    asset.focal_point = officer  # also an officer: listed once
    assert sorted(asset_recipients(asset, members)) == sorted([officer.pk, hct.pk])


def test_a_focal_point_without_a_role_in_the_operation_is_not_told(operation, asset, officer, hct, outsider):
    asset.focal_point = outsider
    assert set(asset_recipients(asset, operation_members(operation))) == {officer.pk, hct.pk}


def test_action_points_remind_their_owner_the_day_before_and_once_when_overdue(
    operation, field, run_dispatch
):
    due = dt.date(2026, 12, 10)
    point = ActionPointFactory(operation=operation, owner=field, due_date=due)
    ActionPointFactory(
        operation=operation, owner=field, due_date=due, status="done", closed_at=timezone.now()
    )
    with at(due - dt.timedelta(days=2)):
        assert due_action_points(timezone.now()) == []
    with at(due - dt.timedelta(days=1)):
        [item] = due_action_points(timezone.now())
        assert (item.kind, item.recipient_ids) == (NotificationKind.ACTION_POINT_DUE, (field.pk,))
    for day in (due - dt.timedelta(days=1), due, due + dt.timedelta(days=1), due + dt.timedelta(days=9)):
        with at(day):
            run_dispatch()
    rows = ReminderDelivery.objects.filter(subject=f"action_point:{point.pk}", status=Status.SENT)
    assert sorted(rows.values_list("kind", "lead_days")) == [
        (NotificationKind.ACTION_POINT_DUE, 1),
        (NotificationKind.ACTION_POINT_OVERDUE, -1),
    ]


def test_an_action_point_owned_by_an_organisation_only_reminds_nobody(operation):
    actor = ContactFactory(actor__operation=operation).actor
    ActionPointFactory(operation=operation, owner=None, owner_actor=actor, due_date=dt.date(2026, 12, 10))
    with at(dt.date(2026, 12, 9)):
        assert due_action_points(timezone.now()) == []
    assert ActionPoint.objects.count() == 1


def _meeting(operation, starts_at, **extra):
    return MeetingFactory(forum__operation=operation, starts_at=starts_at, **extra)


def test_a_meeting_reminds_its_participants_with_accounts_the_day_before(operation, officer, field):
    # 08:30 in Maputo on 2026-12-10 is 06:30 UTC.
    meeting = _meeting(operation, dt.datetime(2026, 12, 10, 6, 30, tzinfo=dt.UTC))
    Participant.objects.create(meeting=meeting, user=officer)
    Participant.objects.create(meeting=meeting, user=field)
    Participant.objects.create(meeting=meeting, contact=ContactFactory(actor__operation=operation))
    with at(dt.date(2026, 12, 8), hour=23):
        assert due_meetings(timezone.now()) == []
    with at(dt.date(2026, 12, 9), hour=0):
        [item] = due_meetings(timezone.now())
    assert item.kind == NotificationKind.MEETING_TOMORROW
    assert (item.occasion, item.lead_days) == (dt.date(2026, 12, 10), 1)
    assert set(item.recipient_ids) == {officer.pk, field.pk}


def test_a_meeting_day_is_the_operations_local_day(operation, officer):
    operation.time_zone = "Pacific/Auckland"
    operation.save()
    # 20:00 UTC on the 9th is 09:00 on the 10th in Auckland (NZDT, UTC+13).
    meeting = _meeting(operation, dt.datetime(2026, 12, 9, 20, 0, tzinfo=dt.UTC))
    Participant.objects.create(meeting=meeting, user=officer)
    with at(dt.date(2026, 12, 9), hour=0, tz=dt.UTC):  # 13:00 on the 9th in Auckland
        [item] = due_meetings(timezone.now())
    assert item.occasion == dt.date(2026, 12, 10)


def test_cancelled_meetings_and_meetings_without_users_remind_nobody(operation, officer):
    starts = dt.datetime(2026, 12, 10, 6, 30, tzinfo=dt.UTC)
    cancelled = _meeting(operation, starts, status=Meeting.Status.CANCELLED)
    Participant.objects.create(meeting=cancelled, user=officer)
    _meeting(operation, starts)
    with at(dt.date(2026, 12, 9)):
        assert due_meetings(timezone.now()) == []
