"""E-mails about a cell request (its sender told of each step): events on the core's machinery.

``cell.services`` tells the sender through ``cmcoord.reminders.events.tell``; this source builds
the e-mail at send time, and drops it when the recipient may no longer read the request.
"""

from cell.models import CellRequest
from cmcoord import reminders
from cmcoord.reminders.events import event_message

RECORD = "cell_request"


def subject_of(cell_request) -> str:
    return f"{RECORD}:{cell_request.pk}"


def no_dates_due(now) -> list:
    return []  # nothing of a request is due by date: every e-mail is an event


def cell_request_message(pk: int, delivery, now):
    readable = CellRequest.objects.for_user(delivery.recipient).filter(pk=pk).exists()
    return event_message(delivery, readable=readable)


def register() -> None:
    reminders.register(RECORD, due=no_dates_due, message=cell_request_message)
