"""Every reminder e-mail (subject and body) and in-app notification, in the pseudo-locale,
shows no unmarked text: a phase-out (ahead and overdue), an action point, a meeting."""

import datetime as dt

import pytest

from cmcoord.models import Notification
from meetings.models import Participant
from tests.factories import ActionPointFactory, MeetingFactory
from tests.i18n.test_pseudo_locale import PSEUDO, pseudo_locale, record_words, unmarked  # noqa: F401
from tests.reminders.conftest import PHASE_OUT, at, days_before

pytestmark = pytest.mark.django_db


def test_no_reminder_shows_an_unmarked_string(
    asset,
    operation,
    officer,
    hct,
    field,
    mailoutbox,
    run_dispatch,
    pseudo_locale,  # noqa: F811
):
    for person in (officer, hct, field):
        person.language = PSEUDO
        person.save()
    meeting = MeetingFactory(
        forum__operation=operation,
        title="UN-CMCoord cell",
        location="Beira EOC",
        starts_at=dt.datetime.combine(PHASE_OUT - dt.timedelta(days=6), dt.time(6, 30), tzinfo=dt.UTC),
    )
    Participant.objects.create(meeting=meeting, user=officer)
    ActionPointFactory(
        operation=operation, owner=field, title="Share the convoy schedule", due_date=PHASE_OUT
    )
    for moment in (days_before(7), days_before(1), at(PHASE_OUT + dt.timedelta(days=8))):
        with moment:
            run_dispatch()

    whitelist = record_words()
    texts = {f"e-mail to {m.to[0]}: {m.subject}": f"{m.subject}\n{m.body}" for m in mailoutbox}
    texts.update({f"in-app: {n.title}": f"{n.title}\n{n.body}" for n in Notification.objects.all()})
    kinds = {n.kind for n in Notification.objects.all()}
    assert len(kinds) >= 3, f"a phase-out, an action point and a meeting; got {kinds}"
    problems = {what: found for what, text in texts.items() if (found := unmarked(text, whitelist))}
    assert not problems, "\n".join(f"{what}: {found}" for what, found in problems.items())
