"""The core's map writers as the HNS pages use them (RFC 7946 GeoJSON, KML 2.2, RFC 5870 ``geo:``
URIs, the offline SVG sketch map)."""

try:
    from cmcoord.maps import svg_map

    from cmcoord.formats import geojson, kml
    from cmcoord.geo import geo_uri
except ImportError:  # TEMPORARY until the geo branch is merged
    from django.utils.safestring import mark_safe

    geojson = kml = None

    def geo_uri(position, label=""):
        return f"geo:{position.lat},{position.lon}"

    def svg_map(features, **kwargs):
        return mark_safe("")


__all__ = ["geo_uri", "geojson", "kml", "svg_map"]
