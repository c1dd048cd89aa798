"""DRF renderers of the export formats: the body is built by ``cmcoord.formats`` builders.

``?format=hxl`` (text/csv), ``?format=xlsx`` (an Excel workbook with the HXL export's columns),
``?format=ics`` (text/calendar), ``?format=vcf`` (text/vcard). The
renderer only passes the built text through; errors are rendered as JSON by the views.
"""

import json

from django.http import HttpResponse
from rest_framework.renderers import BaseRenderer

from .text import one_line


class ExportRenderer(BaseRenderer):
    charset = "utf-8"
    extension = ""

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, bytes):
            return data
        if isinstance(data, str):
            return data.encode(self.charset)
        return json.dumps(data).encode(self.charset)

    @classmethod
    def filename(cls, basename: str) -> str:
        return f"cmcoord-{basename}.{cls.extension}" if cls.extension else ""

    @classmethod
    def response(cls, body, *, filename: str = "", headers: dict | None = None) -> HttpResponse:
        """The file as a plain response: it keeps its Content-Type even when empty."""
        content_type = f"{cls.media_type}; charset={cls.charset}" if cls.charset else cls.media_type
        response = HttpResponse(body, content_type=content_type, headers=headers)
        if filename:
            # A header: never a line break or a quote, whatever a name holds.
            safe = one_line(filename).replace('"', "").replace("\\", "")
            response["Content-Disposition"] = f'attachment; filename="{safe}"'
        return response


class HXLRenderer(ExportRenderer):
    media_type = "text/csv"
    format = "hxl"
    extension = "csv"


class XLSXRenderer(ExportRenderer):
    media_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    format = "xlsx"
    extension = "xlsx"
    charset = None  # a binary file

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, bytes):
            return data
        return json.dumps(data).encode("utf-8")


class ICalendarRenderer(ExportRenderer):
    media_type = "text/calendar"
    format = "ics"


class VCardRenderer(ExportRenderer):
    media_type = "text/vcard"
    format = "vcf"
    extension = "vcf"


EXPORT_RENDERERS = {r.format: r for r in (HXLRenderer, XLSXRenderer, ICalendarRenderer, VCardRenderer)}
