"""An action point's owner and an officer changing its status at the same moment: one change
stands, the other is told who made it."""

import pytest
from django.core.exceptions import ValidationError

from meetings.models import ActionPoint
from meetings.services import action_point_update
from tests.concurrency import race
from tests.factories import ActionPointFactory


@pytest.mark.postgres
def test_done_and_cancelled_at_the_same_moment_give_one_status(
    require_postgres, transactional_db, operation, officer, field
):
    point = ActionPointFactory(operation=operation, owner=field)
    [second] = race(
        lambda: action_point_update(
            action_point=ActionPoint.objects.get(pk=point.pk), by=field, status="done"
        ),
        lambda: action_point_update(
            action_point=ActionPoint.objects.get(pk=point.pk), by=officer, status="cancelled"
        ),
    )
    assert isinstance(second, ValidationError) and str(field) in second.messages[0]
    assert ActionPoint.objects.get(pk=point.pk).status == ActionPoint.Status.DONE


def test_a_status_set_from_a_page_shown_before_the_owner_closed_it_is_refused(
    client, operation, officer, field
):
    point = ActionPointFactory(operation=operation, owner=field)
    client.force_login(officer)
    page = client.get(point.get_absolute_url()).content.decode()
    assert 'name="seen_status" value="open"' in page
    action_point_update(action_point=point, by=field, status="done", progress_note="Delivered.")

    answer = client.post(
        point.get_absolute_url(), {"status": "cancelled", "progress_note": "", "seen_status": "open"}
    ).content.decode()

    assert f"{field} changed “{point}” to “Done”" in answer
    point.refresh_from_db()
    assert (point.status, point.progress_note) == ("done", "Delivered.")
