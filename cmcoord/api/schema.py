"""OpenAPI details: the partner token scheme, the ``format`` parameter, errors on every operation.

``postprocess`` (a SPECTACULAR_SETTINGS hook) declares 400/401/403/404/429 with their JSON
shapes, and gives the text formats (CSV, iCalendar, vCard) a plain string body.
"""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.authentication import SessionScheme
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema as BaseAutoSchema
from drf_spectacular.utils import OpenApiParameter

from cmcoord.formats.renderers import EXPORT_RENDERERS

JSON = "application/json"
TEXT_TYPES = {r.media_type for r in EXPORT_RENDERERS.values() if not r.binary}
BINARY_TYPES = {r.media_type for r in EXPORT_RENDERERS.values() if r.binary}
FORMAT_HELP = {
    "json": gettext_lazy("JSON (the default)"),
    # Translators: HXL = Humanitarian Exchange Language; keep "HXL" as is.
    "hxl": gettext_lazy("CSV with an HXL hashtag row, every row you may read (not one page)"),
    "xlsx": gettext_lazy("an Excel workbook (XLSX) with the same columns as the HXL export"),
    "ics": gettext_lazy("iCalendar (RFC 5545)"),
    "vcf": gettext_lazy("vCard 3.0"),
    # Translators: keep "GeoJSON" as is.
    "geojson": gettext_lazy("GeoJSON (RFC 7946) for GIS tools, every record you may read"),
    # Translators: keep "KML" and "Google Earth" as they are.
    "kml": gettext_lazy("KML 2.2 for Google Earth and GIS tools, every record you may read"),
}


# The schema is generated per request, so its texts are composed in the reader's language.
def error_schema() -> dict:
    return {
        "type": "object",
        "description": _("An error; `detail` says what went wrong."),
        "properties": {
            "detail": {"type": "string", "description": _("What went wrong, for a person to read.")}
        },
        "required": ["detail"],
    }


def validation_error_schema() -> dict:
    return {
        "type": "object",
        "description": _(
            "The request was refused: each key is a field of the request (or "
            "`non_field_errors`, `detail`) with the messages about it."
        ),
        "additionalProperties": {},
    }


ERRORS = {
    "400": (gettext_lazy("The request is not valid; the body says why, field by field."), "ValidationError"),
    "401": (gettext_lazy("No or invalid credentials: send `Authorization: Token <key>`."), "Error"),
    "403": (gettext_lazy("Your role (or a partner token) does not allow this."), "Error"),
    "404": (gettext_lazy("No such record, or you may not read it."), "Error"),
    "429": (gettext_lazy("Too many requests: wait and retry (see Retry-After)."), "Error"),
}


class PartnerTokenScheme(OpenApiAuthenticationExtension):
    target_class = "cmcoord.authentication.PartnerTokenAuthentication"
    name = "partnerToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": _("A partner system's read-only key for one operation: `Token cmp_...`."),
        }


class UserTokenScheme(OpenApiAuthenticationExtension):
    target_class = "cmcoord.authentication.UserTokenAuthentication"
    name = "tokenAuth"
    priority = 1  # over drf-spectacular's own knox extension, to describe ours

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": _(
                "A user's API token from POST /api/v1/auth/token/: `Token <token>`. Only "
                "its digest is stored; it expires (30 days by default) and is revoked with "
                "POST /api/v1/auth/logout/ or on the account's token page."
            ),
        }


class VerifiedSessionScheme(SessionScheme):
    """The browser's session cookie (after two-factor sign-in where required)."""

    target_class = "cmcoord.authentication.VerifiedSessionAuthentication"


class AutoSchema(BaseAutoSchema):
    def get_override_parameters(self):
        params = list(super().get_override_parameters())
        exports = getattr(self.view, "exports", None)
        if exports and self.method == "GET" and getattr(self.view, "action", None) == "list":
            choices = ["json", *exports]
            params.append(
                OpenApiParameter(
                    "format",
                    str,
                    enum=choices,
                    description=_("Response format: %(formats)s.")
                    % {"formats": "; ".join(f"`{c}` {FORMAT_HELP[c]}" for c in choices)},
                )
            )
        return params


def _is_public(operation) -> bool:
    return {} in operation.get("security", [{}])


def postprocess(result, generator, request, public):
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Error"] = error_schema()
    schemas["ValidationError"] = validation_error_schema()
    for path, methods in result.get("paths", {}).items():
        for operation in methods.values():
            responses = operation.setdefault("responses", {})
            for media in responses.values():
                for media_type, body in media.get("content", {}).items():
                    if media_type in TEXT_TYPES:
                        body["schema"] = {"type": "string", "description": _("The file's text.")}
                    elif media_type in BINARY_TYPES:
                        body["schema"] = {"type": "string", "format": "binary"}
            codes = ["400", "429"]
            if not _is_public(operation):
                codes += ["401", "403"]
            if "{" in path:
                codes.append("404")
            for code in codes:
                if code not in responses:
                    text, schema = ERRORS[code]
                    responses[code] = {
                        "description": str(text),
                        "content": {JSON: {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
                    }
    return result
