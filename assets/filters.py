"""FilterSets of MCDA deployments and dependencies."""

import django_filters as df
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from assets.models import (
    AssetDeployment,
    AssetStatus,
    Capability,
    Criticality,
    Dependency,
    Readiness,
    SupportType,
)
from cmcoord.api.filters import RecordFilterSet, VisibleIdFilter, pcode_filter, sector_filter
from cmcoord.models import Sensitivity


class AssetFilterSet(RecordFilterSet):
    search_fields = ("name", "base", "phase_out_plan")
    status = df.MultipleChoiceFilter(choices=AssetStatus.choices, help_text=_("Status; repeat to combine."))
    capability = df.MultipleChoiceFilter(
        choices=Capability.choices, help_text=_("Capability; repeat to combine.")
    )
    support_type = df.ChoiceFilter(choices=SupportType.choices, help_text=_("Kind of support."))
    provider = VisibleIdFilter(field_name="provider_id", help_text=_("Identifier of the providing actor."))
    sensitivity = df.ChoiceFilter(choices=Sensitivity.choices, help_text=_("Who may read it."))
    phase_out_before = df.DateFilter(
        field_name="phase_out_on", lookup_expr="lte", help_text=_("Phasing out on or before this date.")
    )
    phase_out_after = df.DateFilter(
        field_name="phase_out_on", lookup_expr="gte", help_text=_("Phasing out on or after this date.")
    )
    area = pcode_filter("areas")
    sector = sector_filter("sectors")

    class Meta:
        model = AssetDeployment
        fields = ["operation", "updated_since"]


class DependencyFilterSet(RecordFilterSet):
    search_fields = ("activity", "alternative_provider", "notes")
    asset = VisibleIdFilter(field_name="asset_id", help_text=_("Identifier of the asset relied on."))
    criticality = df.ChoiceFilter(choices=Criticality.choices, help_text=_("How critical the activity is."))
    alternative_readiness = df.ChoiceFilter(
        choices=Readiness.choices, help_text=_("Readiness of the civilian alternative.")
    )
    without_ready_alternative = df.BooleanFilter(
        method="filter_without_ready", help_text=_("true: only those whose alternative is not ready.")
    )
    phase_out_before = df.DateFilter(
        field_name="asset__phase_out_on", lookup_expr="lte", help_text=_("Asset phasing out on or before.")
    )
    sensitivity = df.ChoiceFilter(choices=Sensitivity.choices, help_text=_("Who may read it."))
    area = pcode_filter("area")
    sector = sector_filter("sector")

    class Meta:
        model = Dependency
        fields = ["operation", "updated_since"]

    def filter_without_ready(self, queryset, name, value):
        if value is None:
            return queryset
        ready = queryset.filter(alternative_readiness=Readiness.READY)
        return queryset.without_ready_alternative() if value else ready


class DependencyPageFilterSet(DependencyFilterSet):
    """The page's "at risk" link: asset phasing out within 30 days, alternative not ready."""

    at_risk = df.BooleanFilter(method="filter_at_risk", widget=df.widgets.BooleanWidget())

    def filter_at_risk(self, queryset, name, value):
        return queryset.at_risk(today=timezone.localdate()) if value else queryset
