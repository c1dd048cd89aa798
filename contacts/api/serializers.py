"""Serializer of contacts: the channels shown are those the reader may see (contact_channels)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from actors.api.serializers import INTERLOCUTOR_FIELDS
from cmcoord.api.records import RecordSerializer
from contacts.models import Contact
from contacts.rules import CONTACT_CHANNELS_FULL, contact_channels


class ContactSerializer(RecordSerializer):
    phone = serializers.CharField(
        max_length=40,
        allow_blank=True,
        allow_null=True,
        required=False,
        help_text=_("Phone number. Null when your role may not see this channel."),
    )
    email = serializers.EmailField(
        max_length=254,
        allow_blank=True,
        allow_null=True,
        required=False,
        help_text=_("E-mail address. Null when your role may not see this channel."),
    )
    satellite_phone = serializers.CharField(
        max_length=40,
        allow_blank=True,
        allow_null=True,
        required=False,
        help_text=_(
            "Satellite phone number (officers and HCT only). Null when your role may not see this channel."
        ),
    )
    radio_call_sign = serializers.CharField(
        max_length=40,
        allow_blank=True,
        allow_null=True,
        required=False,
        help_text=_("Radio call-sign (officers and HCT only). Null when your role may not see this channel."),
    )
    is_approved_interlocutor = serializers.BooleanField(
        read_only=True,
        help_text=_(
            "Whether the contact is an approved interlocutor: its own decision, or its actor's "
            "when undecided."
        ),
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
            "actor": _("Identifier of the actor the person works for."),
            "full_name": _("Full name."),
            "rank_or_title": _("Rank or title, e.g. Maj."),
            "position": _("CIMIC officer, J9/G9 officer, liaison officer, commander, focal point, other."),
            "last_verified_on": _("When these details were last checked."),
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
