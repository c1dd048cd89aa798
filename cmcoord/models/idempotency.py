"""Create requests remembered for a day, so a repeat creates nothing (double click, retried POST)."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

KEY_LIFETIME = dt.timedelta(hours=24)


class IdempotencyKey(models.Model):
    """One create request: a page's one-time submission token or an API ``Idempotency-Key``.

    Claimed in the same transaction as the record it creates, under a unique constraint, so of
    two requests with the same key exactly one creates; the other finds what the first created
    (``location``; for the API also the stored answer) once the first has committed.
    """

    class Kind(models.TextChoices):
        FORM = "form", _("form submission")
        API = "api", _("API request")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("user")
    )
    kind = models.CharField(_("kind"), max_length=4, choices=Kind.choices)
    key = models.CharField(_("key"), max_length=255)
    # What was asked (a hash of method, path and body): the same key with another body is refused.
    fingerprint = models.CharField(_("fingerprint"), max_length=64, blank=True)
    status_code = models.PositiveSmallIntegerField(_("status code"), null=True, blank=True)
    response = models.JSONField(_("response"), null=True, blank=True)
    location = models.CharField(_("location"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("idempotency key")
        verbose_name_plural = _("idempotency keys")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "key"], name="idempotency_key_once_per_user"),
        ]

    def __str__(self):
        return f"{self.kind} {self.key[:20]} ({self.user_id})"
