from django.utils import timezone

from assets.models import AssetDeployment, AssetStatus, Capability, Dependency
from assets.selectors import dependencies_at_risk
from cmcoord.views_base import OperationDetailView, OperationListView, attach_visible


class AssetListView(OperationListView):
    model = AssetDeployment
    template_name = "assets/asset_list.html"

    def get_queryset(self):
        qs = super().get_queryset().select_related("provider")
        params = self.request.GET
        if params.get("status") in AssetStatus.values:
            qs = qs.filter(status=params["status"])
        if params.get("capability") in Capability.values:
            qs = qs.filter(capability=params["capability"])
        return qs

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
        deps = Dependency.objects.for_user(self.request.user).filter(asset=self.object).select_related("area")
        attach_visible(self.request.user, [self.object], "provider")
        return super().get_context_data(dependencies=deps, today=timezone.localdate(), **kwargs)


class DependencyListView(OperationListView):
    model = Dependency
    template_name = "assets/dependency_list.html"

    def get_queryset(self):
        if self.request.GET.get("at_risk") == "1":
            return dependencies_at_risk(self.request.user, self.operation, today=timezone.localdate())
        return super().get_queryset().select_related("asset", "area", "sector")
