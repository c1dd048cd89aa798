"""The relay package for one party: what the cell passes to it, as HXL CSV, GeoJSON and KML.

The package holds the notifications relayed to that party (their current version, and whether
the party has had it), the open ones and the cancellations it has not acknowledged yet. Only
officers build it (``hns.views.package``); each writer takes ``cmcoord.geo`` features.
"""

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cmcoord.formats.hxl import Column, adm1, adm2, hxl_csv
from hns.models import Movement, Relay, StaticSite

_KML_LABELS = {
    "kind": gettext_lazy("Kind"),
    "organisation": gettext_lazy("Organisation"),
    "site_type": gettext_lazy("Type"),
    "mode": gettext_lazy("Mode"),
    "pcode": gettext_lazy("P-code"),
    "valid_from": gettext_lazy("Valid from"),
    "valid_until": gettext_lazy("Valid until"),
    "starts_at": gettext_lazy("Starts"),
    "ends_at": gettext_lazy("Ends"),
    "origin": gettext_lazy("Origin"),
    "destination": gettext_lazy("Destination"),
    "vehicles": gettext_lazy("Vehicles and markings"),
    "cargo": gettext_lazy("Cargo"),
    "people": gettext_lazy("People"),
    "status": gettext_lazy("Status"),
    "focal_point": gettext_lazy("24/7 focal point"),
    "focal_point_phone": gettext_lazy("Focal point's phone"),
    "version": gettext_lazy("Version"),
    "relayed_version": gettext_lazy("Version relayed"),
}


def kml_labels() -> dict[str, str]:
    """Property names as a party's KML viewer shows them, in the language of the request."""
    return {key: str(label) for key, label in _KML_LABELS.items()}


def package_records(operation, party) -> tuple[list[StaticSite], list[Movement]]:
    """Sites and movements relayed to ``party``, each with ``party_relays`` (its relays to it)."""
    to_party = Relay.objects.filter(party=party).order_by("-version")
    sites = list(
        StaticSite.objects.filter(operation=operation, relays__party=party)
        .distinct()
        .select_related("organisation", "area__parent", "operation")
        .prefetch_related(Prefetch("relays", queryset=to_party, to_attr="party_relays"))
        .order_by("name", "pk")
    )
    movements = list(
        Movement.objects.filter(operation=operation, relays__party=party)
        .distinct()
        .select_related("organisation", "operation")
        .prefetch_related(Prefetch("relays", queryset=to_party, to_attr="party_relays"))
        .order_by("starts_at", "pk")
    )
    return sites, movements


def _relayed_version(record):
    return record.party_relays[0].version if record.party_relays else None


def package_features(sites, movements) -> list:
    features = []
    for record in [*sites, *movements]:
        for feature in record.to_features():
            feature.properties["relayed_version"] = _relayed_version(record)
            features.append(feature)
    return features


def package_hxl(operation, sites, movements) -> str:
    zone = operation.zone

    def local(moment):
        return timezone.localtime(moment, zone).isoformat() if moment else None

    rows = [("site", s) for s in sites] + [("movement", m) for m in movements]

    def get(name, default=None):
        return lambda row: getattr(row[1], name, default)

    def site_only(fn):
        return lambda row: fn(row[1]) if row[0] == "site" else None

    def movement_only(fn):
        return lambda row: fn(row[1]) if row[0] == "movement" else None

    columns = [
        Column(_("Notification id"), "#meta+id", lambda row: f"{row[0]}-{row[1].pk}"),
        Column(_("Version"), "#meta+version", get("version")),
        Column(_("Version relayed"), "#meta+version+relayed", lambda row: _relayed_version(row[1])),
        Column(_("Kind"), "#meta+type", lambda row: row[0]),
        Column(_("Organisation"), "#org+name", lambda row: row[1].organisation.name),
        Column(_("Name"), "#loc+name", lambda row: row[1].name if row[0] == "site" else row[1].title),
        Column(
            _("Site type or mode"),
            "#loc+type",
            lambda row: row[1].site_type if row[0] == "site" else row[1].mode,
        ),
        Column(_("Latitude"), "#geo+lat", lambda row: row[1].geo_position().lat),
        Column(_("Longitude"), "#geo+lon", lambda row: row[1].geo_position().lon),
        Column(
            _("Destination latitude"), "#geo+lat+dest", movement_only(lambda m: m.destination_position().lat)
        ),
        Column(
            _("Destination longitude"), "#geo+lon+dest", movement_only(lambda m: m.destination_position().lon)
        ),
        Column(
            _("Route (longitude latitude, in order)"),
            "#geo+route",
            movement_only(lambda m: [f"{p.lon} {p.lat}" for p in m.route_positions()]),
        ),
        Column(_("Country"), "#country+code", lambda row: operation.country),
        Column(_("Admin 1 P-code"), "#adm1+code", site_only(lambda s: adm1(s.area))),
        Column(_("Admin 2 P-code"), "#adm2+code", site_only(lambda s: adm2(s.area))),
        Column(
            _("Valid from / starts"),
            "#date+start",
            lambda row: row[1].valid_from if row[0] == "site" else local(row[1].starts_at),
        ),
        Column(
            _("Valid until / ends"),
            "#date+end",
            lambda row: row[1].valid_until if row[0] == "site" else local(row[1].ends_at),
        ),
        Column(_("Origin"), "#loc+name+origin", movement_only(lambda m: m.origin)),
        Column(_("Destination"), "#loc+name+dest", movement_only(lambda m: m.destination)),
        Column(_("Vehicles and markings"), "#item+transport", movement_only(lambda m: m.vehicles)),
        Column(_("Cargo"), "#item+type", movement_only(lambda m: m.cargo_class)),
        Column(_("People"), "#reached+num", movement_only(lambda m: m.people)),
        Column(_("Status"), "#status", get("status")),
        Column(_("24/7 focal point"), "#contact+name", get("focal_point_name")),
        Column(_("Focal point's phone"), "#contact+phone", get("focal_point_phone")),
    ]
    return hxl_csv(columns, rows)
