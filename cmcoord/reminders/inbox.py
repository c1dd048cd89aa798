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


EACH, DIGEST, OFF = "each", "digest", "off"
DIGEST_SUFFIX = "__digest"  # the preferences form's field "<kind>__digest"


def email_choice(user, kind: str) -> str:
    """How this kind reaches the user by e-mail: one each (the default), in the daily digest, or
    not at all. In-app is always on."""
    row = NotificationPreference.objects.filter(user=user, kind=kind).values_list("email", "digest").first()
    if row is None:
        return EACH
    email, digest = row
    return OFF if not email else (DIGEST if digest else EACH)


def email_enabled(user, kind: str) -> bool:
    """E-mail is on unless the user turned it off for this kind; in-app is always on."""
    return email_choice(user, kind) != OFF


def email_preferences(user) -> dict[str, bool]:
    """The preferences form's initial values: ``kind`` (e-mail on) and ``kind__digest``."""
    chosen = {
        kind: (email, digest)
        for kind, email, digest in NotificationPreference.objects.filter(user=user).values_list(
            "kind", "email", "digest"
        )
    }
    values = {}
    for kind in NotificationKind.values:
        email, digest = chosen.get(kind, (True, False))
        values[kind], values[kind + DIGEST_SUFFIX] = email, digest
    return values


@transaction.atomic
def email_preferences_save(*, user, choices: dict[str, bool]) -> None:
    for kind in NotificationKind.values:
        if kind in choices:
            defaults = {"email": bool(choices[kind])}
            if kind + DIGEST_SUFFIX in choices:
                defaults["digest"] = bool(choices[kind + DIGEST_SUFFIX])
            NotificationPreference.objects.update_or_create(user=user, kind=kind, defaults=defaults)
