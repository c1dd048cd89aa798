"""The cell's viewset: requests sent, tabled, answered and closed; RFAs endorsed or declined."""

from django.db import transaction
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from cell.api.serializers import AnswerSerializer, CellRequestSerializer, DecideRfaSerializer, TableSerializer
from cell.exports import cell_requests_hxl
from cell.filters import CellRequestFilterSet
from cell.models import CellRequest
from cell.services import cell_request_answer, cell_request_close, cell_request_table, rfa_decide
from cmcoord.api.idempotency import IdempotentCreateMixin
from cmcoord.api.viewsets import ScopedViewSet
from cmcoord.formats.xlsx import xlsx_of


class CellRequestViewSet(
    IdempotentCreateMixin, mixins.CreateModelMixin, mixins.RetrieveModelMixin, ScopedViewSet
):
    """What field staff send to the cell; the cell tables, answers and closes; HCT decides RFAs."""

    model = CellRequest
    related = ("rfa", "operation", "area__parent")
    serializer_class = CellRequestSerializer
    filterset_class = CellRequestFilterSet
    exports = {"hxl": cell_requests_hxl, "xlsx": xlsx_of(cell_requests_hxl)}
    write_permission = "submit_cell_requests"
    search_fields = CellRequestFilterSet.search_fields
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
        cell_request_table(
            cell_request=cell_request,
            agenda_item=body["agenda_item"],
            by=request.user,
            seen_status=body.get("seen_status"),
        )
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
        rfa = cell_request.rfa_details
        if rfa is None:
            raise ValidationError(
                {"non_field_errors": [_("Only a request for military assistance is endorsed.")]}
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
