"""DRF renderers of the export formats: the body is built by ``cmcoord.formats`` builders.

``?format=hxl`` (text/csv), ``?format=xlsx`` (an Excel workbook with the HXL export's columns),
``?format=ics`` (text/calendar), ``?format=vcf`` (text/vcard). The
renderer only passes the built text through; errors are rendered as JSON by the views.
"""

import json
from itertools import islice

from django.http import HttpResponse, StreamingHttpResponse
from rest_framework.renderers import BaseRenderer

from .text import one_line
from .xlsx import XlsxWriter


def chunks(rows, size: int, before_chunk=None):
    """A queryset's rows ``size`` at a time from its iterator (at least one chunk, maybe empty, so a
    file always has its header); ``before_chunk(rows)`` runs first on each (masking for them)."""
    iterator, first = rows.iterator(chunk_size=size), True
    while True:
        some = list(islice(iterator, size))
        if not some and not first:
            return
        if before_chunk is not None:
            before_chunk(some)
        yield some
        first = False


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

    # Streaming: the builders make the file of a chunk of rows; ``part`` keeps what the whole
    # file needs once (the header rows, the calendar's opening) from the first chunk only.
    @classmethod
    def part(cls, body, *, first: bool):
        return body

    @classmethod
    def closing(cls):
        return b""

    @classmethod
    def stream(cls, parts, *, filename: str = "", headers: dict | None = None) -> StreamingHttpResponse:
        """The file sent as it is made, chunk by chunk, in flat memory."""

        def encoded():
            for part in parts:
                yield part.encode(cls.charset) if isinstance(part, str) else part

        response = StreamingHttpResponse(encoded(), content_type=cls.content_type(), headers=headers)
        return cls._attach(response, filename)

    @classmethod
    def stream_rows(cls, rows, build, *, chunk: int, before_chunk=None, filename: str = ""):
        """Stream ``build(rows)`` made ``chunk`` rows at a time from a queryset's iterator.

        ``before_chunk(rows)`` runs first on each chunk (masking related records for them).
        """

        def parts():
            for index, some in enumerate(chunks(rows, chunk, before_chunk)):
                yield cls.part(build(some), first=index == 0)
            yield cls.closing()

        return cls.stream(parts(), filename=filename)

    @classmethod
    def response(cls, body, *, filename: str = "", headers: dict | None = None) -> HttpResponse:
        """The file as a plain response: it keeps its Content-Type even when empty."""
        response = HttpResponse(body, content_type=cls.content_type(), headers=headers)
        return cls._attach(response, filename)

    @classmethod
    def content_type(cls) -> str:
        return f"{cls.media_type}; charset={cls.charset}" if cls.charset else cls.media_type

    @staticmethod
    def _attach(response, filename):
        if filename:
            # A header: never a line break or a quote, whatever a name holds.
            safe = one_line(filename).replace('"', "").replace("\\", "")
            response["Content-Disposition"] = f'attachment; filename="{safe}"'
        return response


class HXLRenderer(ExportRenderer):
    media_type = "text/csv"
    format = "hxl"
    extension = "csv"

    @classmethod
    def part(cls, body, *, first: bool):
        # The header row and the hashtag row once (neither holds a line break).
        return body if first else body.split("\r\n", 2)[2]


class XLSXRenderer(ExportRenderer):
    media_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    format = "xlsx"
    extension = "xlsx"
    charset = None  # a binary file

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, bytes):
            return data
        return json.dumps(data).encode("utf-8")

    @classmethod
    def stream_rows(cls, rows, build, *, chunk: int, before_chunk=None, filename: str = ""):
        """A workbook cannot be sent in pieces: its chunks' tables are written into one
        (row by row, openpyxl's write-only mode), sent when the last chunk is in."""

        def parts():
            writer = XlsxWriter()
            for index, some in enumerate(chunks(rows, chunk, before_chunk)):
                table = build(some)
                for values in table if index == 0 else table[2:]:  # header and hashtags once
                    writer.append(values)
            yield writer.close()

        return cls.stream(parts(), filename=filename)


class ICalendarRenderer(ExportRenderer):
    media_type = "text/calendar"
    format = "ics"
    END = b"END:VCALENDAR\r\n"

    @classmethod
    def part(cls, body, *, first: bool):
        body = body[: body.rindex(cls.END)]  # the calendar is closed once, after the last chunk
        if first:
            return body
        # The chunk's first component: at the start of a line (a folded or escaped value never is).
        start = body.find(b"\r\nBEGIN:V", body.find(b"\r\n") + 2)
        return body[start + 2 :] if start >= 0 else b""

    @classmethod
    def closing(cls):
        return cls.END


class VCardRenderer(ExportRenderer):
    media_type = "text/vcard"
    format = "vcf"
    extension = "vcf"


EXPORT_RENDERERS = {r.format: r for r in (HXLRenderer, XLSXRenderer, ICalendarRenderer, VCardRenderer)}
