"""Where a reminder points: records give their own page (``get_absolute_url``); e-mail needs the
full address."""

from django.conf import settings
from django.urls import reverse


def preferences_path() -> str:
    return reverse("notifications:preferences")


def absolute_url(path: str) -> str:
    """E-mail needs the full address; in-app notifications keep the path."""
    return f"{settings.SITE_URL}{path}"
