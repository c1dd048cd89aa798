"""FilterSet pieces shared by the resources: incremental sync, places by P-code, owner=me.

Filters run on the already scoped queryset and take plain codes and ids (never a choice list
built from an unscoped queryset), so a filter can narrow what the caller reads but never
reveal anything else.
"""

import django_filters as df
from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _
from rest_framework.filters import OrderingFilter

from cmcoord.validators import validate_calendar_range

UPDATED_SINCE = _(
    "Only records changed at or after this moment (ISO 8601, e.g. 2026-11-25T08:00:00Z): "
    "pass the time of your last sync to fetch only what changed (or walk with cursor). Deleted "
    "records are listed at /api/v1/deletions/."
)
PCODE_HELP = _("P-code of an administrative area; matches that area and every area inside it.")
PCODE = RegexValidator(r"^[A-Za-z]{2,3}[0-9]*$", _("Give a P-code such as MZ or MZ07."))
ME_OR_ID = RegexValidator(r"^(me|[0-9]{1,18})$", _("Give 'me' or a user id."))


DATE_FILTERS = (df.DateFilter, df.DateTimeFilter)  # IsoDateTimeFilter is a DateTimeFilter
CHOICE_FILTERS = (df.ChoiceFilter, df.MultipleChoiceFilter)
TRUE, FALSE = ("true", "1"), ("false", "0")


class StrictBooleanWidget(forms.Select):
    """Hands the value as sent to the field (Django's and django-filter's boolean widgets turn an
    unknown value such as ``maybe`` into "no filter", silently)."""

    def __init__(self, attrs=None):
        choices = (("", "---------"), ("true", _("Yes")), ("false", _("No")))
        super().__init__(attrs, choices)

    def value_from_datadict(self, data, files, name):
        return data.get(name)


class StrictBooleanField(forms.NullBooleanField):
    widget = StrictBooleanWidget

    def to_python(self, value):
        text = str(value).strip().lower() if value is not None else ""
        if text in TRUE:
            return True
        if text in FALSE:
            return False
        if text:
            raise forms.ValidationError(
                _("“%(value)s” is not a choice here. Give true or false."),
                code="invalid",
                params={"value": value},
            )
        return None


class IdField(forms.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 2**63 - 1)
        super().__init__(**kwargs)


class IdFilter(df.NumberFilter):
    """A record identifier (a whole number); anything else is a 400."""

    field_class = IdField


class VisibleIdFilter(IdFilter):
    """The id of a related record (``provider``, ``parent``...): it matches only when the caller
    may read that record, so a filter can never confirm that a hidden record exists."""

    def filter(self, qs, value):
        if value in (None, ""):
            return qs
        related = qs.model._meta.get_field(self.field_name).related_model
        visible = related.objects.for_user(self.parent.request.user).filter(pk=value).values("pk")
        return qs.filter(**{f"{self.field_name}__in": visible})


def pcode_filter(path: str) -> df.CharFilter:
    """By P-code, including descendants (a child's P-code starts with its parent's)."""
    return df.CharFilter(field_name=path, method="filter_pcode", help_text=PCODE_HELP, validators=[PCODE])


def sector_filter(path: str) -> df.CharFilter:
    return df.CharFilter(
        field_name=path, method="filter_sector", help_text=_("IASC cluster or sector code, e.g. LOG.")
    )


def user_filter(path: str, help_text: str) -> df.CharFilter:
    """``me`` (the caller) or a user id."""
    return df.CharFilter(
        field_name=path, method="filter_me_or_id", help_text=help_text, validators=[ME_OR_ID]
    )


def invalid_choice(choice_filter) -> str:
    """The error for an unknown value, naming the values the filter takes."""
    codes = ", ".join(str(code) for code, _label in choice_filter.extra.get("choices", ()) if code != "")
    # %(value)s is left for Django's ChoiceField to fill in with what was sent.
    return _("“%(value)s” is not a choice here. Give one of: %(choices)s.") % {
        "value": "%(value)s",
        "choices": codes.replace("%", "%%"),
    }


class FilterSet(df.FilterSet):
    """Methods for the filters above; sub-queries start from the scoped queryset itself.

    Every date and time filter takes only dates in the range records hold (1900-2200): a
    moment at the end of Python's calendar, shifted to UTC for the query, would overflow.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for each in self.filters.values():  # copies of the class's filters: safe to change
            # A copy may carry the form field its original built (the schema builds them): build anew.
            each.__dict__.pop("_field", None)
            if isinstance(each, DATE_FILTERS):
                each.extra.setdefault("validators", []).append(validate_calendar_range)
            elif isinstance(each, df.BooleanFilter):
                each.field_class = StrictBooleanField
                each.extra["widget"] = StrictBooleanWidget
            elif isinstance(each, CHOICE_FILTERS):
                each.extra.setdefault("error_messages", {})["invalid_choice"] = invalid_choice(each)

    def _matching(self, queryset, **lookup):
        return queryset.filter(pk__in=queryset.filter(**lookup).values("pk"))

    def filter_pcode(self, queryset, name, value):
        return (
            self._matching(queryset, **{f"{name}__pcode__startswith": value.upper()}) if value else queryset
        )

    def filter_sector(self, queryset, name, value):
        return self._matching(queryset, **{f"{name}__code__iexact": value}) if value else queryset

    def filter_me_or_id(self, queryset, name, value):
        if not value:
            return queryset
        user_id = getattr(self.request.user, "pk", None) if value == "me" else int(value)
        return queryset.filter(**{f"{name}_id": user_id}) if user_id else queryset.none()


class RecordFilterSet(FilterSet):
    """Filters of every operation record: operation and updated_since."""

    operation = IdFilter(field_name="operation_id", help_text=_("Identifier of the operation."))
    updated_since = df.IsoDateTimeFilter(field_name="updated_at", lookup_expr="gte", help_text=UPDATED_SINCE)


class StableOrderingFilter(OrderingFilter):
    """?ordering=... with the id as the last key, so pages never overlap or skip rows."""

    def get_ordering(self, request, queryset, view):
        ordering = list(super().get_ordering(request, queryset, view) or queryset.query.order_by)
        if not ordering:
            ordering = list(queryset.model._meta.ordering)
        if not {"pk", "-pk", "id", "-id"} & set(ordering):
            ordering.append("pk")
        return ordering
