"""Viewsets of meetings: forums, meetings and action points."""

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from cmcoord.api.viewsets import RecordViewSet
from cmcoord.formats.ical import calendar
from cmcoord.formats.renderers import ICalendarRenderer
from cmcoord.formats.xlsx import xlsx_of
from meetings.api.serializers import (
    ActionPointSerializer,
    ForumSerializer,
    MeetingSerializer,
    ProgressSerializer,
)
from meetings.exports import action_points_hxl, meetings_hxl
from meetings.filters import ActionPointFilterSet, ForumFilterSet, MeetingFilterSet
from meetings.models import ActionPoint, AgendaItem, CoordinationForum, Meeting
from meetings.rules import can_update_action_point
from meetings.services import action_point_update

CALENDAR = {(200, "text/calendar"): OpenApiResponse(OpenApiTypes.STR, description="iCalendar file.")}


def meetings_ics(meetings, *, request, view) -> bytes:
    return calendar(_("CMCoord meetings"), meetings=meetings)


class ForumViewSet(RecordViewSet):
    """Coordination forums: the UN-CMCoord cell, HuMOCC, working groups, and who sits in them."""

    model = CoordinationForum
    serializer_class = ForumSerializer
    filterset_class = ForumFilterSet
    prefetch = ("members",)
    search_fields = ForumFilterSet.search_fields
    ordering_fields = ["name", "updated_at"]


class MeetingViewSet(RecordViewSet):
    """Meetings of the cell and bilateral meetings; minutes only for officers and HCT."""

    model = Meeting
    serializer_class = MeetingSerializer
    filterset_class = MeetingFilterSet
    exports = {"hxl": meetings_hxl, "xlsx": xlsx_of(meetings_hxl), "ics": meetings_ics}
    prefetch = (
        Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("position")),
        "participants",
        "decisions",
    )
    search_fields = MeetingFilterSet.search_fields
    ordering_fields = ["starts_at", "title", "updated_at"]

    @extend_schema(responses=CALENDAR, summary="The meeting as iCalendar")
    @action(detail=True, methods=["get"], renderer_classes=[ICalendarRenderer])
    def ics(self, request, pk=None):
        meeting = self.get_object()
        return ICalendarRenderer.response(calendar(meeting.title, meetings=[meeting]))


class ActionPointViewSet(RecordViewSet):
    """Action points: officers write them; their owner moves them along."""

    model = ActionPoint
    related = ("owner", "operation")
    serializer_class = ActionPointSerializer
    filterset_class = ActionPointFilterSet
    exports = {"hxl": action_points_hxl, "xlsx": xlsx_of(action_points_hxl)}
    search_fields = ActionPointFilterSet.search_fields
    ordering_fields = ["due_date", "status", "updated_at"]

    @staticmethod
    def may_change(principal, action_point):
        return can_update_action_point(principal, action_point)

    @extend_schema(request=ProgressSerializer, responses=ActionPointSerializer, summary="Mark it done")
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        action_point = self.get_object()
        form = ProgressSerializer(data=request.data, context=self.get_serializer_context())
        form.is_valid(raise_exception=True)
        action_point_update(
            action_point=action_point,
            by=request.user,
            status=ActionPoint.Status.DONE,
            progress_note=form.validated_data.get("progress_note"),
        )
        return Response(self.get_serializer(action_point).data)
