"""An open action point past its due date says "overdue" in words wherever it is listed."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from tests.factories import ActionPointFactory, MeetingFactory
from tests.pages import page

pytestmark = pytest.mark.django_db


def overdue_titles(html: str) -> set[str]:
    """The titles of the rows or items that carry the word "overdue"."""
    rows = re.split(r"<tr>|<li>", html)
    return {
        title for row in rows if "overdue" in row for title in re.findall(r'<a href="[^"]+">([^<]+)</a>', row)
    }


@pytest.fixture
def points(operation, officer, field):
    meeting = MeetingFactory(operation=operation)
    today = timezone.localdate()
    late = ActionPointFactory(
        operation=operation,
        meeting=meeting,
        owner=field,
        title="Share the convoy plan",
        due_date=today - dt.timedelta(days=3),
    )
    ActionPointFactory(
        operation=operation,
        meeting=meeting,
        owner=field,
        title="Call the district",
        due_date=today + dt.timedelta(days=2),
    )
    ActionPointFactory(
        operation=operation,
        meeting=meeting,
        owner=field,
        title="Done already",
        due_date=today - dt.timedelta(days=5),
        status="done",
        closed_at=timezone.now(),
    )
    return meeting, late


def test_overdue_is_written_in_the_list_the_meeting_the_point_and_the_overview(
    client, operation, field, points
):
    meeting, late = points
    client.force_login(field)
    for url in (
        page("meetings:action-point-list", operation),
        page("meetings:detail", operation, pk=meeting.pk),
        page("web:dashboard", operation),
    ):
        html = client.get(url).content.decode()
        assert overdue_titles(html) >= {"Share the convoy plan"}, url
        assert not overdue_titles(html) & {"Call the district", "Done already"}, url
    detail = client.get(late.get_absolute_url()).content.decode()
    assert '<strong class="error">overdue</strong>' in detail
