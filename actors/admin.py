from urllib.parse import urlencode

from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from actors.models import Actor, ActorLink, ActorPresence, InterlocutorStatus, Mandate
from cmcoord.admin_base import DecisionFieldsReadOnly

INTERLOCUTOR_FIELDS = (
    "interlocutor_status",
    "interlocutor_decided_by",
    "interlocutor_decided_on",
    "interlocutor_rationale",
)
# The decision page sits with the record of decisions (contacts' admin), which calls the
# decision service; this app names it only by its URL, as the layers allow.
DECIDE_URL = "admin:contacts_interlocutordecision_decide"


def decide_url(actor_ids, decision: str = "") -> str:
    query = {"actors": ",".join(str(pk) for pk in actor_ids)}
    if decision:
        query["decision"] = decision
    return f"{reverse(DECIDE_URL)}?{urlencode(query)}"


class MandateInline(admin.StackedInline):
    model = Mandate
    extra = 0


class PresenceInline(admin.TabularInline):
    model = ActorPresence
    extra = 0
    autocomplete_fields = ("area", "sector")


@admin.register(Actor)
class ActorAdmin(DecisionFieldsReadOnly, SimpleHistoryAdmin):
    list_display = (
        "name",
        "acronym",
        "operation",
        "category",
        "actor_type",
        "parent",
        "interlocutor_status",
        "association_risk",
        "sensitivity",
    )
    list_filter = (
        "operation",
        "category",
        "actor_type",
        "interlocutor_status",
        "association_risk",
        "sensitivity",
    )
    search_fields = ("name", "acronym")
    autocomplete_fields = ("parent",)
    decision_fields = INTERLOCUTOR_FIELDS
    readonly_fields = ("decide_as_interlocutor",)
    inlines = [MandateInline, PresenceInline]
    actions = ["approve_as_interlocutor", "reject_as_interlocutor"]

    @admin.display(description=_("Interlocutor decision"))
    def decide_as_interlocutor(self, obj):
        if obj is None or obj.pk is None:
            return _("Decided once the actor is saved.")
        return format_html(
            '<a href="{}">{}</a>', decide_url([obj.pk]), _("Approve or reject as interlocutor…")
        )

    @admin.action(description=_("Approve as interlocutor…"))
    def approve_as_interlocutor(self, request, queryset):
        ids = queryset.values_list("pk", flat=True)
        return HttpResponseRedirect(decide_url(ids, InterlocutorStatus.APPROVED))

    @admin.action(description=_("Reject as interlocutor…"))
    def reject_as_interlocutor(self, request, queryset):
        ids = queryset.values_list("pk", flat=True)
        return HttpResponseRedirect(decide_url(ids, InterlocutorStatus.REJECTED))


@admin.register(Mandate)
class MandateAdmin(SimpleHistoryAdmin):
    list_display = ("title", "actor", "authority", "in_force_from", "in_force_until", "sensitivity")
    list_filter = ("authority", "sensitivity")
    search_fields = ("title", "reference", "actor__name")
    autocomplete_fields = ("actor",)


@admin.register(ActorPresence)
class ActorPresenceAdmin(admin.ModelAdmin):
    list_display = ("actor", "area", "sector", "start_date", "end_date")
    autocomplete_fields = ("actor", "area", "sector")


@admin.register(ActorLink)
class ActorLinkAdmin(SimpleHistoryAdmin):
    list_display = ("source", "target", "kind", "since", "operation", "sensitivity")
    list_filter = ("operation", "kind")
    autocomplete_fields = ("source", "target")
