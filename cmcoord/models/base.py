"""Building blocks shared by every operation record."""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import F
from django.utils.translation import gettext_lazy as _


class Sensitivity(models.TextChoices):
    SHAREABLE = "shareable", _("Shareable (partners may read)")
    INTERNAL = "internal", _("Internal (all members of the operation)")
    RESTRICTED = "restricted", _("Restricted (officers and HCT only)")


class TimeStamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        abstract = True


class OperationHistory(models.Model):
    """Extra column of the history of a record that reaches its operation through a parent (an
    agenda item through its meeting): the history keeps the operation's id itself, so the
    operation's history lists the change even after the parent is gone. ``cmcoord.history``
    fills it as each history row is written. Use: ``HistoricalRecords(bases=[OperationHistory])``.
    """

    operation_id = models.PositiveBigIntegerField(_("operation"), null=True, blank=True, db_index=True)

    class Meta:
        abstract = True


class RecordChanged(ValidationError):
    """Someone saved the record after the version this save was based on (a lost update refused).

    A ``ValidationError``, so every page that shows a service's refusal shows this one too; the
    edit pages and the API add the other person's current values (HTTP 412 in the API).
    """

    def __init__(self, record, current_version: int):
        self.record, self.current_version = record, current_version
        self.changed_by = _last_changed_by(record)
        who = str(self.changed_by) if self.changed_by else _("Someone")
        super().__init__(
            _("%(who)s changed this record while you were editing; nothing of yours was saved.")
            % {"who": who},
            code="record_changed",
        )


def _last_changed_by(record):
    history = getattr(type(record), "history", None)
    if history is None or record.pk is None:
        return None
    row = history.filter(**{record._meta.pk.attname: record.pk}).select_related("history_user").first()
    return row.history_user if row else None


class Versioned(models.Model):
    """A record people edit: ``version`` counts its saves, so a save based on an old one is refused.

    ``version`` on the instance is the version the writer started from: a form's hidden field,
    the API's ``If-Match`` or body, or what was read. ``save()`` moves the row from that version
    to the next with one conditional UPDATE; if another save came first, nothing matches and
    ``RecordChanged`` is raised (on PostgreSQL the second writer waits on the first's row lock,
    then finds the version moved). A save limited to ``update_fields`` (a decision stamp) changes
    only those fields, so it cannot revert anyone's edit: it moves the version on unconditionally.
    """

    version = models.PositiveIntegerField(
        default=1,
        editable=False,
        help_text=_("Counts the saves of this record; send it back to update."),
    )

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._state.adding or self.pk is None:
            self.version = 1
            return super().save(*args, **kwargs)
        with transaction.atomic(using=kwargs.get("using")):
            self._next_version(kwargs)
            return super().save(*args, **kwargs)

    def _next_version(self, kwargs) -> None:
        rows = type(self)._base_manager.using(kwargs.get("using")).filter(pk=self.pk)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None:
            rows.update(version=F("version") + 1)
            self.version = rows.values_list("version", flat=True).first() or self.version
            kwargs["update_fields"] = {*update_fields, "version"}
            return
        if rows.filter(version=self.version).update(version=self.version + 1):
            self.version += 1
            return
        current = rows.values_list("version", flat=True).first()
        if current is not None:
            raise RecordChanged(self, current)
        # The row is gone: Django's own save decides (it inserts it again, as before).


class OperationRecord(Versioned, TimeStamped):
    """A record that belongs to one operation.

    ``same_operation_fields`` names the foreign keys whose target must belong to the same
    operation; ``clean()`` refuses anything else, so no record can point across operations.
    """

    same_operation_fields: tuple[str, ...] = ()
    # Users named on the record (owner, chair, focal point) must hold a role in its operation.
    member_fields: tuple[str, ...] = ()

    class Meta:
        abstract = True

    def operation_of(self, related) -> int | None:
        return getattr(related, "operation_id", None)

    def clean(self):
        super().clean()
        errors = {}
        own = self.operation_id_for_checks()
        for field in self.same_operation_fields:
            related = getattr(self, field, None)
            if related is None or own is None:
                continue
            if self.operation_of(related) != own:
                errors[field] = _("This belongs to another operation; choose one of this operation's.")
        errors.update(self._member_errors(own))
        if errors:
            raise ValidationError(errors)

    def _member_errors(self, operation_id) -> dict:
        from cmcoord.permissions import role_in

        errors = {}
        for field in self.member_fields:
            user = getattr(self, field, None)
            if user is not None and operation_id is not None and role_in(user, operation_id) is None:
                errors[field] = _("%(user)s is not a member of this operation.") % {"user": user}
        return errors

    def operation_id_for_checks(self) -> int | None:
        return getattr(self, "operation_id", None)


def check_date_order(start, end, *, end_field: str, message: str) -> None:
    if start and end and end < start:
        raise ValidationError({end_field: message})
