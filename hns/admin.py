"""The HNS in the admin: the operation's settings and who notifies for which organisation are
edited here; notifications, relays and acknowledgements are only read (their writes are the
services', which keep who decided what)."""

from django.contrib import admin

from hns.models import HnsSettings, Incident, Movement, OrganisationStaff, Relay, StaticSite


@admin.register(HnsSettings)
class HnsSettingsAdmin(admin.ModelAdmin):
    list_display = ("operation", "lead_hours", "emergency_lead_hours", "acknowledgement_overdue_hours")


@admin.register(OrganisationStaff)
class OrganisationStaffAdmin(admin.ModelAdmin):
    list_display = ("user", "organisation", "operation")
    list_filter = ("operation",)
    raw_id_fields = ("user", "organisation", "added_by")


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(StaticSite)
class StaticSiteAdmin(ReadOnlyAdmin):
    list_display = ("name", "organisation", "site_type", "status", "valid_until", "operation")
    list_filter = ("operation", "status", "site_type")


@admin.register(Movement)
class MovementAdmin(ReadOnlyAdmin):
    list_display = ("title", "organisation", "mode", "starts_at", "status", "late", "operation")
    list_filter = ("operation", "status", "mode", "late")


@admin.register(Relay)
class RelayAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "kind", "relayed_at", "acknowledged_at", "operation")
    list_filter = ("operation", "kind")


@admin.register(Incident)
class IncidentAdmin(ReadOnlyAdmin):
    list_display = ("__str__", "party", "raised_at", "operation")
    list_filter = ("operation",)
