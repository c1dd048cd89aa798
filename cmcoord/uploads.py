"""What an uploaded document may be: its type read from its content (magic bytes), its size.

``check_upload(file)`` returns the type it found (``UploadType``) or raises a ``ValidationError``
that says in a whole sentence what is wrong. The name's extension must be one of that type's,
so a PNG named ``report.pdf`` (or an HTML page named ``notes.txt``) is refused.
The limit is ``settings.GUIDELINE_MAX_UPLOAD_MB`` (20 by default).
"""

import posixpath
import re
import unicodedata
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class UploadType:
    content_type: str
    extensions: tuple[str, ...]


PDF = UploadType("application/pdf", (".pdf",))
DOCX = UploadType("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (".docx",))
XLSX = UploadType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",))
ODT = UploadType("application/vnd.oasis.opendocument.text", (".odt",))
ODS = UploadType("application/vnd.oasis.opendocument.spreadsheet", (".ods",))
PNG = UploadType("image/png", (".png",))
JPEG = UploadType("image/jpeg", (".jpg", ".jpeg"))
TXT = UploadType("text/plain; charset=utf-8", (".txt",))
ALLOWED = (PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG, TXT)
BY_CONTENT_TYPE = {kind.content_type: kind for kind in ALLOWED}
ACCEPT = ",".join(ext for kind in ALLOWED for ext in kind.extensions)  # the file input's accept=

_TEXT_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def max_upload_bytes() -> int:
    return int(settings.GUIDELINE_MAX_UPLOAD_MB) * 1024 * 1024


def _head(file, size: int) -> bytes:
    file.seek(0)
    data = file.read(size)
    file.seek(0)
    return data


def _zip_kind(file) -> UploadType | None:
    """An Office Open XML or OpenDocument package, told apart by its parts; only the names in
    the zip's directory are read (and the tiny ``mimetype`` part), nothing is unpacked."""
    try:
        file.seek(0)
        with zipfile.ZipFile(file) as package:
            names = set(package.namelist())
            if "mimetype" in names and package.getinfo("mimetype").file_size < 100:
                mimetype = package.read("mimetype").decode("ascii", "replace").strip()
                return {ODT.content_type: ODT, ODS.content_type: ODS}.get(mimetype)
            if "[Content_Types].xml" in names:
                if "word/document.xml" in names:
                    return DOCX
                if "xl/workbook.xml" in names:
                    return XLSX
    except (zipfile.BadZipFile, OSError, ValueError, KeyError, RuntimeError, NotImplementedError):
        return None
    finally:
        file.seek(0)
    return None


def _is_text(file) -> bool:
    """UTF-8 text (a byte-order mark allowed) without control characters other than tab and
    line breaks: what a plain-text note is, and not a binary file renamed."""
    file.seek(0)
    data = file.read()
    file.seek(0)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return not _TEXT_CONTROL.search(text)


def sniff(file) -> UploadType | None:
    """The allowed type the content is, by its first bytes (and a package's parts), or None."""
    head = _head(file, 16)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(file)
    if _is_text(file):
        return TXT
    return None


def check_upload(file) -> UploadType:
    """The upload's type, or a ValidationError saying why it is refused (size, type, name)."""
    limit = max_upload_bytes()
    if file.size is not None and file.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the largest accepted is %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    if not file.size:
        raise ValidationError(_("The file is empty."), code="empty")
    kind = sniff(file)
    if kind is None:
        raise ValidationError(
            _(
                "This file's content is not one of the accepted types: PDF, Word (DOCX), Excel (XLSX), "
                "OpenDocument text or spreadsheet (ODT, ODS), PNG, JPEG or plain text (TXT)."
            ),
            code="type",
        )
    extension = posixpath.splitext(file.name or "")[1].lower()
    if extension not in kind.extensions:
        raise ValidationError(
            _(
                "The file's name ends in “%(extension)s” but its content is %(kind)s: "
                "rename it or choose another."
            )
            % {"extension": extension or _("(no extension)"), "kind": kind.extensions[0].lstrip(".").upper()},
            code="extension",
        )
    return kind


def safe_file_name(name: str, *, fallback: str = "document") -> str:
    """The uploaded name as a download may carry it: the last path part, no control characters,
    quotes or separators, at most 150 characters (its extension kept)."""
    name = posixpath.basename((name or "").replace("\\", "/"))
    name = "".join(ch for ch in unicodedata.normalize("NFC", name) if unicodedata.category(ch)[0] != "C")
    name = re.sub(r'["/\\:*?<>|;]+', "_", name).strip(" .")
    if len(name) > 150:
        stem, extension = posixpath.splitext(name)
        name = stem[: 150 - len(extension)] + extension
    return name or fallback
