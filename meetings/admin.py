from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from meetings.models import (
    ActionPoint,
    AgendaItem,
    CoordinationForum,
    Decision,
    ForumMember,
    Meeting,
    Participant,
)


class ForumMemberInline(admin.TabularInline):
    model = ForumMember
    extra = 0
    autocomplete_fields = ("actor", "representative")


@admin.register(CoordinationForum)
class CoordinationForumAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "operation", "chair", "rhythm")
    list_filter = ("operation", "kind")
    search_fields = ("name",)
    inlines = [ForumMemberInline]
    raw_id_fields = ("chair",)


@admin.register(ForumMember)
class ForumMemberAdmin(admin.ModelAdmin):
    list_display = ("forum", "actor", "representative")
    autocomplete_fields = ("actor", "representative")


class AgendaInline(admin.TabularInline):
    model = AgendaItem
    extra = 0


class ParticipantInline(admin.TabularInline):
    model = Participant
    extra = 0
    autocomplete_fields = ("actor", "contact")
    raw_id_fields = ("user",)


class DecisionInline(admin.TabularInline):
    model = Decision
    extra = 0


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ("title", "operation", "forum", "starts_at", "status", "sensitivity")
    list_filter = ("operation", "status", "kind", "sensitivity")
    search_fields = ("title", "location")
    date_hierarchy = "starts_at"
    inlines = [ParticipantInline, AgendaInline, DecisionInline]
    raw_id_fields = ("chair",)


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ("meeting", "actor", "contact", "user", "attended")
    raw_id_fields = ("meeting", "actor", "contact", "user")


@admin.register(AgendaItem)
class AgendaItemAdmin(admin.ModelAdmin):
    list_display = ("meeting", "position", "title")
    search_fields = ("title", "meeting__title")
    raw_id_fields = ("meeting",)


@admin.register(Decision)
class DecisionAdmin(admin.ModelAdmin):
    list_display = ("meeting", "text")
    raw_id_fields = ("meeting", "agenda_item")


@admin.register(ActionPoint)
class ActionPointAdmin(SimpleHistoryAdmin):
    list_display = ("title", "operation", "owner", "owner_actor", "due_date", "status")
    list_filter = ("operation", "status")
    search_fields = ("title",)
    raw_id_fields = ("meeting", "owner", "owner_actor")
