"""FilterSets of the core resources (operations, areas, sectors, notifications)."""

import django_filters as df
from django.utils.translation import gettext_lazy as _

from cmcoord.api.filters import PCODE, PCODE_HELP, FilterSet, RecordFilterSet, pcode_filter
from cmcoord.models import (
    Area,
    EmergencyType,
    GuidelineDocument,
    GuidelineStatus,
    Notification,
    NotificationKind,
    Operation,
    Phase,
    Sector,
    SecurityAssessment,
    SecurityLevel,
    Sensitivity,
)


class OperationFilterSet(FilterSet):
    country = df.CharFilter(
        help_text=_("ISO 3166 alpha-3 code of the country, e.g. MOZ."), lookup_expr="iexact"
    )
    phase = df.ChoiceFilter(choices=Phase.choices, help_text=_("Phase of the response."))
    emergency_type = df.ChoiceFilter(choices=EmergencyType.choices, help_text=_("Type of emergency."))
    updated_since = df.IsoDateTimeFilter(
        field_name="updated_at",
        lookup_expr="gte",
        help_text=_("Only operations changed at or after this moment."),
    )

    class Meta:
        model = Operation
        fields = ["country", "phase", "emergency_type", "updated_since"]


class AreaFilterSet(FilterSet):
    level = df.ChoiceFilter(choices=Area.Level.choices, help_text=_("Administrative level: 0, 1 or 2."))
    country = df.CharFilter(lookup_expr="iexact", help_text=_("ISO 3166 alpha-3 code of the country."))
    parent = df.CharFilter(
        field_name="parent__pcode", lookup_expr="iexact", help_text=_("P-code of the parent area.")
    )
    within = df.CharFilter(
        field_name="pcode", lookup_expr="istartswith", help_text=PCODE_HELP, validators=[PCODE]
    )

    class Meta:
        model = Area
        fields = ["level", "country", "parent", "within"]


class SectorFilterSet(FilterSet):
    kind = df.ChoiceFilter(
        choices=Sector.Kind.choices, help_text=_("Cluster, area of responsibility or other.")
    )

    class Meta:
        model = Sector
        fields = ["kind"]


class NotificationFilterSet(FilterSet):
    kind = df.ChoiceFilter(choices=NotificationKind.choices, help_text=_("What the notification is about."))
    unread = df.BooleanFilter(
        field_name="read_at", lookup_expr="isnull", help_text=_("true: only unread; false: only read.")
    )
    created_since = df.IsoDateTimeFilter(
        field_name="created_at",
        lookup_expr="gte",
        help_text=_("Only notifications created at or after this."),
    )

    class Meta:
        model = Notification
        fields = ["kind", "unread", "created_since"]


class SecurityAssessmentFilterSet(RecordFilterSet):
    search_fields = ("association_risks", "area__name")
    area = pcode_filter("area")
    level = df.ChoiceFilter(choices=SecurityLevel.choices, help_text=_("Security level, 1 (minimal) to 6."))
    min_level = df.NumberFilter(
        field_name="level", lookup_expr="gte", help_text=_("Only areas at this level or above."), min_value=1
    )
    assessed_since = df.DateFilter(
        field_name="assessed_on", lookup_expr="gte", help_text=_("Assessed on or after this date.")
    )
    sensitivity = df.ChoiceFilter(choices=Sensitivity.choices, help_text=_("Who may read it."))

    class Meta:
        model = SecurityAssessment
        fields = ["operation", "updated_since"]


class GuidelineFilterSet(RecordFilterSet):
    search_fields = ("title", "summary")
    archived = df.BooleanFilter(
        field_name="archived_at",
        lookup_expr="isnull",
        exclude=True,
        help_text=_("true: only archived documents; false: only current ones."),
    )
    status = df.ChoiceFilter(
        choices=GuidelineStatus.choices, help_text=_("Draft or approved by the HCT/UNCT.")
    )
    sensitivity = df.ChoiceFilter(choices=Sensitivity.choices, help_text=_("Who may read it."))

    class Meta:
        model = GuidelineDocument
        fields = ["operation", "updated_since"]
