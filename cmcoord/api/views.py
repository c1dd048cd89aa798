"""Viewsets of the core resources: operations, areas, sectors and the caller's notifications."""

from django.db.models import Prefetch

from cmcoord.api.serializers import (
    AreaSerializer,
    NotificationSerializer,
    OperationSerializer,
    SectorSerializer,
    SecurityAssessmentSerializer,
)
from cmcoord.api.viewsets import ReadOnlyViewSet, RecordViewSet
from cmcoord.filters import (
    AreaFilterSet,
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
        guidelines = scoped(GuidelineDocument.objects.all(), self.request.user).order_by(
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
