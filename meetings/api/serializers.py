"""Serializers of forums, meetings (with nested agenda, participants, decisions) and action points."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from cmcoord.api.records import RecordSerializer, Serializer, VisibleRowsListSerializer
from cmcoord.services import based_on
from meetings.models import (
    ActionPoint,
    AgendaItem,
    CoordinationForum,
    Decision,
    ForumMember,
    Meeting,
    Participant,
)
from meetings.rules import can_read_minutes
from meetings.services import action_point_save, action_point_update

STAMPS = ["id", "created_at", "updated_at"]


class ForumMemberSerializer(RecordSerializer):
    class Meta:
        model = ForumMember
        fields = ["actor", "representative"]
        read_only_fields = fields
        list_serializer_class = VisibleRowsListSerializer
        identity_fields = ("actor",)
        descriptions = {
            "actor": _("Identifier of the member actor."),
            "representative": _("Identifier of the contact who represents it."),
        }


class ForumSerializer(RecordSerializer):
    members = ForumMemberSerializer(many=True, read_only=True, help_text=_("Standing members."))

    class Meta:
        model = CoordinationForum
        fields = [
            "id",
            "operation",
            "name",
            "kind",
            "chair",
            "rhythm",
            "location",
            "terms_of_reference",
            "sensitivity",
            "members",
            "created_at",
            "updated_at",
        ]
        descriptions = {
            "name": _("Name of the forum, e.g. 'UN-CMCoord cell Beira'."),
            "kind": _("UN-CMCoord cell, HuMOCC, working group, advisory forum, other."),
            "chair": _("Identifier of the user (a humanitarian) who chairs it."),
            "location": _("Where it meets."),
            "terms_of_reference": _("Its terms of reference."),
        }


class AgendaItemSerializer(RecordSerializer):
    class Meta:
        model = AgendaItem
        fields = ["id", "position", "title", "notes"]
        read_only_fields = fields
        descriptions = {"position": _("Order on the agenda, from 1."), "title": _("Agenda item.")}


class ParticipantSerializer(RecordSerializer):
    class Meta:
        model = Participant
        fields = ["actor", "contact", "user", "attended"]
        read_only_fields = fields
        list_serializer_class = VisibleRowsListSerializer
        identity_fields = ("actor", "contact", "user")
        descriptions = {
            "actor": _("Identifier of the participating actor."),
            "contact": _("Identifier of the participating contact."),
            "user": _("Identifier of the participating user."),
        }


class DecisionSerializer(RecordSerializer):
    class Meta:
        model = Decision
        fields = ["id", "agenda_item", "text"]
        read_only_fields = fields
        descriptions = {"agenda_item": _("Identifier of its agenda item."), "text": _("The decision.")}


class MeetingSerializer(RecordSerializer):
    agenda_items = AgendaItemSerializer(many=True, read_only=True, help_text=_("The agenda, in order."))
    participants = ParticipantSerializer(many=True, read_only=True, help_text=_("Who was invited, who came."))
    decisions = DecisionSerializer(
        many=True, read_only=True, help_text=_("Decisions taken, shared with field staff.")
    )

    class Meta:
        model = Meeting
        fields = [
            "id",
            "operation",
            "forum",
            "kind",
            "title",
            "starts_at",
            "ends_at",
            "location",
            "chair",
            "status",
            "summary",
            "minutes",
            "sensitivity",
            "agenda_items",
            "participants",
            "decisions",
            "created_at",
            "updated_at",
        ]
        descriptions = {
            "forum": _("Identifier of the forum that sits; null for a bilateral meeting."),
            "kind": _("forum_sitting or bilateral."),
            "title": _("Title of the meeting."),
            "starts_at": _("Start (ISO 8601 with time zone)."),
            "ends_at": _("End (ISO 8601 with time zone)."),
            "location": _("Where it takes place."),
            "chair": _("Identifier of the user (a humanitarian) who chairs it."),
            "status": _("scheduled, held or cancelled."),
        }
        extra_kwargs = {
            "minutes": {
                "allow_null": True,
                "help_text": _(
                    "Minutes: null unless you are a CMCoord officer or HCT/UNCT member of the operation."
                ),
            }
        }

    def validate_minutes(self, value):
        return value or ""

    def to_representation(self, meeting):
        data = super().to_representation(meeting)
        if not can_read_minutes(self.principal, meeting.operation_id):
            data["minutes"] = None
        return data


class ActionPointSerializer(RecordSerializer):
    """Officers write every field; an owner who is not an officer changes status and progress."""

    PROGRESS_FIELDS = ("status", "progress_note")

    class Meta:
        model = ActionPoint
        fields = [
            "id",
            "operation",
            "meeting",
            "title",
            "description",
            "owner",
            "owner_actor",
            "due_date",
            "status",
            "progress_note",
            "closed_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["closed_at"]
        descriptions = {
            "meeting": _("Identifier of the meeting that set it."),
            "title": _("What is to be done."),
            "description": _("Details."),
            "owner": _("Identifier of the user who owns it."),
            "owner_actor": _("Identifier of the organisation that owns it, when not a user."),
            "due_date": _("When it is due."),
            "status": _("open, in_progress, done or cancelled."),
            "progress_note": _("Where it stands."),
            "closed_at": _("When it was done or cancelled."),
        }

    def _progress(self, validated_data):
        return {name: validated_data.pop(name) for name in self.PROGRESS_FIELDS if name in validated_data}

    def save_record(self, instance, m2m):
        return action_point_save(instance=instance, by=self.principal, m2m=m2m)

    def create(self, validated_data):
        progress = self._progress(validated_data)
        action_point = super().create(validated_data)
        if progress:
            action_point_update(action_point=action_point, by=self.principal, **progress)
        return action_point

    def update(self, instance, validated_data):
        based_on(instance, self.based_on_version)
        progress = self._progress(validated_data)
        changed = {k: v for k, v in validated_data.items() if getattr(instance, k) != v}
        if changed:
            for name, value in changed.items():
                setattr(instance, name, value)
            self.save_record(instance, {})
        if progress:
            action_point_update(action_point=instance, by=self.principal, **progress)
        return instance


class ProgressSerializer(Serializer):
    progress_note = serializers.CharField(
        required=False, allow_blank=True, max_length=5000, help_text=_("Where it stands (optional).")
    )
