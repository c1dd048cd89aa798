"""FilterSets of forums, meetings and action points: the API lists and the HTML lists use them."""

import datetime as dt

import django_filters as df
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cmcoord.api.filters import RecordFilterSet, VisibleIdFilter, user_filter
from cmcoord.models import Sensitivity
from meetings.models import ActionPoint, CoordinationForum, ForumKind, Meeting


class ForumFilterSet(RecordFilterSet):
    search_fields = ("name", "location", "rhythm")
    kind = df.ChoiceFilter(choices=ForumKind.choices, help_text=_("Kind of forum."))
    sensitivity = df.ChoiceFilter(choices=Sensitivity.choices, help_text=_("Who may read it."))

    class Meta:
        model = CoordinationForum
        fields = ["operation", "updated_since"]


class MeetingFilterSet(RecordFilterSet):
    search_fields = ("title", "location", "summary")
    starts_after = df.IsoDateTimeFilter(
        field_name="starts_at", lookup_expr="gte", help_text=_("Meetings starting at or after (ISO 8601).")
    )
    starts_before = df.IsoDateTimeFilter(
        field_name="starts_at", lookup_expr="lt", help_text=_("Meetings starting before (ISO 8601).")
    )
    status = df.MultipleChoiceFilter(
        choices=Meeting.Status.choices, help_text=_("Status; repeat to combine.")
    )
    kind = df.ChoiceFilter(choices=Meeting.Kind.choices, help_text=_("Forum sitting or bilateral meeting."))
    forum = VisibleIdFilter(field_name="forum_id", help_text=_("Identifier of the forum."))
    sensitivity = df.ChoiceFilter(choices=Sensitivity.choices, help_text=_("Who may read it."))

    class Meta:
        model = Meeting
        fields = ["operation", "updated_since"]


class ActionPointFilterSet(RecordFilterSet):
    search_fields = ("title", "description", "progress_note")
    status = df.MultipleChoiceFilter(
        choices=ActionPoint.Status.choices, help_text=_("Status; repeat to combine.")
    )
    owner = user_filter("owner", _("'me' for your own action points, or a user id."))
    meeting = VisibleIdFilter(field_name="meeting_id", help_text=_("Identifier of the meeting that set it."))
    due_before = df.DateFilter(
        field_name="due_date", lookup_expr="lte", help_text=_("Due on or before this date.")
    )
    due_after = df.DateFilter(
        field_name="due_date", lookup_expr="gte", help_text=_("Due on or after this date.")
    )

    class Meta:
        model = ActionPoint
        fields = ["operation", "updated_since"]


class MeetingPageFilterSet(MeetingFilterSet):
    """The meetings page: upcoming ones (from 12 hours ago), soonest first, unless ?when=past."""

    when = df.ChoiceFilter(choices=[("upcoming", _("Upcoming")), ("past", _("Past"))], method="filter_when")

    def filter_when(self, queryset, name, value):
        return queryset  # applied in filter_queryset, also when absent

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        now = timezone.now()
        if self.form.cleaned_data.get("when") == "past":
            return queryset.filter(starts_at__lt=now).order_by("-starts_at", "-pk")
        return queryset.filter(starts_at__gte=now - dt.timedelta(hours=12)).order_by("starts_at", "pk")


class ActionPointPageFilterSet(ActionPointFilterSet):
    """The action points page: open ones unless ?all=1 (or a status is asked); ?mine=1 for yours."""

    mine = df.BooleanFilter(method="filter_mine", widget=df.widgets.BooleanWidget())
    all = df.BooleanFilter(method="filter_all", widget=df.widgets.BooleanWidget())

    def filter_mine(self, queryset, name, value):
        return queryset.filter(owner_id=getattr(self.request.user, "pk", None)) if value else queryset

    def filter_all(self, queryset, name, value):
        return queryset  # applied in filter_queryset, also when absent

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        data = self.form.cleaned_data
        return queryset if data.get("all") or data.get("status") else queryset.open()
