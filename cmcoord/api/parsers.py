"""JSON bodies: a body nested deeper than any record needs, or larger than the upload limit, is
refused with a JSON error, not a crash (DRF reads the body as a stream, past Django's own check)."""

import io
import json

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.exceptions import APIException, ParseError
from rest_framework.parsers import JSONParser as DRFJSONParser


class RequestTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = _("The request body is too large.")
    default_code = "request_too_large"


class JSONParser(DRFJSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        if limit is not None:
            body = stream.read(limit + 1)  # no more than the limit is ever held in memory
            if len(body) > limit:
                raise RequestTooLarge()
            stream = io.BytesIO(body)
        try:
            data = super().parse(stream, media_type, parser_context)
            # "\ud800" is valid JSON but no text: the database (and any UTF-8 output) refuses it.
            json.dumps(data, ensure_ascii=False).encode("utf-8")
        except RecursionError as exc:  # json.load on "[[[[...": Python's own stack limit
            raise ParseError(_("JSON parse error - the body is nested too deeply.")) from exc
        except UnicodeEncodeError as exc:
            raise ParseError(
                _("JSON parse error - the body holds text that is not valid Unicode (an unpaired surrogate).")
            ) from exc
        return data
