"""Serializer of contacts: the channels shown are those the reader may see (contact_channels)."""

from rest_framework import serializers

from actors.api.serializers import INTERLOCUTOR_FIELDS
from cmcoord.api.records import RecordSerializer
from contacts.models import Contact
from contacts.rules import CONTACT_CHANNELS_FULL, contact_channels

HIDDEN = " Null when your role may not see this channel."


class ContactSerializer(RecordSerializer):
    phone = serializers.CharField(
        max_length=40, allow_blank=True, allow_null=True, required=False, help_text="Phone number." + HIDDEN
    )
    email = serializers.EmailField(
        max_length=254,
        allow_blank=True,
        allow_null=True,
        required=False,
        help_text="E-mail address." + HIDDEN,
    )
    satellite_phone = serializers.CharField(
        max_length=40,
        allow_blank=True,
        allow_null=True,
        required=False,
        help_text="Satellite phone number (officers and HCT only)." + HIDDEN,
    )
    radio_call_sign = serializers.CharField(
        max_length=40,
        allow_blank=True,
        allow_null=True,
        required=False,
        help_text="Radio call-sign (officers and HCT only)." + HIDDEN,
    )
    is_approved_interlocutor = serializers.BooleanField(
        read_only=True,
        help_text="Whether the contact is an approved interlocutor: its own decision, or its actor's "
        "when undecided.",
    )

    class Meta:
        model = Contact
        fields = [
            "id",
            "operation",
            "actor",
            "full_name",
            "rank_or_title",
            "position",
            "position_detail",
            *CONTACT_CHANNELS_FULL,
            "languages",
            "last_verified_on",
            *INTERLOCUTOR_FIELDS,
            "is_approved_interlocutor",
            "sensitivity",
            "notes",
            "created_at",
            "updated_at",
        ]
        read_only_fields = INTERLOCUTOR_FIELDS
        descriptions = {
            "actor": "Identifier of the actor the person works for.",
            "full_name": "Full name.",
            "rank_or_title": "Rank or title, e.g. Maj.",
            "position": "CIMIC officer, J9/G9 officer, liaison officer, commander, focal point, other.",
            "last_verified_on": "When these details were last checked.",
        }

    def validate(self, attrs):
        for name in CONTACT_CHANNELS_FULL:
            if name in attrs and attrs[name] is None:
                attrs[name] = ""
        return attrs

    def to_representation(self, contact):
        data = super().to_representation(contact)
        allowed = contact_channels(self.principal, contact.operation_id)
        for name in CONTACT_CHANNELS_FULL:
            if name not in allowed:
                data[name] = None
        return data
