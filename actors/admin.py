from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from actors.models import Actor, ActorLink, ActorPresence, Mandate


class MandateInline(admin.StackedInline):
    model = Mandate
    extra = 0


class PresenceInline(admin.TabularInline):
    model = ActorPresence
    extra = 0
    autocomplete_fields = ("area", "sector")


@admin.register(Actor)
class ActorAdmin(SimpleHistoryAdmin):
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
    raw_id_fields = ("interlocutor_decided_by",)
    inlines = [MandateInline, PresenceInline]


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
