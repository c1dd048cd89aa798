"""Uploaded files are served by the app, after its permission checks, from whichever storage holds
them (the local disk or an S3-compatible bucket, settings.STORAGES["default"]).

A view first finds the record through its ``for_user`` queryset (so a file of a record the reader
may not see answers 404, like the record), then returns ``file_response(record.file, ...)``.
Nothing is ever served from ``MEDIA_URL``, and no storage address (a bucket's signed URL) is
ever handed out: every download passes here.
"""

import mimetypes
import posixpath

from django.http import FileResponse, Http404

from cmcoord.uploads import BY_CONTENT_TYPE, safe_file_name

FALLBACK_TYPE = "application/octet-stream"


def _content_type(name: str, content_type: str) -> str:
    """The type checked at upload; for a file stored before types were checked, the allowed type
    its name says, else octet-stream (never a type a browser would render in our origin)."""
    if content_type in BY_CONTENT_TYPE:
        return content_type
    guessed, _encoding = mimetypes.guess_type(name)
    allowed = {kind.content_type.split(";")[0]: kind.content_type for kind in BY_CONTENT_TYPE.values()}
    return allowed.get(guessed or "", FALLBACK_TYPE)


def file_response(field_file, *, download_name: str = "", content_type: str = "") -> FileResponse:
    """Stream the stored file as a download; 404 when there is none (or it went missing).

    ``download_name`` is the name the person uploaded (made safe here); ``content_type`` the
    type found in the content at upload.
    """
    if not field_file or not field_file.name:
        raise Http404
    storage = field_file.storage
    try:
        if not storage.exists(field_file.name):
            raise Http404
        handle = storage.open(field_file.name, "rb")
    except (OSError, ValueError) as exc:  # a name the storage refuses, an unreadable file
        raise Http404 from exc
    filename = safe_file_name(download_name or posixpath.basename(field_file.name))
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=filename,
        content_type=_content_type(filename, content_type),
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    # Opened in the browser anyway: no script, no plug-in, no request runs in our origin.
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def guideline_response(document) -> FileResponse:
    """A guideline document's file, as it was uploaded (the caller found it through ``for_user``)."""
    return file_response(
        document.file, download_name=document.download_name, content_type=document.content_type
    )
