"""``Idempotency-Key`` on the API's creates: a repeated POST creates nothing and gets the first answer.

The first request with a key claims it (``idempotency_claim``) in the transaction that creates
the record and stores its status and body there. A repeat with the same key and the same body
gets that stored answer with ``Idempotent-Replayed: true``; the same key with another body is
refused with 422. A refused create (400, 403) stores nothing, so it may be retried with its key.
Keys are per user and forgotten after 24 hours.
"""

import hashlib
import json
import re

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response

from cmcoord.models import IdempotencyKey
from cmcoord.services import AlreadyDone, idempotency_claim, idempotency_done

HEADER = "Idempotency-Key"
_VALID_KEY = re.compile(r"[\x21-\x7e]{1,255}")  # visible ASCII: no spaces, no control characters
REUSED = _("This Idempotency-Key was already used with a different request; use a new key for a new record.")


def request_fingerprint(request) -> str:
    """A hash of what is asked: method, path and body (parsed, so key order does not matter)."""
    data = request.data
    if hasattr(data, "lists"):  # a form-encoded or multipart body
        data = dict(data.lists())
    text = json.dumps([request.method, request.path, data], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def idempotency_key(request) -> str | None:
    key = request.headers.get(HEADER)
    if key is None:
        return None
    if not _VALID_KEY.fullmatch(key):
        raise ValidationError({HEADER: [_("Use 1 to 255 visible ASCII characters (a UUID, for example).")]})
    return key


KEY_PARAMETER = OpenApiParameter(
    HEADER,
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    description=_(
        "Any string of 1 to 255 visible ASCII characters (a UUID) naming this create: sent "
        "again with the same body within 24 hours, it creates nothing and returns the first answer "
        "(with `Idempotent-Replayed: true`); with another body, 422."
    ),
)


class IdempotentCreateMixin:
    """For a viewset's ``create``: honours ``Idempotency-Key`` (see the module)."""

    @extend_schema(parameters=[KEY_PARAMETER])
    def create(self, request, *args, **kwargs):
        key = idempotency_key(request)
        if key is None or not isinstance(request.user, get_user_model()):
            return super().create(request, *args, **kwargs)  # partner tokens cannot create anyway
        fingerprint = request_fingerprint(request)
        try:
            with transaction.atomic():
                claim = idempotency_claim(
                    user=request.user, kind=IdempotencyKey.Kind.API, key=key, fingerprint=fingerprint
                )
                response = super().create(request, *args, **kwargs)
                idempotency_done(
                    claim,
                    location=response.get("Location", ""),
                    status_code=response.status_code,
                    response=json.loads(JSONRenderer().render(response.data) or b"null"),
                )
        except AlreadyDone as done:
            return self._replay(done.earlier, fingerprint)
        return response

    def _replay(self, earlier: IdempotencyKey, fingerprint: str) -> Response:
        if earlier.fingerprint != fingerprint:
            return Response(
                {"detail": REUSED, "code": "idempotency_key_reused"},
                status=status.HTTP_422_UNPROCESSABLE_ENTITY,
            )
        headers = {"Idempotent-Replayed": "true"}
        if earlier.location:
            headers["Location"] = earlier.location
        return Response(
            earlier.response, status=earlier.status_code or status.HTTP_201_CREATED, headers=headers
        )
