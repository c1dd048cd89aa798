"""Viewsets of MCDA deployments and dependencies."""

from assets.api.serializers import AssetSerializer, DependencySerializer
from assets.exports import assets_hxl, dependencies_hxl
from assets.filters import AssetFilterSet, DependencyFilterSet
from assets.models import AssetDeployment, Dependency
from cmcoord.api.viewsets import RecordViewSet
from cmcoord.formats.xlsx import xlsx_of


class AssetViewSet(RecordViewSet):
    """Military and civil defence assets (MCDA) supporting your operations."""

    model = AssetDeployment
    related = ("provider", "operation")
    prefetch = ("areas__parent", "sectors")
    serializer_class = AssetSerializer
    filterset_class = AssetFilterSet
    exports = {"hxl": assets_hxl, "xlsx": xlsx_of(assets_hxl)}
    search_fields = AssetFilterSet.search_fields
    ordering_fields = ["phase_out_on", "deployed_on", "name", "status", "updated_at"]


class DependencyViewSet(RecordViewSet):
    """Activities that rely on an asset, and their civilian alternative."""

    model = Dependency
    related = ("asset", "operation", "area__parent", "sector")
    serializer_class = DependencySerializer
    filterset_class = DependencyFilterSet
    exports = {"hxl": dependencies_hxl, "xlsx": xlsx_of(dependencies_hxl)}
    search_fields = DependencyFilterSet.search_fields
    ordering_fields = ["criticality", "alternative_readiness", "updated_at"]
