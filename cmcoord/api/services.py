"""Small writes the API needs that no service covers yet (candidates for ``cmcoord.services``)."""

from django.db import transaction

from cmcoord.models.users import new_feed_token


@transaction.atomic
def calendar_feed_reset(*, user) -> str:
    """Give the user a new secret feed token: subscriptions to the old address stop (404)."""
    user.calendar_feed_token = new_feed_token()
    user.save(update_fields=["calendar_feed_token"])
    return user.calendar_feed_token
