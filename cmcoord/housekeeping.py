"""What the database keeps only for a while, removed once a day (beat: ``tidy``).

Each of these expires lazily where it is read (a stale idempotency key is ignored, an expired
token refused, an old session ignored), but a person who never comes back leaves theirs behind;
on a deployment of many operations they would only grow.
"""

from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from cmcoord.models import UserToken
from cmcoord.models.idempotency import KEY_LIFETIME, IdempotencyKey


@transaction.atomic
def tidy(now=None) -> dict[str, int]:
    """Delete expired idempotency keys, API tokens and sessions; say how many of each went."""
    now = now or timezone.now()
    removed = {
        "idempotency_keys": IdempotencyKey.objects.filter(created_at__lt=now - KEY_LIFETIME).delete()[0],
        "api_tokens": UserToken.objects.filter(expiry__lt=now).delete()[0],
        "sessions": Session.objects.filter(expire_date__lt=now).delete()[0],
    }
    return removed
