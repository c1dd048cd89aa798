"""FilterSets of forums, meetings and action points."""

import django_filters as df

from cmcoord.api.filters import RecordFilterSet, VisibleIdFilter, user_filter
from cmcoord.models import Sensitivity
from meetings.models import ActionPoint, CoordinationForum, ForumKind, Meeting


class ForumFilterSet(RecordFilterSet):
    kind = df.ChoiceFilter(choices=ForumKind.choices, help_text="Kind of forum.")
    sensitivity = df.ChoiceFilter(choices=Sensitivity.choices, help_text="Who may read it.")

    class Meta:
        model = CoordinationForum
        fields = ["operation", "updated_since"]


class MeetingFilterSet(RecordFilterSet):
    starts_after = df.IsoDateTimeFilter(
        field_name="starts_at", lookup_expr="gte", help_text="Meetings starting at or after (ISO 8601)."
    )
    starts_before = df.IsoDateTimeFilter(
        field_name="starts_at", lookup_expr="lt", help_text="Meetings starting before (ISO 8601)."
    )
    status = df.MultipleChoiceFilter(choices=Meeting.Status.choices, help_text="Status; repeat to combine.")
    kind = df.ChoiceFilter(choices=Meeting.Kind.choices, help_text="Forum sitting or bilateral meeting.")
    forum = VisibleIdFilter(field_name="forum_id", help_text="Identifier of the forum.")
    sensitivity = df.ChoiceFilter(choices=Sensitivity.choices, help_text="Who may read it.")

    class Meta:
        model = Meeting
        fields = ["operation", "updated_since"]


class ActionPointFilterSet(RecordFilterSet):
    status = df.MultipleChoiceFilter(
        choices=ActionPoint.Status.choices, help_text="Status; repeat to combine."
    )
    owner = user_filter("owner", "'me' for your own action points, or a user id.")
    meeting = VisibleIdFilter(field_name="meeting_id", help_text="Identifier of the meeting that set it.")
    due_before = df.DateFilter(
        field_name="due_date", lookup_expr="lte", help_text="Due on or before this date."
    )
    due_after = df.DateFilter(
        field_name="due_date", lookup_expr="gte", help_text="Due on or after this date."
    )

    class Meta:
        model = ActionPoint
        fields = ["operation", "updated_since"]
