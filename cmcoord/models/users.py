import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class User(AbstractUser):
    """A person who signs in: humanitarian staff of any organisation."""

    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    # Secret part of the personal calendar feed URL; resetting it revokes old subscriptions.
    calendar_feed_token = models.CharField(max_length=64, default=new_feed_token, unique=True)
    # Blank: not chosen, so the browser's language, then the operation's default, apply (issue 9).
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, blank=True, default=""
    )

    class Meta:
        ordering = ["username"]
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self):
        return self.get_full_name() or self.username
