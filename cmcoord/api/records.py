"""The base serializer of operation records: scoped relations, described fields, service writes."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import serializers

from cmcoord.api.fields import ScopedPrimaryKeyRelatedField, ScopedSlugRelatedField
from cmcoord.models import Area, Sector
from cmcoord.permissions import can
from cmcoord.services import based_on, record_save

# Descriptions of fields that many resources share; a serializer's Meta.descriptions adds its own.
COMMON_DESCRIPTIONS = {
    "id": gettext_lazy("Identifier of this record; stable, use it to sync."),
    "operation": gettext_lazy(
        "Identifier of the operation (emergency response) the record belongs to; "
        "set when the record is created and never changed."
    ),
    "sensitivity": gettext_lazy(
        "Who may read it: shareable (partner systems too), internal (all members of "
        "the operation) or restricted (CMCoord officers and HCT/UNCT only)."
    ),
    "created_at": gettext_lazy("When the record was created (ISO 8601)."),
    "updated_at": gettext_lazy("When the record last changed (ISO 8601); filter with updated_since to sync."),
    "notes": gettext_lazy("Free-text notes."),
    "interlocutor_status": gettext_lazy(
        "The HCT/UNCT decision on whether this is an appropriate interlocutor: "
        "undecided, approved or rejected."
    ),
    "interlocutor_decided_by": gettext_lazy(
        "Identifier of the HCT/UNCT member who decided; null if undecided."
    ),
    "interlocutor_decided_on": gettext_lazy("Date of the interlocutor decision."),
    "interlocutor_rationale": gettext_lazy("Why the HCT/UNCT decided so."),
    "area": gettext_lazy("P-code of the administrative area (COD), e.g. MZ07."),
    "areas": gettext_lazy("P-codes of the administrative areas served."),
    "sector": gettext_lazy("IASC cluster or sector code, e.g. LOG, WSH."),
    "sectors": gettext_lazy("IASC cluster or sector codes served."),
}


class DescribedMixin:
    """Gives every field a description users understand: help_text wins, then Meta, then common."""

    def get_fields(self):
        fields = super().get_fields()
        own = getattr(getattr(self, "Meta", None), "descriptions", {})
        for name, field in fields.items():
            if not getattr(field, "help_text", None):
                text = own.get(name) or COMMON_DESCRIPTIONS.get(name)
                if text:
                    field.help_text = text
        return fields


class AreaCodeField(ScopedSlugRelatedField):
    def __init__(self, **kwargs):
        if not kwargs.get("read_only"):
            kwargs.setdefault("queryset", Area.objects.all())
        super().__init__(slug_field="pcode", **kwargs)


class SectorCodeField(ScopedSlugRelatedField):
    def __init__(self, **kwargs):
        if not kwargs.get("read_only"):
            kwargs.setdefault("queryset", Sector.objects.all())
        super().__init__(slug_field="code", **kwargs)


class Serializer(DescribedMixin, serializers.Serializer):
    """A plain serializer (action bodies) with the same field descriptions."""


class RecordSerializer(DescribedMixin, serializers.ModelSerializer):
    """Reads and writes a registry record; every write goes through ``record_save``.

    ``write_permission``: the Operation permission a writer needs in the record's operation,
    checked as soon as the operation is known so a refused write answers 403, not 400.
    """

    serializer_related_field = ScopedPrimaryKeyRelatedField
    write_permission = "manage_registry"
    # The version an update is based on: the body's ``version``, or the view's If-Match.
    based_on_version: int | None = None

    def get_fields(self):
        fields = super().get_fields()
        if hasattr(self.Meta.model, "version"):
            fields["version"] = serializers.IntegerField(
                required=False,
                min_value=1,
                max_value=2**31 - 1,
                help_text=_(
                    "How many times the record was saved. Send it back with an update (or "
                    "If-Match with the ETag): if someone saved the record since, the update is refused "
                    "with 412 and the current record."
                ),
            )
        return fields

    def to_internal_value(self, data):
        values = super().to_internal_value(data)
        version = values.pop("version", None)
        if self.based_on_version is None:
            self.based_on_version = version
        return values

    def build_relational_field(self, field_name, relation_info):
        field_class, kwargs = super().build_relational_field(field_name, relation_info)
        if relation_info.related_model is Area:
            return AreaCodeField, {k: v for k, v in kwargs.items() if k != "queryset"}
        if relation_info.related_model is Sector:
            return SectorCodeField, {k: v for k, v in kwargs.items() if k != "queryset"}
        model_field = relation_info.model_field
        if field_class is ScopedPrimaryKeyRelatedField:
            kwargs["model"] = relation_info.related_model
        if (
            field_class is ScopedPrimaryKeyRelatedField
            and model_field is not None
            and not relation_info.to_many
        ):
            # Output may be masked to null; input of a required relation may not be null.
            kwargs["required_value"] = not model_field.null
            kwargs["allow_null"] = True
        return field_class, kwargs

    def validate_operation(self, operation):
        if self.instance is not None and operation.pk != self.instance.operation_id:
            raise serializers.ValidationError(_("A record cannot move to another operation."))
        self.check_write(operation.pk)
        return operation

    def check_write(self, operation_id):
        """403 as soon as the operation is known, before the rest of the body is judged."""
        if not can(self.principal, self.write_permission, operation_id):
            raise PermissionDenied(_("Your role in this operation does not allow this."))

    @property
    def principal(self):
        return self.context["request"].user

    def _split_m2m(self, validated_data):
        m2m = {}
        for field in self.Meta.model._meta.many_to_many:
            if field.name in validated_data:
                m2m[field.name] = validated_data.pop(field.name)
        return m2m

    def save_record(self, instance, m2m):
        """The write service of this resource (``record_save`` unless the app has its own)."""
        return record_save(instance=instance, by=self.principal, m2m=m2m, codename=self.write_permission)

    def create(self, validated_data):
        m2m = self._split_m2m(validated_data)
        return self.save_record(self.Meta.model(**validated_data), m2m)

    def update(self, instance, validated_data):
        based_on(instance, self.based_on_version)
        m2m = self._split_m2m(validated_data)
        for name, value in validated_data.items():
            setattr(instance, name, value)
        return self.save_record(instance, m2m)


class VisibleRowsListSerializer(serializers.ListSerializer):
    """Drops nested rows whose every identity field was masked (someone the reader may not see)."""

    def to_representation(self, data):
        rows = super().to_representation(data)
        identity = getattr(self.child.Meta, "identity_fields", ())
        if not identity:
            return rows
        return [row for row in rows if any(row.get(name) is not None for name in identity)]
