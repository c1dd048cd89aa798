"""Serializers of actors, mandates and links; reads and writes are scoped to the caller."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
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
            "activities": _("What it does there."),
            "start_date": _("Since when."),
            "end_date": _("Until when; null if open-ended."),
        }


class ActorSerializer(RecordSerializer):
    children = ScopedPrimaryKeyRelatedField(
        model=Actor, many=True, read_only=True, help_text=_("Identifiers of the actors one level down.")
    )
    presences = PresenceSerializer(
        many=True, read_only=True, help_text=_("Where and in which sector it works.")
    )
    is_military = serializers.BooleanField(read_only=True, help_text=_("Military or paramilitary actor."))

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
            "name": _("Name of the organisation or force."),
            "acronym": _("Acronym or short name."),
            "category": _(
                "Domestic civilian, domestic military, international civilian or foreign military."
            ),
            "actor_type": _("Type within the category, e.g. un_agency, armed_forces."),
            "parent": _("Identifier of the actor one level up in its structure or chain of command."),
            "echelon": _("Level in a military structure, e.g. formation, unit."),
            "relationship": _(
                "Character of the humanitarian relationship with it: none, co-existence, "
                "coordination or cooperation."
            ),
            "association_risk": _(
                "Risk for humanitarians of being associated with it: none, low, medium, high."
            ),
            "association_risk_reason": _("Why the risk of association is what it is."),
            "iati_org_id": _("IATI organisation identifier, where known."),
            "hdx_org_type": _("HDX organisation type, where known."),
        }


class MandateSerializer(RecordSerializer):
    operation = serializers.IntegerField(
        source="actor.operation_id", read_only=True, help_text=_("Identifier of the actor's operation.")
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
            "actor": _("Identifier of the actor holding the mandate."),
            "title": _("Title of the mandate."),
            "authority": _(
                "What it rests on: UN Security Council resolution, host-nation request, "
                "bilateral agreement, national law, regional organisation, other."
            ),
            "scope": _("What the actor is there to do."),
            "in_force_from": _("Date it came into force."),
            "in_force_until": _("Date it ends; null if open-ended."),
            "source_url": _("Link to the source text."),
        }

    def validate_actor(self, actor):
        if self.instance is not None and actor.operation_id != self.instance.actor.operation_id:
            raise serializers.ValidationError(gettext("A mandate cannot move to another operation's actor."))
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
            "source": _("Identifier of the actor the link starts from."),
            "target": _("Identifier of the actor it links to."),
            "kind": _("Coordination mechanism, liaison, command or support relation, other."),
            "mechanism": _("How they coordinate, e.g. 'Joint operations centre, daily 07:00'."),
            "since": _("Since when."),
        }


class InterlocutorDecisionSerializer(Serializer):
    decision = serializers.ChoiceField(
        choices=[InterlocutorStatus.APPROVED, InterlocutorStatus.REJECTED],
        help_text=_(
            "approved: an appropriate interlocutor (its contacts are shared with field staff); "
            "rejected: not one."
        ),
    )
    rationale = serializers.CharField(
        help_text=_("Why: the decision must be explainable later."), max_length=5000
    )
    seen_status = serializers.ChoiceField(
        choices=InterlocutorStatus.choices,
        required=False,
        help_text=_("The status you based this decision on: refused (400) if someone decided since."),
    )
