"""Errors as JSON: field messages for 400, {"detail": ...} otherwise; never a 500 for bad input.

Django's ValidationError (model ``clean()`` and constraints, services), PermissionDenied and
IntegrityError (a duplicate that slipped past validation, a protected delete) are translated
into DRF's exceptions before DRF's own handler renders them.
"""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.db.models import ProtectedError, RestrictedError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler

from cmcoord.masking import mask_for
from cmcoord.models import RecordChanged

IN_USE = _("This record is still referred to by other records (%(names)s); change or remove those first.")
CONFLICT = _("This conflicts with an existing record (a name or code that must be unique?).")


def _translate(exc):
    if isinstance(exc, Http404):
        return exceptions.NotFound()  # DRF's "Not found.", in the reader's language (Django's is English)
    if isinstance(exc, DjangoValidationError):
        detail = as_serializer_error(exc)
        if NON_FIELD_ERRORS in detail:
            detail[api_settings.NON_FIELD_ERRORS_KEY] = detail.pop(NON_FIELD_ERRORS)
        return exceptions.ValidationError(detail)
    if isinstance(exc, ProtectedError | RestrictedError):
        objects = exc.protected_objects if isinstance(exc, ProtectedError) else exc.restricted_objects
        names = sorted({str(obj._meta.verbose_name_plural) for obj in objects})
        return exceptions.ValidationError({"non_field_errors": [IN_USE % {"names": ", ".join(names)}]})
    if isinstance(exc, IntegrityError):
        return exceptions.ValidationError({"non_field_errors": [CONFLICT]})
    return exc


def record_changed_response(exc: RecordChanged, context) -> Response:
    """412 Precondition Failed: who changed the record, and the record as it is now."""
    body = {
        "detail": exc.messages[0],
        "code": "record_changed",
        "version": exc.current_version,
        "changed_by": str(exc.changed_by) if exc.changed_by else None,
        "current": None,
    }
    view = context.get("view")
    if view is not None and hasattr(view, "get_queryset"):
        current = view.get_queryset().filter(pk=exc.record.pk).first()
        if current is not None:
            mask_for(view.request).expect([current])
            body["current"] = view.get_serializer(current).data
    response = Response(body, status=status.HTTP_412_PRECONDITION_FAILED)
    response["ETag"] = f'"{exc.current_version}"'
    return response


def api_exception_handler(exc, context):
    if isinstance(exc, RecordChanged):
        return record_changed_response(exc, context)
    return exception_handler(_translate(exc), context)
