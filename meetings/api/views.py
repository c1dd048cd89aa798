"""Viewsets of the cell: forums, meetings, action points, cell requests (with their actions)."""

from django.db import transaction
from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from cmcoord.api.viewsets import RecordViewSet, ScopedViewSet
from cmcoord.formats.ical import calendar
from cmcoord.formats.renderers import ICalendarRenderer
from meetings.api.serializers import (
    ActionPointSerializer,
    AnswerSerializer,
    CellRequestSerializer,
    DecideRfaSerializer,
    ForumSerializer,
    MeetingSerializer,
    ProgressSerializer,
    TableSerializer,
)
from meetings.exports import action_points_hxl, cell_requests_hxl, meetings_hxl
from meetings.filters import ActionPointFilterSet, CellRequestFilterSet, ForumFilterSet, MeetingFilterSet
from meetings.models import ActionPoint, AgendaItem, CellRequest, CoordinationForum, Meeting
from meetings.rules import can_update_action_point
from meetings.services import (
    action_point_update,
    cell_request_answer,
    cell_request_close,
    cell_request_table,
    rfa_decide,
)

CALENDAR = {(200, "text/calendar"): OpenApiResponse(OpenApiTypes.STR, description="iCalendar file.")}


def meetings_ics(meetings, *, request, view) -> bytes:
    return calendar("CMCoord meetings", meetings=meetings)


class ForumViewSet(RecordViewSet):
    """Coordination forums: the UN-CMCoord cell, HuMOCC, working groups, and who sits in them."""

    model = CoordinationForum
    serializer_class = ForumSerializer
    filterset_class = ForumFilterSet
    prefetch = ("members",)
    search_fields = ["name", "location", "rhythm"]
    ordering_fields = ["name", "updated_at"]


class MeetingViewSet(RecordViewSet):
    """Meetings of the cell and bilateral meetings; minutes only for officers and HCT."""

    model = Meeting
    partners_read = False
    serializer_class = MeetingSerializer
    filterset_class = MeetingFilterSet
    exports = {"hxl": meetings_hxl, "ics": meetings_ics}
    prefetch = (
        Prefetch("agenda_items", queryset=AgendaItem.objects.order_by("position")),
        "participants",
        "decisions",
    )
    search_fields = ["title", "location", "summary"]
    ordering_fields = ["starts_at", "title", "updated_at"]

    @extend_schema(responses=CALENDAR, summary="The meeting as iCalendar")
    @action(detail=True, methods=["get"], renderer_classes=[ICalendarRenderer])
    def ics(self, request, pk=None):
        meeting = self.get_object()
        return ICalendarRenderer.response(calendar(meeting.title, meetings=[meeting]))


class ActionPointViewSet(RecordViewSet):
    """Action points: officers write them; their owner moves them along."""

    model = ActionPoint
    partners_read = False
    related = ("owner", "operation")
    serializer_class = ActionPointSerializer
    filterset_class = ActionPointFilterSet
    exports = {"hxl": action_points_hxl}
    search_fields = ["title", "description", "progress_note"]
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


class CellRequestViewSet(mixins.CreateModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    """What field staff send to the cell; the cell tables, answers and closes; HCT decides RFAs."""

    model = CellRequest
    partners_read = False
    related = ("rfa", "operation", "area__parent")
    serializer_class = CellRequestSerializer
    filterset_class = CellRequestFilterSet
    exports = {"hxl": cell_requests_hxl}
    write_permission = "submit_cell_requests"
    search_fields = ["title", "description"]
    ordering_fields = ["created_at", "status", "updated_at"]

    @transaction.atomic
    def perform_create(self, serializer):
        serializer.save()

    def _respond(self, cell_request):
        cell_request = self.get_queryset().get(pk=cell_request.pk)
        return Response(self.get_serializer(cell_request).data)

    def _body(self, serializer_class):
        form = serializer_class(data=self.request.data, context=self.get_serializer_context())
        form.is_valid(raise_exception=True)
        return form.validated_data

    @extend_schema(request=TableSerializer, summary="Table it at a meeting (the cell)")
    @action(detail=True, methods=["post"], write_permission="triage_cell_requests")
    def table(self, request, pk=None):
        cell_request = self.get_object()
        body = self._body(TableSerializer)
        cell_request_table(cell_request=cell_request, agenda_item=body["agenda_item"], by=request.user)
        return self._respond(cell_request)

    @extend_schema(request=AnswerSerializer, summary="Answer it (the cell)")
    @action(detail=True, methods=["post"], write_permission="triage_cell_requests")
    def answer(self, request, pk=None):
        cell_request = self.get_object()
        cell_request_answer(
            cell_request=cell_request, response=self._body(AnswerSerializer)["response"], by=request.user
        )
        return self._respond(cell_request)

    @extend_schema(request=None, summary="Close it (the cell, or its sender)")
    @action(detail=True, methods=["post"], write_permission=None)
    def close(self, request, pk=None):
        cell_request = self.get_object()
        cell_request_close(cell_request=cell_request, by=request.user)
        return self._respond(cell_request)

    def _decide(self, endorse: bool):
        cell_request = self.get_object()
        note = self._body(DecideRfaSerializer).get("note", "")
        rfa = getattr(cell_request, "rfa", None) if cell_request.kind == CellRequest.Kind.ASSISTANCE else None
        if rfa is None:
            raise ValidationError(
                {"non_field_errors": ["Only a request for military assistance is endorsed."]}
            )
        rfa_decide(rfa=rfa, endorse=endorse, note=note, by=self.request.user)
        return self._respond(cell_request)

    @extend_schema(request=DecideRfaSerializer, summary="Endorse the RFA (HCT/UNCT)")
    @action(detail=True, methods=["post"], write_permission="endorse_rfas")
    def endorse(self, request, pk=None):
        return self._decide(endorse=True)

    @extend_schema(request=DecideRfaSerializer, summary="Decline the RFA (HCT/UNCT)")
    @action(detail=True, methods=["post"], write_permission="endorse_rfas")
    def decline(self, request, pk=None):
        return self._decide(endorse=False)
