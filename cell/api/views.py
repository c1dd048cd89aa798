"""The cell's viewset: requests sent, tabled, answered and closed; RFAs endorsed or declined."""

from django.db import transaction
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from assets.api.serializers import AssetSerializer
from cell import rules
from cell.api.serializers import (
    AnswerSerializer,
    CellRequestSerializer,
    CloseSerializer,
    DecideRfaSerializer,
    MilitaryAnswerSerializer,
    RfaDeploymentSerializer,
    SendToMilitarySerializer,
    TableSerializer,
    TriageSerializer,
)
from cell.exports import cell_requests_hxl
from cell.filters import CellRequestFilterSet
from cell.models import CellRequest
from cell.services import (
    cell_request_answer,
    cell_request_close,
    cell_request_table,
    cell_request_triage,
    rfa_decide,
    rfa_deployment_initial,
    rfa_record_answer,
    rfa_send,
)
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

    @extend_schema(request=CloseSerializer, summary="Close it (the cell, or its sender)")
    @action(detail=True, methods=["post"], write_permission=None)
    def close(self, request, pk=None):
        cell_request = self.get_object()
        body = self._body(CloseSerializer)
        cell_request_close(
            cell_request=cell_request,
            by=request.user,
            outcome=body.get("outcome", ""),
            note=body.get("note", ""),
            seen_status=body.get("seen_status"),
        )
        return self._respond(cell_request)

    @extend_schema(request=TriageSerializer, summary="Triage it (the cell; an RFA goes to the HCT)")
    @action(detail=True, methods=["post"], write_permission=rules.STEP_PERMISSION[rules.TRIAGE])
    def triage(self, request, pk=None):
        cell_request = self.get_object()
        body = self._body(TriageSerializer)
        cell_request_triage(cell_request=cell_request, by=request.user, seen_status=body.get("seen_status"))
        return self._respond(cell_request)

    def _rfa(self, cell_request):
        rfa = cell_request.rfa_details
        if rfa is None:
            raise ValidationError(
                {"non_field_errors": [_("Only a request for military assistance takes this step.")]}
            )
        return rfa

    @extend_schema(request=SendToMilitarySerializer, summary="Record it as sent to the military (the cell)")
    @action(detail=True, methods=["post"], write_permission=rules.STEP_PERMISSION[rules.SEND])
    def send(self, request, pk=None):
        cell_request = self.get_object()
        rfa = self._rfa(cell_request)
        body = self._body(SendToMilitarySerializer)
        if body.get("contact") and body["contact"].actor_id != body["actor"].pk:
            raise ValidationError({"contact": [_("This contact belongs to another actor.")]})
        rfa_send(
            rfa=rfa,
            actor=body["actor"],
            contact=body.get("contact"),
            sent_at=body.get("sent_at"),
            by=request.user,
            seen_response=body.get("seen_response"),
        )
        return self._respond(cell_request)

    @extend_schema(request=MilitaryAnswerSerializer, summary="Record the military's answer (the cell)")
    @action(
        detail=True,
        methods=["post"],
        url_path="military-answer",
        write_permission=rules.STEP_PERMISSION[rules.RECORD_ANSWER],
    )
    def military_answer(self, request, pk=None):
        cell_request = self.get_object()
        rfa = self._rfa(cell_request)
        body = self._body(MilitaryAnswerSerializer)
        rfa_record_answer(
            rfa=rfa,
            response=body["response"],
            offer=body.get("offer", ""),
            offer_from=body.get("offer_from"),
            offer_until=body.get("offer_until"),
            by=request.user,
            seen_response=body.get("seen_response"),
        )
        return self._respond(cell_request)

    @extend_schema(
        request=AssetSerializer,
        responses={201: AssetSerializer},
        summary="Create the MCDA deployment from the accepted RFA (fields left out come from the RFA)",
    )
    @action(detail=True, methods=["post"], write_permission=rules.STEP_PERMISSION[rules.CREATE_DEPLOYMENT])
    def deployment(self, request, pk=None):
        cell_request = self.get_object()
        rfa = self._rfa(cell_request)
        rules.require_step(rules.CREATE_DEPLOYMENT, cell_request)
        initial = rfa_deployment_initial(rfa)
        initial["areas"] = [cell_request.area.pcode] if cell_request.area_id else []
        initial["operation"] = cell_request.operation_id
        body = request.data if isinstance(request.data, dict) else {}
        data = {**{k: v for k, v in initial.items() if v not in (None, "")}, **body}
        data["operation"] = cell_request.operation_id
        context = {**self.get_serializer_context(), "rfa": rfa}
        serializer = RfaDeploymentSerializer(data=data, context=context)
        serializer.is_valid(raise_exception=True)
        asset = serializer.save()
        return Response(AssetSerializer(asset, context=context).data, status=status.HTTP_201_CREATED)

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
