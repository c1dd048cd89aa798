"""Serializers of notified sites and movements (read-only: notifying is done on the pages)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from cmcoord.api.records import DescribedMixin
from cmcoord.geo import geo_uri
from hns.models import Movement, StaticSite

COMMON = [
    "id",
    "operation",
    "organisation",
    "organisation_name",
    "focal_point_name",
    "focal_point_phone",
    "notes",
    "submitted_at",
    "checked_at",
    "version",
    "created_at",
    "updated_at",
]


# What both kinds of notification say of themselves, for the API's readers.
NOTIFIED_DESCRIPTIONS = {
    "organisation_name": _("Name of the organisation that notified it."),
    "focal_point_name": _("Its 24/7 focal point."),
    "focal_point_phone": _("The 24/7 focal point's phone number."),
    "notes": _("What the organisation added for the cell."),
    "submitted_at": _("When the organisation notified it (ISO 8601)."),
    "checked_at": _("When the cell checked it (ISO 8601); empty until then. The cell verifies nothing."),
    "name": _("The site's name."),
    "valid_from": _("First day the site is notified for."),
    "valid_until": _("Last day the site is notified for; empty: until removed."),
    "title": _("A short name of the movement."),
    "starts_at": _("Start of the window (ISO 8601, with the offset of the operation's time zone)."),
    "ends_at": _("End of the window (ISO 8601, with the offset of the operation's time zone)."),
    "emergency": _("Notified as an emergency (the shorter lead time applies)."),
    "origin": _("Where the movement starts."),
    "origin_latitude": _("WGS84 decimal degrees."),
    "origin_longitude": _("WGS84 decimal degrees."),
    "destination": _("Where the movement ends."),
    "destination_latitude": _("WGS84 decimal degrees."),
    "destination_longitude": _("WGS84 decimal degrees."),
    "vehicles": _("The vehicles, aircraft or boats and their markings."),
    "cargo_class": _("The class of cargo carried."),
    "people": _("Number of people moving."),
    "late_reason": _("Why it was notified within the lead time."),
}


class NotifiedSerializer(DescribedMixin, serializers.ModelSerializer):
    organisation_name = serializers.CharField(source="organisation.name", read_only=True)
    geo_uri = serializers.SerializerMethodField(
        help_text=_("A geo: URI (RFC 5870) a phone opens in its map app.")
    )

    def get_geo_uri(self, obj) -> str:
        return geo_uri(obj.geo_position(), label=str(obj))


class StaticSiteSerializer(NotifiedSerializer):
    class Meta:
        model = StaticSite
        fields = [
            *COMMON,
            "name",
            "site_type",
            "latitude",
            "longitude",
            "area",
            "valid_from",
            "valid_until",
            "status",
            "geo_uri",
        ]
        read_only_fields = fields
        descriptions = {
            **NOTIFIED_DESCRIPTIONS,
            "organisation": _("Identifier of the organisation (actor) that notified it."),
            "site_type": _(
                "office, warehouse, health_facility, distribution_site, displacement_site or "
                "critical_infrastructure."
            ),
            "latitude": _("WGS84 decimal degrees."),
            "longitude": _("WGS84 decimal degrees."),
            "area": _("Identifier of the area (P-code) it is in."),
            "status": _("active or removed."),
        }


class MovementSerializer(NotifiedSerializer):
    class Meta:
        model = Movement
        fields = [
            *COMMON,
            "title",
            "mode",
            "starts_at",
            "ends_at",
            "emergency",
            "origin",
            "origin_latitude",
            "origin_longitude",
            "destination",
            "destination_latitude",
            "destination_longitude",
            "waypoints",
            "vehicles",
            "cargo_class",
            "people",
            "status",
            "late",
            "late_reason",
            "geo_uri",
        ]
        read_only_fields = fields
        descriptions = {
            **NOTIFIED_DESCRIPTIONS,
            "organisation": _("Identifier of the organisation (actor) that notified it."),
            "mode": _("road_convoy, flight, waterborne or evacuation."),
            "waypoints": _("The route between origin and destination: [longitude, latitude] pairs in order."),
            "status": _("planned, under_way, completed or cancelled."),
            "late": _("Notified within the lead time (48 hours, 24 in an emergency, or the operation's)."),
        }
