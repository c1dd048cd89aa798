"""Building blocks shared by every operation record."""

from django.core.exceptions import ValidationError
from django.db import models


class Sensitivity(models.TextChoices):
    SHAREABLE = "shareable", "Shareable (partners may read)"
    INTERNAL = "internal", "Internal (all members of the operation)"
    RESTRICTED = "restricted", "Restricted (officers and HCT only)"


class TimeStamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)

    class Meta:
        abstract = True


class OperationRecord(TimeStamped):
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
                errors[field] = "This belongs to another operation; choose one of this operation's."
        errors.update(self._member_errors(own))
        if errors:
            raise ValidationError(errors)

    def _member_errors(self, operation_id) -> dict:
        from cmcoord.permissions import role_in

        errors = {}
        for field in self.member_fields:
            user = getattr(self, field, None)
            if user is not None and operation_id is not None and role_in(user, operation_id) is None:
                errors[field] = f"{user} is not a member of this operation."
        return errors

    def operation_id_for_checks(self) -> int | None:
        return getattr(self, "operation_id", None)


def check_date_order(start, end, *, end_field: str, message: str) -> None:
    if start and end and end < start:
        raise ValidationError({end_field: message})
