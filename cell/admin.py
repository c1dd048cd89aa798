from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from cell.models import AssistanceRequest, CellRequest


class AssistanceRequestInline(admin.StackedInline):
    model = AssistanceRequest
    extra = 0
    raw_id_fields = ("endorsed_by", "resulting_asset")


@admin.register(CellRequest)
class CellRequestAdmin(SimpleHistoryAdmin):
    list_display = ("title", "kind", "operation", "submitted_by", "status", "created_at", "sensitivity")
    list_filter = ("operation", "kind", "status")
    search_fields = ("title", "description")
    raw_id_fields = ("submitted_by", "tabled_at", "responded_by", "area")
    inlines = [AssistanceRequestInline]


@admin.register(AssistanceRequest)
class AssistanceRequestAdmin(SimpleHistoryAdmin):
    list_display = ("cell_request", "task_type", "priority", "needed_by", "endorsement", "military_response")
    list_filter = ("endorsement", "priority", "task_type")
    raw_id_fields = ("cell_request", "endorsed_by", "resulting_asset")
