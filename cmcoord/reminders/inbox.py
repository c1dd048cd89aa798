"""A user's notifications and e-mail preferences: reads and writes used by the views."""

from django.db import transaction
from django.utils import timezone

from cmcoord.models import Notification, NotificationKind, NotificationPreference


def unread_count(user) -> int:
    """For the base template's badge; 0 for anonymous visitors."""
    return Notification.objects.for_user(user).unread().count()


def notification_mark_read(*, user, notification_id: int) -> bool:
    """False when the id is not one of the user's notifications (the view answers 404)."""
    mine = Notification.objects.for_user(user).filter(pk=notification_id)
    if not mine.exists():
        return False
    mine.filter(read_at__isnull=True).update(read_at=timezone.now())
    return True


def notification_mark_all_read(*, user) -> int:
    return Notification.objects.for_user(user).unread().update(read_at=timezone.now())


def email_enabled(user, kind: str) -> bool:
    """E-mail is on unless the user turned it off for this kind; in-app is always on."""
    return not NotificationPreference.objects.filter(user=user, kind=kind, email=False).exists()


def email_preferences(user) -> dict[str, bool]:
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "email"))
    return {kind: chosen.get(kind, True) for kind in NotificationKind.values}


@transaction.atomic
def email_preferences_save(*, user, choices: dict[str, bool]) -> None:
    for kind in NotificationKind.values:
        if kind in choices:
            NotificationPreference.objects.update_or_create(
                user=user, kind=kind, defaults={"email": bool(choices[kind])}
            )
