"""An uploaded spreadsheet waiting for its officer's confirmation, then the record of its import.

The file itself is kept in the database (not on one machine's disk) between the upload and the
confirmation, so the preview and the import read the same bytes on whichever host answers; the
client never carries the rows. Once imported, the file is dropped and the counts stay.
"""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cmcoord.models import Operation
from cmcoord.permissions import operations_where


class Kind(models.TextChoices):
    ACTORS = "actors", _("Actors and where they operate")
    CONTACTS = "contacts", _("Contacts")
    ASSETS = "assets", _("MCDA deployments")


class BatchStatus(models.TextChoices):
    PREVIEWED = "previewed", _("Waiting for confirmation")
    IMPORTED = "imported", _("Imported")


class ImportBatchQuerySet(models.QuerySet):
    def for_user(self, user):
        """Your own uploads, in operations where you may still write the registry."""
        if not getattr(user, "is_authenticated", False) or not getattr(user, "pk", None):
            return self.none()
        return self.filter(created_by=user, operation__in=operations_where(user, "manage_registry"))


class ImportBatch(models.Model):
    operation = models.ForeignKey(
        Operation, verbose_name=_("operation"), on_delete=models.CASCADE, related_name="import_batches"
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("uploaded by"), on_delete=models.CASCADE, related_name="+"
    )
    filename = models.CharField(_("file name"), max_length=255)
    content = models.BinaryField(_("content"), editable=False)
    status = models.CharField(
        _("status"), max_length=12, choices=BatchStatus.choices, default=BatchStatus.PREVIEWED
    )
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True)
    created_count = models.PositiveIntegerField(_("created"), default=0)
    updated_count = models.PositiveIntegerField(_("updated"), default=0)
    unchanged_count = models.PositiveIntegerField(_("unchanged"), default=0)
    refused_count = models.PositiveIntegerField(_("refused rows"), default=0)

    objects = ImportBatchQuerySet.as_manager()

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="previewed") | models.Q(imported_at__isnull=False),
                name="import_batch_imported_is_dated",
            ),
        ]

    def __str__(self):
        return self.filename

    def get_absolute_url(self):
        return reverse("imports:batch", args=[self.operation_id, self.pk])
