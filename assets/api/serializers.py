"""Serializers of MCDA deployments and dependencies."""

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
            "name": "Name of the deployment, e.g. '2 × Mi-8 helicopters, Beira'.",
            "provider": "Identifier of the military, paramilitary or civil-defence actor providing it.",
            "capability": "Fixed-wing airlift, helicopter, sealift, ground transport, engineering, "
            "medical, water, communications, logistics hub, escort.",
            "quantity": "How many (aircraft, vehicles, teams).",
            "base": "Where it is based.",
            "support_type": "Direct assistance, indirect assistance or infrastructure support.",
            "deployed_on": "Date deployed.",
            "phase_out_on": "Phase-out date: when the asset is to leave; reminders go out before it.",
            "status": "requested, deployed, phasing_out or withdrawn.",
            "focal_point": "Identifier of the user who is its focal point (reminders go to them).",
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
            "sensitivity",
            "created_at",
            "updated_at",
        ]
        descriptions = {
            "asset": "Identifier of the MCDA deployment the activity relies on.",
            "criticality": "low, medium, high or critical (life-saving).",
            "alternative_description": "The civilian alternative, in words.",
            "alternative_readiness": "none, identified, arranged or ready.",
        }
