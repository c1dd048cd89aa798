"""Serializers of the core resources: operations (with guidelines), areas, sectors, notifications."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cmcoord.api.records import AreaCodeField, DescribedMixin, RecordSerializer, SectorCodeField, Serializer
from cmcoord.models import (
    Area,
    GuidelineDocument,
    Notification,
    Operation,
    Sector,
    SecurityAssessment,
    Strategy,
    StrategyStatus,
)
from cmcoord.permissions import is_partner, role_in


class ModelSerializer(DescribedMixin, serializers.ModelSerializer):
    pass


class GuidelineSerializer(ModelSerializer):
    # The app's download page (it checks who may read the document), never the storage's address.
    file = serializers.SerializerMethodField(allow_null=True)
    archived = serializers.BooleanField(read_only=True)

    @extend_schema_field(OpenApiTypes.URI)
    def get_file(self, document) -> str | None:
        if not document.file:
            return None
        # The API's route: it takes a token (partners) as well as the browser's session.
        path = reverse("api:guideline-file", kwargs={"pk": document.pk})
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path

    class Meta:
        model = GuidelineDocument
        fields = [
            "id",
            "operation",
            "title",
            "issued_on",
            "url",
            "file",
            "file_name",
            "summary",
            "sensitivity",
            "status",
            "approved_on",
            "archived",
            "updated_at",
        ]
        read_only_fields = fields
        descriptions = {
            "file_name": _("Name of the uploaded file, as the download is saved."),
            "status": _("Draft (officers and HCT/UNCT only) or approved by the HCT/UNCT."),
            "approved_on": _("Date the HCT/UNCT approved it; null for a draft."),
            "archived": _("True for a document kept for the record but no longer current."),
            "title": _("Title of the country-specific guideline or reference document."),
            "issued_on": _("Date the document was issued."),
            "url": _("Link to the document."),
            "file": _("Download address of the uploaded document, if any."),
            "summary": _("What the document says, in short."),
        }


class OperationSerializer(ModelSerializer):
    role = serializers.SerializerMethodField(
        help_text=_("Your role in this operation: officer, hct, field_staff, partner or administrator.")
    )
    strategy = serializers.ChoiceField(
        choices=Strategy.choices,
        allow_blank=True,
        read_only=True,
        help_text=_(
            "The CMCoord strategy on the spectrum co-existence, coordination, cooperation; "
            "empty until drafted (partners see it only once approved)."
        ),
    )
    guidelines = GuidelineSerializer(
        many=True, read_only=True, source="visible_guidelines", help_text=_("Country-specific guidelines.")
    )

    class Meta:
        model = Operation
        fields = [
            "id",
            "name",
            "country",
            "time_zone",
            "emergency_type",
            "phase",
            "start_date",
            "end_date",
            "strategy",
            "strategy_rationale",
            "strategy_status",
            "strategy_approved_on",
            "reminder_lead_days",
            "answer_within_days",
            "role",
            "guidelines",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields
        descriptions = {
            "name": _("Name of the emergency response, e.g. 'Cyclone response, Mozambique 2026'."),
            "time_zone": _("IANA time zone of the operation, e.g. Africa/Maputo."),
            "emergency_type": _("Natural disaster, complex emergency or technological/industrial."),
            "phase": _("Phase of the response."),
            "start_date": _("Date the response started."),
            "end_date": _("Date the response ended; null while it goes on."),
            "strategy": _(
                "The CMCoord strategy on the spectrum co-existence, coordination, cooperation "
                "(partners see it only once approved)."
            ),
            "strategy_rationale": _("Why this strategy."),
            "strategy_status": _("Draft, or approved by the HCT/UNCT."),
            "strategy_approved_on": _("Date the HCT/UNCT approved the strategy."),
            "answer_within_days": _(
                "A request to the cell not answered after this many days waits in the officers' queue."
            ),
        }

    def get_role(self, operation) -> str:
        return role_in(self.context["request"].user, operation.pk) or ""

    def to_representation(self, operation):
        data = super().to_representation(operation)
        if is_partner(self.context["request"].user) and operation.strategy_status != StrategyStatus.APPROVED:
            data.update(strategy="", strategy_rationale="", strategy_approved_on=None)
        return data


class AreaSerializer(ModelSerializer):
    parent = AreaCodeField(
        read_only=True, allow_null=True, help_text=_("P-code of the area one level up; null for a country.")
    )

    class Meta:
        model = Area
        fields = ["id", "pcode", "name", "level", "parent", "country"]
        read_only_fields = fields
        descriptions = {
            "pcode": _("P-code of the area in the common operational dataset (COD), e.g. MZ07."),
            "name": _("Name of the area."),
            "level": _("Administrative level: 0 country, 1 province/region, 2 district."),
            "country": _("ISO 3166 alpha-3 code of the country."),
        }


class SectorSerializer(ModelSerializer):
    parent = SectorCodeField(
        read_only=True, allow_null=True, help_text=_("For an area of responsibility: its cluster's code.")
    )

    class Meta:
        model = Sector
        fields = ["id", "code", "name", "kind", "parent"]
        read_only_fields = fields
        descriptions = {
            "name": _("Name of the cluster or sector."),
            "kind": _("IASC cluster, area of responsibility within one, or non-cluster sector."),
        }


class SecurityAssessmentSerializer(RecordSerializer):
    class Meta:
        model = SecurityAssessment
        fields = [
            "id",
            "operation",
            "area",
            "level",
            "association_risks",
            "assessed_on",
            "assessed_by",
            "sensitivity",
            "created_at",
            "updated_at",
        ]
        descriptions = {
            "level": _("Security level: 1 minimal, 2 low, 3 moderate, 4 substantial, 5 high, 6 extreme."),
            "assessed_on": _("Date of the assessment."),
            "assessed_by": _("Identifier of the user who assessed it."),
        }


class NotificationSerializer(ModelSerializer):
    class Meta:
        model = Notification
        fields = ["id", "operation", "kind", "title", "body", "url", "created_at", "read_at"]
        read_only_fields = fields
        descriptions = {
            "operation": _("Identifier of the operation it is about, if any."),
            "kind": _("What the notification is about."),
            "title": _("The message in one line."),
            "body": _("More detail."),
            "read_at": _("When you read it; null while unread."),
        }


class TokenRequestSerializer(Serializer):
    username = serializers.CharField(help_text=_("Your user name."), max_length=150)
    password = serializers.CharField(
        help_text=_("Your password."),
        max_length=4096,
        style={"input_type": "password"},
        trim_whitespace=False,
    )
    otp = serializers.CharField(
        help_text=_(
            "A current code from your authenticator app, or an unused recovery code: needed "
            "when your account uses two-factor sign-in."
        ),
        max_length=32,
        required=False,
        allow_blank=True,
    )


class TokenSerializer(Serializer):
    token = serializers.CharField(help_text=_("Send it as `Authorization: Token <token>`."), read_only=True)
    expiry = serializers.DateTimeField(help_text=_("When the token stops working."), read_only=True)


class FeedUrlSerializer(Serializer):
    url = serializers.URLField(
        help_text=_(
            "Your personal calendar feed: subscribe to it in a calendar app. Anyone who has "
            "this address can read the feed; reset it if it leaks."
        ),
        read_only=True,
    )
