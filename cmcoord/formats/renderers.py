"""DRF renderers of the export formats: the body is built by ``cmcoord.formats`` builders.

``?format=hxl`` (text/csv), ``?format=xlsx`` (an Excel workbook with the HXL export's columns),
``?format=ics`` (text/calendar), ``?format=vcf`` (text/vcard), ``?format=geojson``
(application/geo+json) and ``?format=kml`` (KML 2.2). The renderer only passes the built text
through; errors are rendered as JSON by the views.

A view's ``exports`` maps a format to a builder ``build(rows, *, request, view)``: for the text
formats it returns the file of those rows; for GeoJSON and KML it returns the rows'
``cmcoord.geo.Feature``s (the renderer writes the collection around them).
"""

import json
from itertools import islice

from django.http import HttpResponse, StreamingHttpResponse
from rest_framework.renderers import BaseRenderer

from . import geojson, kml
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
    binary = False  # the OpenAPI schema: a text file or bytes

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
    def stream_rows(cls, rows, build, *, chunk: int, before_chunk=None, filename: str = "", title: str = ""):
        """Stream ``build(rows)`` made ``chunk`` rows at a time from a queryset's iterator.

        ``before_chunk(rows)`` runs first on each chunk (masking related records for them).
        ``title`` names the document where the format has a name for it (KML).
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
    binary = True

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, bytes):
            return data
        return json.dumps(data).encode("utf-8")

    @classmethod
    def stream_rows(cls, rows, build, *, chunk: int, before_chunk=None, filename: str = "", title: str = ""):
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


class FeaturesRenderer(ExportRenderer):
    """A map file of ``cmcoord.geo.Feature``s: the builder gives features, the renderer writes the
    file around them (its opening once, each chunk's features, its closing), streamed."""

    @classmethod
    def opening(cls, title: str) -> bytes:
        raise NotImplementedError

    @classmethod
    def feature_parts(cls, features):
        """The features' bytes (a generator: it keeps state across chunks, as separators)."""
        raise NotImplementedError

    @classmethod
    def stream_features(cls, chunks_of_features, *, filename: str = "", title: str = ""):
        """Stream the file of features given a chunk (an iterable of features) at a time."""

        def parts():
            yield cls.opening(title or filename.rsplit(".", 1)[0])
            yield from cls.feature_parts(feature for some in chunks_of_features for feature in some)
            yield cls.closing()

        return cls.stream(parts(), filename=filename)

    @classmethod
    def stream_rows(cls, rows, build, *, chunk: int, before_chunk=None, filename: str = "", title: str = ""):
        built = (build(some) for some in chunks(rows, chunk, before_chunk))
        return cls.stream_features(built, filename=filename, title=title)

    @classmethod
    def features_response(cls, features, *, filename: str = "", title: str = "", description: str = ""):
        """A small file of features (one record's sites and routes) as a plain response."""
        raise NotImplementedError


class GeoJSONRenderer(FeaturesRenderer):
    """RFC 7946: ``application/geo+json`` takes no parameters (the text is always UTF-8)."""

    media_type = geojson.MEDIA_TYPE
    format = "geojson"
    extension = "geojson"

    @classmethod
    def content_type(cls) -> str:
        return cls.media_type

    @classmethod
    def opening(cls, title: str) -> bytes:
        return geojson.HEAD

    @classmethod
    def feature_parts(cls, features):
        for index, feature in enumerate(features):
            yield (b"," if index else b"") + geojson.feature_bytes(feature)

    @classmethod
    def closing(cls):
        return geojson.TAIL

    @classmethod
    def features_response(cls, features, *, filename: str = "", title: str = "", description: str = ""):
        return cls.response(geojson.render(features), filename=filename)


class KMLRenderer(FeaturesRenderer):
    media_type = kml.MEDIA_TYPE
    format = "kml"
    extension = "kml"

    @classmethod
    def opening(cls, title: str) -> bytes:
        return kml.head(title)

    @classmethod
    def feature_parts(cls, features):
        ids: set = set()  # a Placemark id once per document
        for feature in features:
            yield kml.placemark_bytes(feature, ids=ids)

    @classmethod
    def closing(cls):
        return kml.TAIL

    @classmethod
    def features_response(cls, features, *, filename: str = "", title: str = "", description: str = ""):
        name = title or filename.rsplit(".", 1)[0]
        return cls.response(kml.render(name, features, description), filename=filename)


EXPORT_RENDERERS = {
    r.format: r
    for r in (HXLRenderer, XLSXRenderer, ICalendarRenderer, VCardRenderer, GeoJSONRenderer, KMLRenderer)
}
