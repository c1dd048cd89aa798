"""Serializers of cell requests and their RFA details, and of the cell's and HCT's actions."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from actors.models import Actor
from assets.api.serializers import AssetSerializer
from cell import rules
from cell.models import AssistanceRequest, CellRequest
from cell.services import cell_request_submit, rfa_create_deployment
from cmcoord.api.fields import ScopedPrimaryKeyRelatedField
from cmcoord.api.records import RecordSerializer, Serializer
from cmcoord.validators import validate_calendar_range
from contacts.models import Contact
from meetings.models import AgendaItem


class AssistanceRequestSerializer(RecordSerializer):
    missing_last_resort_items = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text=_("What the last-resort checklist still lacks before the HCT/UNCT can endorse."),
    )
    # Declared: DRF drops allow_blank from read-only fields, and "" (not closed yet) is a value.
    outcome = serializers.ChoiceField(
        choices=AssistanceRequest.Outcome.choices,
        allow_blank=True,
        read_only=True,
        help_text=_("What became of the request, recorded when the cell closes it; empty until then."),
    )

    class Meta:
        model = AssistanceRequest
        fields = [
            "requesting_organisation",
            "requesting_person",
            "task_type",
            "cargo_or_passengers",
            "pickup_location",
            "delivery_location",
            "needed_by",
            "duration_days",
            "priority",
            "civilian_alternatives_tried",
            "why_alternatives_fail",
            "unique_capability",
            "complements_civilian_capacity",
            "exit_plan",
            "missing_last_resort_items",
            *rules.RFA_DECISION_FIELDS,
        ]
        read_only_fields = rules.RFA_DECISION_FIELDS
        descriptions = {
            "requesting_organisation": _("Organisation that requests the assistance."),
            "requesting_person": _("Person who requests it."),
            "task_type": _("Air, sea or land transport, engineering, medical, logistics, escort/security."),
            "cargo_or_passengers": _("What or who is to be moved."),
            "pickup_location": _("Where to pick up."),
            "delivery_location": _("Where to deliver."),
            "needed_by": _("Date needed."),
            "duration_days": _("How many days the assistance is needed."),
            "priority": _("life_saving, life_sustaining or other."),
            "civilian_alternatives_tried": _("Last resort: the civilian alternatives tried."),
            "why_alternatives_fail": _("Last resort: why they cannot do it."),
            "complements_civilian_capacity": _("Last resort: it complements civilian capacity."),
            "endorsement": _("HCT/UNCT decision: pending, endorsed or declined."),
            "endorsed_by": _("Identifier of the HCT/UNCT member who decided."),
            "endorsed_at": _("When the HCT/UNCT decided."),
            "endorsement_note": _("The HCT/UNCT's note (why it declined)."),
            "military_response": _(
                "not_sent, pending (sent, awaiting the answer), accepted, partly (accepted) or declined."
            ),
            "sent_to_actor": _("Identifier of the military actor the cell sent it to."),
            "sent_to_contact": _("Identifier of the contact (focal point) it was sent to."),
            "sent_at": _("When the cell sent it to the military."),
            "sent_by": _("Identifier of the user who sent it."),
            "military_offer": _("What the military offer."),
            "military_offer_from": _("From when the military offer it."),
            "military_offer_until": _("Until when the military offer it."),
            "military_answered_at": _("When the cell recorded the military's answer."),
            "military_answer_recorded_by": _("Identifier of the user who recorded the answer."),
            "outcome": _("What became of the request, recorded when the cell closes it."),
            "outcome_note": _("The outcome in words."),
            "resulting_asset": _("Identifier of the MCDA deployment it became."),
        }


class CellRequestSerializer(RecordSerializer):
    write_permission = "submit_cell_requests"
    rfa = AssistanceRequestSerializer(
        required=False,
        allow_null=True,
        help_text=_("The RFA details: required for kind 'assistance', null for other kinds."),
    )

    class Meta:
        model = CellRequest
        fields = [
            "id",
            "operation",
            "kind",
            "title",
            "description",
            "area",
            "sensitivity",
            "submitted_by",
            "status",
            "tabled_at",
            "response",
            "responded_by",
            "responded_at",
            "rfa",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["submitted_by", "status", "tabled_at", "response", "responded_by", "responded_at"]
        descriptions = {
            "kind": _(
                "assistance (a request for military assistance, RFA), access, security or information."
            ),
            "title": _("The request in one line."),
            "description": _("What is needed or what happened."),
            "submitted_by": _("Identifier of the user who sent it."),
            "status": _("submitted, triaged (by the cell), tabled (at a meeting), answered or closed."),
            "tabled_at": _("Identifier of the agenda item where the cell tabled it."),
            "responded_by": _("Identifier of the user who answered."),
            "responded_at": _("When the cell answered."),
        }

    def create(self, validated_data):
        rfa = validated_data.pop("rfa", None)
        operation = validated_data.pop("operation")
        return cell_request_submit(operation=operation, by=self.principal, rfa=rfa, **validated_data)


class TableSerializer(Serializer):
    agenda_item = ScopedPrimaryKeyRelatedField(
        queryset=AgendaItem.objects.all(), help_text=_("Identifier of the agenda item where it is tabled.")
    )
    seen_status = serializers.ChoiceField(
        choices=CellRequest.Status.choices,
        required=False,
        help_text=_("The status you based this on: refused (400) if someone changed it since."),
    )


class AnswerSerializer(Serializer):
    response = serializers.CharField(max_length=10000, help_text=_("The response the sender will read."))


class DecideRfaSerializer(Serializer):
    note = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=5000,
        help_text=_("The HCT/UNCT's note; required to decline (say why)."),
    )


class TriageSerializer(Serializer):
    seen_status = serializers.ChoiceField(
        choices=CellRequest.Status.choices,
        required=False,
        help_text=_("The status you based this on: refused (400) if someone changed it since."),
    )


class CloseSerializer(TriageSerializer):
    outcome = serializers.ChoiceField(
        choices=AssistanceRequest.Outcome.choices,
        required=False,
        help_text=_("What became of the request: required when the cell closes an RFA."),
    )
    note = serializers.CharField(
        required=False, allow_blank=True, max_length=5000, help_text=_("The outcome in words.")
    )


class SendToMilitarySerializer(Serializer):
    actor = ScopedPrimaryKeyRelatedField(
        queryset=Actor.objects.all(), help_text=_("Identifier of the military actor it goes to.")
    )
    contact = ScopedPrimaryKeyRelatedField(
        queryset=Contact.objects.all(),
        required=False,
        allow_null=True,
        help_text=_("Identifier of the actor's contact (focal point) it goes to."),
    )
    sent_at = serializers.DateTimeField(
        required=False,
        allow_null=True,
        validators=[validate_calendar_range],
        help_text=_("When it was sent; now if left out."),
    )
    seen_response = serializers.ChoiceField(
        choices=AssistanceRequest.MilitaryResponse.choices,
        required=False,
        help_text=_("The military response you based this on: refused (400) if it changed since."),
    )


class MilitaryAnswerSerializer(Serializer):
    response = serializers.ChoiceField(
        choices=[
            AssistanceRequest.MilitaryResponse.ACCEPTED,
            AssistanceRequest.MilitaryResponse.PARTLY,
            AssistanceRequest.MilitaryResponse.DECLINED,
        ],
        help_text=_("accepted, partly or declined."),
    )
    offer = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=5000,
        help_text=_("What the military offer: required when they accept, fully or partly."),
    )
    offer_from = serializers.DateField(
        required=False, allow_null=True, validators=[validate_calendar_range], help_text=_("Offered from.")
    )
    offer_until = serializers.DateField(
        required=False, allow_null=True, validators=[validate_calendar_range], help_text=_("Offered until.")
    )
    seen_response = serializers.ChoiceField(
        choices=AssistanceRequest.MilitaryResponse.choices,
        required=False,
        help_text=_("The military response you based this on: refused (400) if it changed since."),
    )


class RfaDeploymentSerializer(AssetSerializer):
    """The deployment created from an accepted RFA: fields left out come from the RFA."""

    def save_record(self, instance, m2m):
        return rfa_create_deployment(rfa=self.context["rfa"], asset=instance, by=self.principal, m2m=m2m)
