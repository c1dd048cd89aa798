from django.utils import timezone

from assets.filters import AssetFilterSet, DependencyFilterSet, DependencyPageFilterSet
from assets.models import AssetDeployment, AssetStatus, Dependency
from cmcoord.masking import attach_visible
from cmcoord.views_base import OperationDetailView, OperationListView


class AssetListView(OperationListView):
    model = AssetDeployment
    template_name = "assets/asset_list.html"
    filterset_class = AssetFilterSet
    search_fields = AssetFilterSet.search_fields

    def get_queryset(self):
        return super().get_queryset().select_related("provider")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(today=timezone.localdate(), statuses=AssetStatus.choices, **kwargs)
        attach_visible(self.request.user, context["object_list"], "provider")
        return context


class AssetDetailView(OperationDetailView):
    model = AssetDeployment
    template_name = "assets/asset_detail.html"

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("provider", "focal_point")
            .prefetch_related("areas", "sectors")
        )

    def get_context_data(self, **kwargs):
        deps = (
            Dependency.objects.for_user(self.request.user)
            .filter(asset=self.object)
            .select_related("area", "responsible")
        )
        attach_visible(self.request.user, [self.object], "provider")
        return super().get_context_data(dependencies=deps, today=timezone.localdate(), **kwargs)


class DependencyListView(OperationListView):
    model = Dependency
    template_name = "assets/dependency_list.html"
    filterset_class = DependencyPageFilterSet
    search_fields = DependencyFilterSet.search_fields

    def get_queryset(self):
        qs = (
            super().get_queryset().select_related("asset", "asset__provider", "area", "sector", "responsible")
        )
        if self.filterset.form.cleaned_data.get("at_risk"):  # the most urgent first
            return qs.order_by("asset__phase_out_on", "-criticality", "pk")
        return qs
