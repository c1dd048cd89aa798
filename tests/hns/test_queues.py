"""The HNS in "Waiting for you" and its reminders: a movement starting within 24 hours some party has
not had, an acknowledgement overdue, a site whose validity ends within 7 days; each told once, to
whom it concerns, and nothing of another organisation's."""

import datetime as dt

import pytest
from django.utils import timezone

from cmcoord import queues
from cmcoord.celery import app as celery_app
from cmcoord.models import Notification, NotificationKind
from cmcoord.reminders import dispatch
from cmcoord.roles import Role
from cmcoord.services import role_grant
from hns import services
from tests.factories import (
    ActorFactory,
    MilitaryActorFactory,
    MovementFactory,
    OperationFactory,
    StaticSiteFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def eager_celery():
    previous = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = previous


@pytest.fixture
def run_dispatch(django_capture_on_commit_callbacks):
    def run():
        with django_capture_on_commit_callbacks(execute=True):
            return dispatch()

    return run


@pytest.fixture
def hns(db):
    op = OperationFactory()
    people = {}
    for name, role in [
        ("officer", Role.OFFICER),
        ("hct", Role.HCT),
        ("field", Role.FIELD_STAFF),
        ("other", Role.FIELD_STAFF),
    ]:
        people[name] = UserFactory(username=f"q-{name}")
        role_grant(user=people[name], operation=op, role=role)
    wfp, ngo = ActorFactory(operation=op, name="WFP"), ActorFactory(operation=op, name="NGO")
    services.staff_set(operation=op, user=people["field"], organisation=wfp, by=people["officer"])
    services.staff_set(operation=op, user=people["other"], organisation=ngo, by=people["officer"])
    return op, people, wfp, ngo, MilitaryActorFactory(operation=op, name="Armed forces")


def titles(user, kind):
    return list(Notification.objects.filter(recipient=user, kind=kind).values_list("title", flat=True))


def waiting(user, op):
    return {
        str(section.title): [label for _i, label, _url in section.rows]
        for section in queues.waiting_for(user, op)
    }


def test_a_movement_starting_within_24_hours_not_relayed_waits_for_the_officers_and_is_told_once(
    hns, run_dispatch
):
    op, people, wfp, ngo, party = hns
    soon = MovementFactory(
        organisation=wfp, operation=op, title="Convoy soon", starts_at=timezone.now() + dt.timedelta(hours=20)
    )
    MovementFactory(
        organisation=wfp,
        operation=op,
        title="Convoy later",
        starts_at=timezone.now() + dt.timedelta(hours=30),
    )
    title = "Notified movements starting within 24 hours, not relayed to every party"
    assert [label.startswith("Convoy soon") for label in waiting(people["officer"], op)[title]] == [True]
    assert title not in waiting(people["hct"], op) and title not in waiting(people["field"], op)
    run_dispatch()
    run_dispatch()
    kind = NotificationKind.HNS_MOVEMENT_NOT_RELAYED
    assert len(titles(people["officer"], kind)) == 1 and "Convoy soon" in titles(people["officer"], kind)[0]
    assert titles(people["field"], kind) == [] and titles(people["hct"], kind) == []

    services.relay(notification=soon, parties=[(party, None)], by=people["officer"])
    assert title not in waiting(people["officer"], op)


def test_an_acknowledgement_overdue_waits_for_the_officers_until_recorded(hns, run_dispatch):
    op, people, wfp, ngo, party = hns
    site = StaticSiteFactory(organisation=wfp, operation=op, name="Warehouse")
    (relay,) = services.relay(
        notification=site,
        parties=[(party, None)],
        by=people["officer"],
        relayed_at=timezone.now() - dt.timedelta(hours=13),
    )
    title = "Parties' acknowledgements overdue"
    assert waiting(people["officer"], op)[title] == ["Armed forces has not acknowledged Warehouse"]
    run_dispatch()
    assert titles(people["officer"], NotificationKind.HNS_ACKNOWLEDGEMENT_OVERDUE) == [
        "Acknowledgement overdue: Armed forces has not acknowledged Warehouse"
    ]
    services.acknowledge(relay_record=relay, by=people["officer"], reference="ok")
    assert title not in waiting(people["officer"], op)


def test_a_site_whose_validity_ends_within_7_days_waits_for_its_organisation_and_the_officers(
    hns, run_dispatch
):
    op, people, wfp, ngo, party = hns
    today = timezone.localdate()
    StaticSiteFactory(
        organisation=wfp,
        operation=op,
        name="Ending site",
        valid_from=today - dt.timedelta(days=9),
        valid_until=today + dt.timedelta(days=5),
    )
    StaticSiteFactory(
        organisation=ngo,
        operation=op,
        name="NGO site",
        valid_from=today - dt.timedelta(days=9),
        valid_until=today + dt.timedelta(days=3),
    )
    title = "Notified sites whose validity ends within 7 days"
    assert [label.split(",")[0] for label in waiting(people["field"], op)[title]] == ["Ending site"]
    assert [label.split(",")[0] for label in waiting(people["other"], op)[title]] == ["NGO site"]
    assert len(waiting(people["officer"], op)[title]) == 2
    run_dispatch()
    kind = NotificationKind.HNS_SITE_EXPIRING
    assert [t.split(": ")[1].split(",")[0] for t in titles(people["field"], kind)] == ["Ending site"]
    assert all("Ending site" not in t for t in titles(people["other"], kind))
