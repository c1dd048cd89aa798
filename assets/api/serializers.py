"""Serializers of MCDA deployments and dependencies."""

from django.utils.translation import gettext_lazy as _

from assets.models import AssetDeployment, Dependency
from cmcoord.api.records import RecordSerializer


class AssetSerializer(RecordSerializer):
    class Meta:
        model = AssetDeployment
        fields = [
            "id",
            "operation",
            "name",
            "provider",
            "capability",
            "quantity",
            "base",
            "areas",
            "sectors",
            "support_type",
            "deployed_on",
            "phase_out_on",
            "status",
            "phase_out_plan",
            "focal_point",
            "sensitivity",
            "created_at",
            "updated_at",
        ]
        descriptions = {
            "name": _("Name of the deployment, e.g. '2 × Mi-8 helicopters, Beira'."),
            "provider": _("Identifier of the military, paramilitary or civil-defence actor providing it."),
            "capability": _(
                "Fixed-wing airlift, helicopter, sealift, ground transport, engineering, "
                "medical, water, communications, logistics hub, escort."
            ),
            "quantity": _("How many (aircraft, vehicles, teams)."),
            "base": _("Where it is based."),
            "support_type": _("Direct assistance, indirect assistance or infrastructure support."),
            "deployed_on": _("Date deployed."),
            "phase_out_on": _("Phase-out date: when the asset is to leave; reminders go out before it."),
            "status": _("requested, deployed, phasing_out or withdrawn."),
            "focal_point": _("Identifier of the user who is its focal point (reminders go to them)."),
        }


class DependencySerializer(RecordSerializer):
    class Meta:
        model = Dependency
        fields = [
            "id",
            "operation",
            "asset",
            "activity",
            "area",
            "sector",
            "criticality",
            "alternative_provider",
            "alternative_description",
            "alternative_readiness",
            "notes",
            "responsible",
            "sensitivity",
            "created_at",
            "updated_at",
        ]
        descriptions = {
            "asset": _("Identifier of the MCDA deployment the activity relies on."),
            "criticality": _("low, medium, high or critical (life-saving)."),
            "alternative_description": _("The civilian alternative, in words."),
            "alternative_readiness": _("none, identified, arranged or ready."),
            "responsible": _(
                "Identifier of the user responsible for the activity (a member of the operation); "
                "they receive the asset's phase-out reminders."
            ),
        }
