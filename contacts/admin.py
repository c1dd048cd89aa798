from django.contrib import admin
from guardian.admin import GuardedModelAdminMixin
from simple_history.admin import SimpleHistoryAdmin

from contacts.models import Contact, InterlocutorDecision


@admin.register(Contact)
class ContactAdmin(GuardedModelAdminMixin, SimpleHistoryAdmin):
    list_display = (
        "full_name",
        "rank_or_title",
        "position",
        "actor",
        "operation",
        "interlocutor_status",
        "last_verified_on",
        "sensitivity",
    )
    list_filter = ("operation", "position", "interlocutor_status", "sensitivity")
    search_fields = ("full_name", "actor__name", "email", "radio_call_sign")
    autocomplete_fields = ("actor",)
    raw_id_fields = ("interlocutor_decided_by",)


@admin.register(InterlocutorDecision)
class InterlocutorDecisionAdmin(admin.ModelAdmin):
    list_display = ("decided_at", "decision", "actor", "contact", "decided_by", "operation")
    list_filter = ("operation", "decision")
    raw_id_fields = ("actor", "contact", "decided_by")

    def has_change_permission(self, request, obj=None):
        # Decisions are a record: taken through the decision service, never edited.
        return False
