"""Related fields limited to what the caller may read, for input and for output alike.

A written id the caller cannot read fails as "does not exist" (400), exactly like a missing
one; a shown id the caller cannot read is replaced by null (and dropped from lists).
"""

from rest_framework import serializers
from rest_framework.relations import MANY_RELATION_KWARGS

from cmcoord.masking import mask_for
from cmcoord.permissions import scoped


class _Scoped:
    def get_queryset(self):
        return scoped(super().get_queryset(), self.context["request"].user)

    def to_internal_value(self, data):
        # DRF turns a bad id into "does not exist" but lets OverflowError (an infinite float, an
        # integer past 64 bits) through as a 500: it is just an id that exists nowhere.
        try:
            return super().to_internal_value(data)
        except OverflowError:
            self.fail("does_not_exist", pk_value=data, slug_name=getattr(self, "slug_field", ""), value=data)


class _VisibleMany(serializers.ManyRelatedField):
    def to_representation(self, iterable):
        shown = (self.child_relation.to_representation(value) for value in iterable)
        return [item for item in shown if item is not None]


class ScopedPrimaryKeyRelatedField(_Scoped, serializers.PrimaryKeyRelatedField):
    """A related id: choices scoped by ``for_user``; ids the caller may not read shown as null.

    ``required_value``: refuse null on input although the output may be null (masked).
    """

    def __init__(self, *, required_value=False, model=None, **kwargs):
        self.required_value = required_value
        self.model = model
        super().__init__(**kwargs)

    @classmethod
    def many_init(cls, *args, **kwargs):
        many_kwargs = {k: v for k, v in kwargs.items() if k in MANY_RELATION_KWARGS}
        return _VisibleMany(child_relation=cls(*args, **kwargs), **many_kwargs)

    def validate_empty_values(self, data):
        if data is None and self.required_value:
            self.fail("null")
        return super().validate_empty_values(data)

    def to_representation(self, value):
        model = self.model or (self.queryset.model if self.queryset is not None else None)
        if model is not None and not mask_for(self.context["request"]).may_see(model, value.pk):
            return None
        return super().to_representation(value)


class ScopedSlugRelatedField(_Scoped, serializers.SlugRelatedField):
    """A related code (P-code, IASC sector code): choices scoped like the ids above."""
