"""Viewsets of the core resources: operations, areas, sectors, guidelines and the caller's notifications."""

from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.decorators import action
from rest_framework.renderers import BaseRenderer, JSONRenderer

from cmcoord.api.serializers import (
    AreaSerializer,
    GuidelineSerializer,
    NotificationSerializer,
    OperationSerializer,
    SectorSerializer,
    SecurityAssessmentSerializer,
)
from cmcoord.api.viewsets import ReadOnlyViewSet, RecordViewSet
from cmcoord.files import guideline_response
from cmcoord.filters import (
    AreaFilterSet,
    GuidelineFilterSet,
    NotificationFilterSet,
    OperationFilterSet,
    SectorFilterSet,
    SecurityAssessmentFilterSet,
)
from cmcoord.models import Area, GuidelineDocument, Notification, Operation, Sector, SecurityAssessment
from cmcoord.permissions import scoped


class OperationViewSet(ReadOnlyViewSet):
    """Operations (emergency responses) you belong to, with your role and the guidelines."""

    model = Operation
    serializer_class = OperationSerializer
    filterset_class = OperationFilterSet
    search_fields = ["name", "country"]
    ordering_fields = ["name", "start_date", "updated_at"]

    def get_prefetch(self):
        guidelines = scoped(GuidelineDocument.objects.current(), self.request.user).order_by(
            "-issued_on", "title"
        )
        return (Prefetch("guidelines", queryset=guidelines, to_attr="visible_guidelines"),)


class AreaViewSet(ReadOnlyViewSet):
    """Administrative areas (COD P-codes) of the countries of your operations."""

    model = Area
    related = ("parent",)
    serializer_class = AreaSerializer
    filterset_class = AreaFilterSet
    search_fields = ["name", "pcode"]
    ordering_fields = ["pcode", "name", "level"]


class SectorViewSet(ReadOnlyViewSet):
    """IASC clusters, areas of responsibility and other sectors."""

    model = Sector
    related = ("parent",)
    serializer_class = SectorSerializer
    filterset_class = SectorFilterSet
    search_fields = ["code", "name"]
    ordering_fields = ["code", "name"]


class SecurityAssessmentViewSet(RecordViewSet):
    """The security context of each area: read it before you travel."""

    model = SecurityAssessment
    related = ("area",)
    serializer_class = SecurityAssessmentSerializer
    filterset_class = SecurityAssessmentFilterSet
    search_fields = SecurityAssessmentFilterSet.search_fields
    ordering_fields = ["assessed_on", "level", "updated_at"]


class NotificationViewSet(ReadOnlyViewSet):
    """Your own notifications, newest first."""

    model = Notification
    serializer_class = NotificationSerializer
    filterset_class = NotificationFilterSet
    search_fields = ["title", "body"]
    ordering_fields = ["created_at"]


class AnyFileRenderer(BaseRenderer):
    """Lets a download be asked for with any Accept header; the file answers, not a renderer."""

    media_type = "*/*"
    format = "file"

    def render(self, data, accepted_media_type=None, renderer_context=None):  # pragma: no cover
        return data


FILE = {(200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY, description="The file.")}


class GuidelineViewSet(ReadOnlyViewSet):
    """Country-specific UN-CMCoord guidelines and reference documents; ``file/`` downloads one.

    Partners read the shareable, approved ones; field staff the approved ones; officers and the
    HCT/UNCT drafts too. Archived documents stay readable (``archived=true``).
    """

    model = GuidelineDocument
    serializer_class = GuidelineSerializer
    filterset_class = GuidelineFilterSet
    search_fields = GuidelineFilterSet.search_fields
    ordering_fields = ["issued_on", "title", "updated_at"]

    @extend_schema(responses=FILE, summary="Download the document's file")
    @action(detail=True, methods=["get"], renderer_classes=[JSONRenderer, AnyFileRenderer])
    def file(self, request, pk=None):
        return guideline_response(self.get_object())

    def finalize_response(self, request, response, *args, **kwargs):
        if response.status_code >= 400 and isinstance(
            getattr(request, "accepted_renderer", None), AnyFileRenderer
        ):
            request.accepted_renderer, request.accepted_media_type = JSONRenderer(), JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)
