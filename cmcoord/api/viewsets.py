"""Base viewsets: every queryset from ``for_user``, writes through services, exports by format.

A resource's viewset is configuration: ``model``, ``serializer_class``, ``filterset_class``,
``search_fields``, ``ordering_fields``, ``related`` / ``prefetch`` (so a list issues the same
number of queries for 1 row or 200), and ``exports`` ({format: builder}) for HXL, iCalendar
and vCard. Nothing here runs on an unscoped queryset.
"""

import re

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, viewsets
from rest_framework.renderers import JSONRenderer

from cmcoord.api.idempotency import IdempotentCreateMixin
from cmcoord.formats.renderers import EXPORT_RENDERERS, ExportRenderer
from cmcoord.masking import forget_mask, mask_for
from cmcoord.models import RecordChanged
from cmcoord.permissions import scoped
from cmcoord.services import record_delete

# An export (HXL, iCalendar, vCard) streams every row the caller may read, read from the
# database and written this many rows at a time (memory stays flat, whatever the size).
EXPORT_CHUNK = 500
ID_PATTERN = r"[0-9]{1,18}"


class ErrorsAsJSONMixin:
    """An error is JSON even when CSV, iCalendar or vCard was asked for."""

    def finalize_response(self, request, response, *args, **kwargs):
        renderer = getattr(request, "accepted_renderer", None)
        if response.status_code >= 400 and isinstance(renderer, ExportRenderer):
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        return super().finalize_response(request, response, *args, **kwargs)


def etag(version) -> str:
    """The ETag of a record's version: strong, as If-Match compares strongly (RFC 9110)."""
    return f'"{version}"'


ANY_VERSION = object()
_ETAG = re.compile(r'\s*(?:W/)?"([^"]*)"\s*')


def versions_in_if_match(header: str | None):
    """The versions an If-Match accepts: None without one, ANY_VERSION for ``*``.

    Each ETag we send is a version number; anything else (malformed, another server's tag)
    matches no version, so the update is refused with 412 rather than let through.
    """
    if header is None:
        return None
    if header.strip() == "*":
        return ANY_VERSION
    versions = set()
    for tag in header.split(","):
        found = _ETAG.fullmatch(tag)
        if found and found.group(1).isdigit() and len(found.group(1)) < 11:
            versions.add(int(found.group(1)))
    return versions


class ETagMixin:
    """A record's answer (detail, create, update, action) carries its version as ``ETag``."""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        data = getattr(response, "data", None)
        if 200 <= response.status_code < 300 and isinstance(data, dict) and "version" in data:
            response["ETag"] = etag(data["version"])
        return response


IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description=_(
        'The ETag of the record as you read it (e.g. "3"): if it was saved since, the update is '
        "refused with 412 Precondition Failed and the current record. Without it (and without "
        "`version` in the body) the update goes through."
    ),
)


class VersionedUpdateMixin:
    """PUT/PATCH based on an old version answer 412 with the current record, never overwrite it.

    The version comes from ``If-Match`` (the ETag of a GET) or else the body's ``version``;
    with neither, the update goes through (the last write wins, as before versions).
    """

    @extend_schema(parameters=[IF_MATCH])
    def partial_update(self, request, *args, **kwargs):
        return super().partial_update(request, *args, **kwargs)

    @extend_schema(parameters=[IF_MATCH])
    def update(self, request, *args, **kwargs):
        accepted = versions_in_if_match(request.headers.get("If-Match"))
        self.based_on_version = None
        if accepted is not None and accepted is not ANY_VERSION:
            current = self.get_object()
            if current.version not in accepted:
                raise RecordChanged(current, current.version)
            self.based_on_version = current.version
        return super().update(request, *args, **kwargs)

    def perform_update(self, serializer):
        if getattr(self, "based_on_version", None) is not None:
            serializer.based_on_version = self.based_on_version
        super().perform_update(serializer)


class ScopedViewSet(ETagMixin, ErrorsAsJSONMixin, viewsets.GenericViewSet):
    model = None
    related: tuple[str, ...] = ()
    prefetch: tuple = ()
    # ``?format=`` -> build(rows, *, request, view): the file of those rows, or for "geojson" and
    # "kml" their cmcoord.geo Features (see cmcoord.formats.renderers).
    exports: dict = {}
    lookup_value_regex = ID_PATTERN

    def get_queryset(self):
        # What a partner token reads is the querysets' rule (for_user), like everyone's.
        qs = scoped(self.model._default_manager.all(), self.request.user)
        if self.related:
            qs = qs.select_related(*self.related)
        for item in self.get_prefetch():
            qs = qs.prefetch_related(item)
        return qs

    def get_prefetch(self):
        return self.prefetch

    # Related records are masked for the rows shown: note them once the rows are known.
    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        mask_for(self.request).expect(page if page is not None else [])
        return page

    def get_object(self):
        obj = super().get_object()
        mask_for(self.request).expect([obj])
        return obj

    def get_renderers(self):
        renderers = super().get_renderers()
        if getattr(self, "action", None) == "list":
            renderers += [EXPORT_RENDERERS[fmt]() for fmt in self.exports]
        return renderers

    def list(self, request, *args, **kwargs):
        renderer = request.accepted_renderer
        if isinstance(renderer, ExportRenderer):
            return self.export(renderer.format, self.filter_queryset(self.get_queryset()))
        return mixins.ListModelMixin.list(self, request, *args, **kwargs)

    def export(self, fmt, queryset):
        """All the rows the caller may read, streamed: read, masked and written chunk by chunk."""
        renderer, build, request = EXPORT_RENDERERS[fmt], self.exports[fmt], self.request

        def mask(rows):
            forget_mask(request)  # masked for this chunk's rows only
            mask_for(request).expect(rows)

        return renderer.stream_rows(
            queryset,
            lambda rows: build(rows, request=request, view=self),
            chunk=EXPORT_CHUNK,
            before_chunk=mask,
            filename=renderer.filename(self.basename),
            title=self.export_title(fmt),
        )

    def export_title(self, fmt) -> str:
        """The exported document's name where the format has one (KML): the file's name by default."""
        return ""


class ReadOnlyViewSet(mixins.RetrieveModelMixin, ScopedViewSet):
    """List and detail."""


class RecordViewSet(
    IdempotentCreateMixin,
    VersionedUpdateMixin,
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    ScopedViewSet,
):
    """Registry records officers write: create, update and delete through the record services."""

    write_permission = "manage_registry"

    @transaction.atomic
    def perform_create(self, serializer):
        serializer.save()

    @transaction.atomic
    def perform_update(self, serializer):
        serializer.save()

    def perform_destroy(self, instance):
        record_delete(instance=instance, by=self.request.user, codename=self.write_permission)
