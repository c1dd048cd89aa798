"""Serializers of actors, mandates and links; reads and writes are scoped to the caller."""

from rest_framework import serializers

from actors.models import Actor, ActorLink, ActorPresence, InterlocutorStatus, Mandate
from cmcoord.api.fields import ScopedPrimaryKeyRelatedField
from cmcoord.api.records import AreaCodeField, RecordSerializer, SectorCodeField, Serializer

INTERLOCUTOR_FIELDS = [
    "interlocutor_status",
    "interlocutor_decided_by",
    "interlocutor_decided_on",
    "interlocutor_rationale",
]


class PresenceSerializer(RecordSerializer):
    area = AreaCodeField(read_only=True, allow_null=True)
    sector = SectorCodeField(read_only=True, allow_null=True)

    class Meta:
        model = ActorPresence
        fields = ["area", "sector", "activities", "start_date", "end_date"]
        read_only_fields = fields
        descriptions = {
            "activities": "What it does there.",
            "start_date": "Since when.",
            "end_date": "Until when; null if open-ended.",
        }


class ActorSerializer(RecordSerializer):
    children = ScopedPrimaryKeyRelatedField(
        model=Actor, many=True, read_only=True, help_text="Identifiers of the actors one level down."
    )
    presences = PresenceSerializer(many=True, read_only=True, help_text="Where and in which sector it works.")
    is_military = serializers.BooleanField(read_only=True, help_text="Military or paramilitary actor.")

    class Meta:
        model = Actor
        fields = [
            "id",
            "operation",
            "name",
            "acronym",
            "category",
            "actor_type",
            "is_military",
            "parent",
            "children",
            "echelon",
            "contributing_state",
            "operating_methods",
            "government_coordination",
            "relationship",
            "association_risk",
            "association_risk_reason",
            "iati_org_id",
            "hdx_org_type",
            *INTERLOCUTOR_FIELDS,
            "sensitivity",
            "notes",
            "presences",
            "created_at",
            "updated_at",
        ]
        read_only_fields = INTERLOCUTOR_FIELDS
        descriptions = {
            "name": "Name of the organisation or force.",
            "acronym": "Acronym or short name.",
            "category": "Domestic civilian, domestic military, international civilian or foreign military.",
            "actor_type": "Type within the category, e.g. un_agency, armed_forces.",
            "parent": "Identifier of the actor one level up in its structure or chain of command.",
            "echelon": "Level in a military structure, e.g. formation, unit.",
            "relationship": "Character of the humanitarian relationship with it: none, co-existence, "
            "coordination or cooperation.",
            "association_risk": "Risk for humanitarians of being associated with it: "
            "none, low, medium, high.",
            "association_risk_reason": "Why the risk of association is what it is.",
            "iati_org_id": "IATI organisation identifier, where known.",
            "hdx_org_type": "HDX organisation type, where known.",
        }


class MandateSerializer(RecordSerializer):
    operation = serializers.IntegerField(
        source="actor.operation_id", read_only=True, help_text="Identifier of the actor's operation."
    )

    class Meta:
        model = Mandate
        fields = [
            "id",
            "operation",
            "actor",
            "title",
            "authority",
            "reference",
            "scope",
            "in_force_from",
            "in_force_until",
            "source_url",
            "sensitivity",
            "created_at",
            "updated_at",
        ]
        descriptions = {
            "actor": "Identifier of the actor holding the mandate.",
            "title": "Title of the mandate.",
            "authority": "What it rests on: UN Security Council resolution, host-nation request, "
            "bilateral agreement, national law, regional organisation, other.",
            "scope": "What the actor is there to do.",
            "in_force_from": "Date it came into force.",
            "in_force_until": "Date it ends; null if open-ended.",
            "source_url": "Link to the source text.",
        }

    def validate_actor(self, actor):
        if self.instance is not None and actor.operation_id != self.instance.actor.operation_id:
            raise serializers.ValidationError("A mandate cannot move to another operation's actor.")
        self.check_write(actor.operation_id)
        return actor


class ActorLinkSerializer(RecordSerializer):
    class Meta:
        model = ActorLink
        fields = [
            "id",
            "operation",
            "source",
            "target",
            "kind",
            "mechanism",
            "since",
            "notes",
            "sensitivity",
            "created_at",
            "updated_at",
        ]
        descriptions = {
            "source": "Identifier of the actor the link starts from.",
            "target": "Identifier of the actor it links to.",
            "kind": "Coordination mechanism, liaison, command or support relation, other.",
            "mechanism": "How they coordinate, e.g. 'Joint operations centre, daily 07:00'.",
            "since": "Since when.",
        }


class InterlocutorDecisionSerializer(Serializer):
    decision = serializers.ChoiceField(
        choices=[InterlocutorStatus.APPROVED, InterlocutorStatus.REJECTED],
        help_text="approved: an appropriate interlocutor (its contacts are shared with field staff); "
        "rejected: not one.",
    )
    rationale = serializers.CharField(
        help_text="Why: the decision must be explainable later.", max_length=5000
    )
    seen_status = serializers.ChoiceField(
        choices=InterlocutorStatus.choices,
        required=False,
        help_text="The status you based this decision on: refused (400) if someone decided since.",
    )
