"""The dispatcher's cost grows with what is due, and one dispatcher runs at a time."""

import threading

import pytest
from django.db import connection, connections
from django.test.utils import CaptureQueriesContext

from cmcoord.models import ReminderDelivery
from cmcoord.reminders import dispatch
from cmcoord.reminders.dispatcher import one_dispatcher
from tests.factories import AssetFactory

from .conftest import PHASE_OUT, days_before

Status = ReminderDelivery.Status


def more_assets(provider, count, focal_point):
    AssetFactory.create_batch(
        count,
        provider=provider,
        operation=provider.operation,
        phase_out_on=PHASE_OUT,
        focal_point=focal_point,
    )


def queries_of_a_dispatch() -> tuple[int, int]:
    """Queries of a first run (everything to claim) and of a second run (nothing new)."""
    with days_before(60):
        dispatch()  # nothing due yet; fills the caches of a first query (content types)
    with days_before(7):
        with CaptureQueriesContext(connection) as first:
            dispatch()  # the test's transaction never commits: the sends are not run
        with CaptureQueriesContext(connection) as second:
            report = dispatch()
    assert report.claimed == 0
    return len(first), len(second)


@pytest.mark.django_db
def test_a_dispatch_makes_as_many_queries_for_200_assets_as_for_10(asset, provider, officer, hct, field):
    more_assets(provider, 9, field)
    small = queries_of_a_dispatch()
    assert ReminderDelivery.objects.filter(lead_days=7).count() == 10 * 3
    ReminderDelivery.objects.all().delete()
    more_assets(provider, 190, field)
    large = queries_of_a_dispatch()
    assert ReminderDelivery.objects.filter(lead_days=7).count() == 200 * 3
    assert large == small


@pytest.mark.django_db
def test_missed_lead_times_are_superseded_in_bulk(asset, provider, officer, hct, field):
    more_assets(provider, 4, field)
    with days_before(7):
        report = dispatch()  # the 30- and 14-day reminders were missed: never to be sent
    assert report.claimed == 5 * 3
    assert report.skipped == 5 * 3 * 2
    rows = ReminderDelivery.objects.values_list("lead_days", "status")
    assert sorted(set(rows)) == [(7, Status.CLAIMED), (14, Status.SUPERSEDED), (30, Status.SUPERSEDED)]


def in_threads(*calls):
    """Run each call in its own thread (its own database connection), all released at once."""
    start = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            start.wait(10)
            results[index] = call()
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    return results


def test_two_dispatchers_at_once_claim_each_reminder_once(
    require_postgres, transactional_db, asset, provider, officer, hct, field, mailoutbox
):
    more_assets(provider, 29, field)
    with days_before(7):
        reports = in_threads(dispatch, dispatch)
    assert sum(report.claimed for report in reports) == 30 * 3
    assert ReminderDelivery.objects.filter(lead_days=7).count() == 30 * 3
    assert len(mailoutbox) == 30 * 3
    assert sorted(m.to[0] for m in mailoutbox) == sorted([u.email for u in (officer, hct, field)] * 30)


def test_a_dispatcher_waits_its_turn_while_another_runs(
    require_postgres, transactional_db, asset, officer, hct, field, mailoutbox
):
    holding, release = threading.Event(), threading.Event()

    def other_dispatcher():
        with one_dispatcher() as alone:
            holding.set()
            release.wait(30)
            return alone

    def this_dispatcher():
        holding.wait(10)
        try:
            with days_before(7):
                return dispatch()
        finally:
            release.set()

    other, report = in_threads(other_dispatcher, this_dispatcher)
    assert other is True
    assert report.busy and report.claimed == 0
    assert not ReminderDelivery.objects.exists()
    with days_before(7):
        assert dispatch().claimed == 3  # its turn comes at the next run
