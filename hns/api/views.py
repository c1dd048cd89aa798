"""Viewsets of notified sites and movements: read-only, scoped like the pages (``hns.rules``).

Officers read every notification of their operations, an organisation's staff their
organisation's, everyone else (HCT/UNCT members, other field staff, partner tokens) nothing.
"""

from cmcoord.api.viewsets import ReadOnlyViewSet
from hns.api.serializers import MovementSerializer, StaticSiteSerializer
from hns.filters import MovementFilterSet, StaticSiteFilterSet
from hns.models import Movement, StaticSite


def features(rows, *, request, view):
    """``?format=geojson`` / ``?format=kml``: sites as points, movements' routes as lines."""
    return [feature for row in rows for feature in row.to_features()]


MAP_EXPORTS = {"geojson": features, "kml": features}


class StaticSiteViewSet(ReadOnlyViewSet):
    """Static sites organisations notified (HNS). Notified, not approved: OCHA does not verify the data."""

    model = StaticSite
    related = ("organisation", "area")
    exports = MAP_EXPORTS
    serializer_class = StaticSiteSerializer
    filterset_class = StaticSiteFilterSet
    search_fields = StaticSiteFilterSet.search_fields
    ordering_fields = ["name", "valid_until", "updated_at"]


class MovementViewSet(ReadOnlyViewSet):
    """Movements organisations notified (HNS). Notified, not approved: OCHA does not verify the data."""

    model = Movement
    related = ("organisation", "operation")
    exports = MAP_EXPORTS
    serializer_class = MovementSerializer
    filterset_class = MovementFilterSet
    search_fields = MovementFilterSet.search_fields
    ordering_fields = ["starts_at", "updated_at"]
