"""FilterSets of notified sites and movements (the API lists)."""

import django_filters as df
from django.utils.translation import gettext_lazy as _

from cmcoord.api.filters import RecordFilterSet
from hns.models import Movement, MovementMode, MovementStatus, SiteStatus, SiteType, StaticSite


class StaticSiteFilterSet(RecordFilterSet):
    search_fields = ("name",)
    status = df.ChoiceFilter(choices=SiteStatus.choices, help_text=_("active or removed."))
    site_type = df.MultipleChoiceFilter(
        choices=SiteType.choices, help_text=_("Type of site; repeat to combine.")
    )

    class Meta:
        model = StaticSite
        fields = ["operation", "updated_since"]


class MovementFilterSet(RecordFilterSet):
    search_fields = ("title", "origin", "destination")
    status = df.MultipleChoiceFilter(
        choices=MovementStatus.choices, help_text=_("Status; repeat to combine.")
    )
    mode = df.MultipleChoiceFilter(choices=MovementMode.choices, help_text=_("Mode; repeat to combine."))
    starts_after = df.IsoDateTimeFilter(
        field_name="starts_at", lookup_expr="gte", help_text=_("Starting at or after this time.")
    )

    class Meta:
        model = Movement
        fields = ["operation", "updated_since"]
