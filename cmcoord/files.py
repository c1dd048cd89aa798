"""Uploaded files are served by the app, after its permission checks, from whichever storage holds
them (the local disk or an S3-compatible bucket, settings.STORAGES["default"]).

A view first finds the record through its ``for_user`` queryset (so a file of a record the reader
may not see answers 404, like the record), then returns ``file_response(record.file)``.
"""

import posixpath

from django.http import FileResponse, Http404


def file_response(field_file) -> FileResponse:
    """Stream the stored file as a download; 404 when there is none (or it went missing)."""
    if not field_file or not field_file.name:
        raise Http404
    storage = field_file.storage
    try:
        if not storage.exists(field_file.name):
            raise Http404
        handle = storage.open(field_file.name, "rb")
    except (OSError, ValueError) as exc:  # a name the storage refuses, an unreadable file
        raise Http404 from exc
    response = FileResponse(handle, as_attachment=True, filename=posixpath.basename(field_file.name))
    response["Cache-Control"] = "private, no-store"
    return response
