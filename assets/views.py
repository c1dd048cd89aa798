from django.db.models import F
from django.utils import timezone
from django.utils.translation import get_language_bidi
from django.views.generic import TemplateView

from assets import timeline
from assets.filters import AssetFilterSet, DependencyFilterSet, DependencyPageFilterSet
from assets.models import AssetDeployment, AssetStatus, Dependency
from cmcoord.masking import attach_visible
from cmcoord.views_base import OperationDetailView, OperationListView, OperationMixin


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


class AssetTimelineView(OperationMixin, TemplateView):
    """Every deployment the reader may see as a bar from deployment to phase-out, coloured by the
    least ready civilian alternative among its dependencies the reader may see."""

    template_name = "assets/asset_timeline.html"
    max_bars = 150  # a page, not the whole registry: past it, the page says so and asks for a filter

    def get_context_data(self, **kwargs):
        user = self.request.user
        assets = (
            AssetDeployment.objects.for_user(user)
            .filter(operation=self.operation)
            .select_related("provider")
            .order_by(
                F("deployed_on").asc(nulls_last=True), F("phase_out_on").asc(nulls_last=True), "name", "pk"
            )
        )
        filterset = AssetFilterSet(self.request.GET, queryset=assets, request=self.request)
        assets = list(filterset.qs[: self.max_bars + 1]) if filterset.is_valid() else []
        more, assets = len(assets) > self.max_bars, assets[: self.max_bars]
        attach_visible(user, assets, "provider")
        least_ready = (
            Dependency.objects.for_user(user).filter(asset__in=[a.pk for a in assets]).least_ready_by_asset()
        )
        today = timezone.localdate()
        chosen = set(filterset.form.cleaned_data.get("status") or []) if filterset.is_valid() else set()
        return super().get_context_data(
            chart=timeline.layout(assets, least_ready, today=today, rtl=get_language_bidi()),
            statuses=[(value, label, value in chosen) for value, label in AssetStatus.choices],
            more=more,
            max_bars=self.max_bars,
            today=today,
            filter_errors=dict(filterset.errors),
            **kwargs,
        )
