from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from assets.models import AssetDeployment, Dependency
from cmcoord.edit_forms import RecordsChoiceField


class DependencyInline(admin.TabularInline):
    model = Dependency
    extra = 0
    fields = ("activity", "criticality", "alternative_provider", "alternative_readiness", "sensitivity")


@admin.register(AssetDeployment)
class AssetDeploymentAdmin(SimpleHistoryAdmin):
    list_display = (
        "name",
        "provider",
        "capability",
        "quantity",
        "status",
        "deployed_on",
        "phase_out_on",
        "operation",
    )
    list_filter = ("operation", "status", "capability", "support_type")
    search_fields = ("name", "provider__name", "base")
    autocomplete_fields = ("provider",)
    filter_horizontal = ("areas", "sectors")
    raw_id_fields = ("focal_point",)
    inlines = [DependencyInline]

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        kwargs.setdefault("form_class", RecordsChoiceField)  # an id past 64 bits: a form error
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_formset(self, request, form, formset, change):
        # An inline dependency belongs to its asset's operation.
        for dependency in formset.save(commit=False):
            dependency.operation = form.instance.operation
            dependency.save()
        for dependency in formset.deleted_objects:
            dependency.delete()
        formset.save_m2m()


@admin.register(Dependency)
class DependencyAdmin(SimpleHistoryAdmin):
    list_display = ("activity", "asset", "criticality", "alternative_readiness", "operation")
    list_filter = ("operation", "criticality", "alternative_readiness")
    search_fields = ("activity", "alternative_provider")
    autocomplete_fields = ("asset", "area", "sector")
