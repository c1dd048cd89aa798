"""The daily digest: one e-mail gathering the notifications of the kinds a user chose "once a day".

The delivery (``delivery.py``) creates the in-app notification at once and leaves such a row with
``email_state = DIGEST``. Once a day the beat task ``cmcoord.tasks.send_digests`` sends each user
one e-mail listing them, rebuilt from the current records: what no longer matters (an item that
left its queue, a phase-out that was moved) is left out and dropped. The rows are marked SENDING
before the e-mail goes out and SENT right after the server accepts it; a refused e-mail puts them
back for the next run, and rows left SENDING by a worker that died are taken again once their mark
is older than the lease (at least once, as for the other reminders).
"""

import datetime as dt
import logging
from urllib.parse import urlparse

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import ngettext

from cmcoord.i18n import override_for
from cmcoord.models import ReminderDelivery

from .delivery import OBSOLETE, lease
from .links import absolute_url, preferences_path
from .messages import build_message

logger = logging.getLogger(__name__)
EmailState = ReminderDelivery.EmailState


def _waiting(now: dt.datetime) -> Q:
    stale = Q(email_state=EmailState.SENDING, status=ReminderDelivery.Status.SENT)
    return Q(email_state=EmailState.DIGEST) | (stale & Q(email_attempt_at__lt=now - lease()))


def send_digests(now: dt.datetime | None = None) -> str:
    """One run: one e-mail per user with something waiting for the digest."""
    now = now or timezone.now()
    users = (
        ReminderDelivery.objects.filter(_waiting(now))
        .order_by()
        .values_list("recipient_id", flat=True)
        .distinct()
    )
    outcomes = [send_digest(user_id, now) for user_id in sorted(set(users))]
    return f"{outcomes.count('sent')} digests sent, {len(outcomes) - outcomes.count('sent')} not"


def _claim(user_id: int, now: dt.datetime) -> list[ReminderDelivery]:
    with transaction.atomic():
        rows = list(
            ReminderDelivery.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(_waiting(now), recipient_id=user_id)
            .select_related("recipient", "operation")
            .order_by("claimed_at", "pk")
        )
        ReminderDelivery.objects.filter(pk__in=[r.pk for r in rows]).update(
            email_state=EmailState.SENDING, email_attempt_at=now
        )
    return rows


def send_digest(user_id: int, now: dt.datetime) -> str:
    rows = _claim(user_id, now)
    if not rows:
        return "nothing"
    user = rows[0].recipient
    entries, dropped = [], []
    for row in rows:
        message = build_message(row, now) if user.is_active and user.email else None
        if message is None:
            dropped.append(row.pk)
        else:
            entries.append((row.pk, message))
    if dropped:
        ReminderDelivery.objects.filter(pk__in=dropped).update(
            email_state=EmailState.DROPPED, last_error=OBSOLETE
        )
    if not entries:
        return "nothing left"
    ids = [pk for pk, _ in entries]
    try:
        connection = get_connection(fail_silently=False)
        connection.send_messages([_email(user, [m for _, m in entries], now, ids[0])])
    except Exception as exc:  # noqa: BLE001 - recorded; the next run sends them
        logger.warning("Digest for user %s not accepted: %s", user_id, exc)
        ReminderDelivery.objects.filter(pk__in=ids, email_attempt_at=now).update(
            email_state=EmailState.DIGEST, last_error=f"{type(exc).__name__}: {exc}"[:2000]
        )
        return "failed"
    ReminderDelivery.objects.filter(pk__in=ids, email_attempt_at=now).update(
        email_state=EmailState.SENT, sent_at=timezone.now()
    )
    return "sent"


def _email(user, messages, now: dt.datetime, first_id: int) -> EmailMessage:
    domain = urlparse(settings.SITE_URL).hostname or "cmcoord.localhost"
    with override_for(user, None):
        count = len(messages)
        subject = ngettext(
            "Your CMCoord digest: %(count)d notification",
            "Your CMCoord digest: %(count)d notifications",
            count,
        ) % {"count": count}
        context = {
            "user": user,
            "entries": [(m.title, absolute_url(m.path)) for m in messages],
            "preferences_url": absolute_url(preferences_path()),
        }
        body = render_to_string("email/reminders/digest.txt", context)
    return EmailMessage(
        subject=f"[CMCoord] {subject}",
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers={"Message-ID": f"<digest-{user.pk}-{first_id}-{now:%Y%m%d}@{domain}>"},
    )
