"""Telling someone that something happened to a record they follow (an event, not a date).

The in-app notification is created at once, in the caller's transaction; when the kind goes out
by e-mail (``EMAILED_KINDS``), a ReminderDelivery row is claimed beside it and sent by the same
delivery as the reminders (once, retried with back-off, dropped if the recipient may no longer
read the record when it goes). An event has no lead time: its row's ``occasion`` is the day it
happened and ``lead_days`` holds its notification's id, so each event is its own row under the
unique constraint. The app that owns the record registers a source for its subject
(``"cell_request:12"``) whose message is ``event_message``: the record's own read rule decides.
"""

from django.db import transaction
from django.utils import timezone

from cmcoord.models import Notification, ReminderDelivery
from cmcoord.models.notifications import EMAILED_KINDS

from .delivery import lease
from .dispatcher import DispatchReport, _Enqueuer
from .messages import Message, render_message


def tell(*, recipient, operation_id, kind: str, subject: str, title: str, url: str, body: str = ""):
    """Notify ``recipient`` now and, if the kind is e-mailed, queue the e-mail after the commit."""
    notification = Notification.objects.create(
        recipient=recipient, operation_id=operation_id, kind=kind, title=title[:300], body=body, url=url
    )
    if kind not in EMAILED_KINDS:
        return notification
    now = timezone.now()
    delivery = ReminderDelivery.objects.create(
        kind=kind,
        subject=subject,
        occasion=now.date(),
        lead_days=notification.pk,
        recipient=recipient,
        operation_id=operation_id,
        notification=notification,
        notified_at=now,
        next_attempt_at=now + lease(),  # a lost task is picked up again by the dispatcher
    )
    transaction.on_commit(lambda: _send(delivery.pk))
    return notification


def _send(delivery_id: int) -> None:
    _Enqueuer(DispatchReport())([delivery_id])


def event_message(delivery, *, readable: bool) -> Message | None:
    """The e-mail of an event: its notification's words, or None when the recipient may no longer
    read the record (then it is never sent)."""
    notification = delivery.notification
    if not readable or notification is None:
        return None
    context = {"title": notification.title, "body": notification.body}
    return render_message("email/reminders/event.txt", notification.title, notification.url, context)
