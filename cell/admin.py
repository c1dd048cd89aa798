from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from cell import rules
from cell.models import AssistanceRequest, CellRequest
from cmcoord.admin_base import DecisionFieldsReadOnly

# The cell's triage (table, answer, close) and the RFA's steps (rules.RFA_DECISION_FIELDS) are taken
# through cell.services, which record who and when and tell the sender: shown here, never written.
TRIAGE_FIELDS = ("status", "tabled_at", "response", "responded_by", "responded_at")


class AssistanceRequestInline(admin.StackedInline):
    model = AssistanceRequest
    extra = 0
    readonly_fields = rules.RFA_DECISION_FIELDS


@admin.register(CellRequest)
class CellRequestAdmin(DecisionFieldsReadOnly, SimpleHistoryAdmin):
    decision_fields = TRIAGE_FIELDS
    list_display = ("title", "kind", "operation", "submitted_by", "status", "created_at", "sensitivity")
    list_filter = ("operation", "kind", "status")
    search_fields = ("title", "description")
    raw_id_fields = ("submitted_by", "area")
    inlines = [AssistanceRequestInline]


@admin.register(AssistanceRequest)
class AssistanceRequestAdmin(DecisionFieldsReadOnly, SimpleHistoryAdmin):
    decision_fields = rules.RFA_DECISION_FIELDS
    list_display = ("cell_request", "task_type", "priority", "needed_by", "endorsement", "military_response")
    list_filter = ("endorsement", "priority", "task_type")
    raw_id_fields = ("cell_request",)
