import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from knox.models import AbstractAuthToken

from .operations import Operation

TOKEN_PREFIX = "cmp_"  # noqa: S105 (a label, not a secret)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class PartnerTokenQuerySet(models.QuerySet):
    def active(self):
        now = timezone.now()
        return self.filter(revoked_at__isnull=True, expires_at__gt=now)


class PartnerToken(models.Model):
    """A read-only key for a partner system, scoped to one operation's shareable records.

    The key is shown once at creation; only its SHA-256 is stored (a random 256-bit key needs
    no slow hash: it cannot be guessed from a dictionary).
    """

    operation = models.ForeignKey(
        Operation, on_delete=models.CASCADE, related_name="partner_tokens", verbose_name=_("operation")
    )
    name = models.CharField(_("name"), max_length=120, help_text=_("Who uses it, e.g. 'OCHA 3W dashboard'."))
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True, editable=False)
    key_prefix = models.CharField(
        _("key prefix"), max_length=12, editable=False, help_text=_("First characters, to recognise it.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"))
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, blank=True)

    objects = PartnerTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("partner token")
        verbose_name_plural = _("partner tokens")
        constraints = [
            models.UniqueConstraint(fields=["operation", "name"], name="partner_token_unique_name"),
        ]

    def __str__(self):
        return f"{self.name} ({self.key_prefix}…)"

    @classmethod
    def generate_key(cls) -> str:
        return TOKEN_PREFIX + secrets.token_urlsafe(32)

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()


class UserToken(AbstractAuthToken):
    """A user's API token (django-rest-knox, ``KNOX_TOKEN_MODEL``): the key is shown once at
    issue; only its SHA-512 digest and its first characters (to find it) are stored, and it
    expires. ``last_used`` is kept to the minute, for the owner's token page."""

    last_used = models.DateTimeField(_("last used"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("user API token")
        verbose_name_plural = _("user API tokens")
