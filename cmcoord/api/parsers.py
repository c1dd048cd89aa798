"""JSON bodies: a body nested deeper than any record needs is a 400, not a crash."""

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser as DRFJSONParser


class JSONParser(DRFJSONParser):
    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError as exc:  # json.load on "[[[[...": Python's own stack limit
            raise ParseError("JSON parse error - the body is nested too deeply.") from exc
