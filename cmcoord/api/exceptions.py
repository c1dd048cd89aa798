"""Errors as JSON: field messages for 400, {"detail": ...} otherwise; never a 500 for bad input.

Django's ValidationError (model ``clean()`` and constraints, services), PermissionDenied and
IntegrityError (a duplicate that slipped past validation, a protected delete) are translated
into DRF's exceptions before DRF's own handler renders them.
"""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError
from django.db.models import ProtectedError, RestrictedError
from rest_framework import exceptions
from rest_framework.serializers import as_serializer_error
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler

IN_USE = "This record is still referred to by other records ({names}); change or remove those first."
CONFLICT = "This conflicts with an existing record (a name or code that must be unique?)."


def _translate(exc):
    if isinstance(exc, DjangoValidationError):
        detail = as_serializer_error(exc)
        if NON_FIELD_ERRORS in detail:
            detail[api_settings.NON_FIELD_ERRORS_KEY] = detail.pop(NON_FIELD_ERRORS)
        return exceptions.ValidationError(detail)
    if isinstance(exc, ProtectedError | RestrictedError):
        objects = exc.protected_objects if isinstance(exc, ProtectedError) else exc.restricted_objects
        names = sorted({str(obj._meta.verbose_name_plural) for obj in objects})
        return exceptions.ValidationError({"non_field_errors": [IN_USE.format(names=", ".join(names))]})
    if isinstance(exc, IntegrityError):
        return exceptions.ValidationError({"non_field_errors": [CONFLICT]})
    return exc


def api_exception_handler(exc, context):
    return exception_handler(_translate(exc), context)
