"""GET /api/v1/history/?operation=<id>: the operation's changes, as the history page lists them.

Officers and HCT/UNCT of the operation read it (403 for other members, 404 for anyone else);
filters and pagination as on the page and the other lists (``page``, ``page_size``, ``count``).
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound, PermissionDenied, ValidationError
from rest_framework.views import APIView

from cmcoord.api.pagination import Pagination
from cmcoord.api.viewsets import ErrorsAsJSONMixin
from cmcoord.models import Operation
from cmcoord.permissions import can_read_history, memberships
from web import history


class HistoryPagination(Pagination):
    """Numbered pages only: the history is read newest first, not in the order of a cursor."""

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.count = self.cursor = None
        self.number, self.has_next = 1, False
        return self._numbered_page(queryset, request, self.get_page_size(request))

    def get_schema_operation_parameters(self, view):
        return [
            p for p in super().get_schema_operation_parameters(view) if p["name"] != self.cursor_query_param
        ]


class HistoryPersonSerializer(serializers.Serializer):
    id = serializers.IntegerField(
        help_text=gettext_lazy("The user's identifier (the person filter's value).")
    )
    name = serializers.CharField(source="__str__", help_text=gettext_lazy("The user's name."))


class HistoryFieldChangeSerializer(serializers.Serializer):
    field = serializers.CharField(help_text=gettext_lazy("The field's name in the record's API."))
    label = serializers.CharField(help_text=gettext_lazy("The field's name as people read it."))
    before = serializers.CharField(help_text=gettext_lazy("Its value before, as people read it."))
    after = serializers.CharField(help_text=gettext_lazy("Its value after, as people read it."))


class HistoryChangeSerializer(serializers.Serializer):
    when = serializers.DateTimeField(help_text=gettext_lazy("When the change was saved."))
    who = HistoryPersonSerializer(
        allow_null=True, help_text=gettext_lazy("Who saved it; null for the system.")
    )
    change = serializers.ChoiceField(
        choices=["created", "changed", "deleted"], help_text=gettext_lazy("What happened to the record.")
    )
    change_label = serializers.CharField(help_text=gettext_lazy("The same, as people read it."))
    kind = serializers.CharField(help_text=gettext_lazy("Kind of record (the kind filter's values)."))
    kind_label = serializers.CharField(help_text=gettext_lazy("Kind of record, as people read it."))
    record_id = serializers.IntegerField(help_text=gettext_lazy("The record's identifier."))
    label = serializers.CharField(help_text=gettext_lazy("The record's name at that time."))
    url = serializers.CharField(allow_null=True, help_text=gettext_lazy("Its page, while it exists."))
    exists = serializers.BooleanField(help_text=gettext_lazy("False once the record is deleted."))
    changes = HistoryFieldChangeSerializer(
        many=True, source="fields", help_text=gettext_lazy("The fields changed, before → after.")
    )


class HistoryView(ErrorsAsJSONMixin, APIView):
    """The operation's changes, newest first."""

    pagination_class = HistoryPagination

    @extend_schema(
        operation_id="history_list",
        parameters=[
            OpenApiParameter(
                "operation",
                OpenApiTypes.INT,
                required=True,
                description=gettext_lazy("Identifier of the operation."),
            ),
            OpenApiParameter(
                "kind",
                OpenApiTypes.STR,
                enum=list(history.kinds()),
                description=gettext_lazy("Only this kind of record."),
            ),
            OpenApiParameter(
                "person", OpenApiTypes.INT, description=gettext_lazy("Only changes by this user.")
            ),
            OpenApiParameter(
                "since", OpenApiTypes.DATE, description=gettext_lazy("Only changes on or after this day.")
            ),
            OpenApiParameter(
                "until", OpenApiTypes.DATE, description=gettext_lazy("Only changes on or before this day.")
            ),
            OpenApiParameter(
                "record",
                OpenApiTypes.STR,
                description=gettext_lazy("Only this record and its parts: kind:id."),
            ),
        ],
        responses={
            200: HistoryChangeSerializer(many=True),
            400: OpenApiResponse(description=gettext_lazy("A filter is not valid.")),
            403: OpenApiResponse(description=gettext_lazy("Your role does not include the history.")),
            404: OpenApiResponse(description=gettext_lazy("No such operation of yours.")),
        },
    )
    def get(self, request):
        operation = self._operation(request)
        form = history.HistoryFilterForm(
            request.query_params, operation=operation, members=history.members_of(operation)
        )
        if not form.is_valid():
            raise ValidationError(form.errors)
        paginator = self.pagination_class()
        rows = paginator.paginate_queryset(history.history_rows(history.Query.from_form(form)), request, self)
        with timezone.override(operation.zone):  # values read as on the page: the operation's time
            changes = history.build_changes(request.user, operation, rows)
        return paginator.get_paginated_response(HistoryChangeSerializer(changes, many=True).data)

    def _operation(self, request) -> Operation:
        raw = request.query_params.get("operation", "")
        if not raw.isdigit() or len(raw) > 18:
            raise ValidationError({"operation": [_("Give the identifier of an operation.")]})
        if int(raw) not in memberships(request.user):
            raise NotFound(_("Not found."))
        if not can_read_history(request.user, int(raw)):
            raise PermissionDenied(_("Your role in this operation does not allow this."))
        return Operation.objects.get(pk=int(raw))
