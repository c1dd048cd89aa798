"""Pagination whose cost grows with the page, not with everything the caller may read.

Two ways through a list, with the same answer shape ``{count, next, previous, cursor, results}``:

- **Pages** (``page``, ``page_size`` up to 200): the page is read with one row more than asked,
  which tells whether a next page exists. ``count`` is exact when that is cheap: on the last
  page, or when at most ``COUNT_LIMIT`` rows match (counted with a bounded query); beyond that
  it is null unless the caller asks ``count=exact`` (a full count of what matches).
- **Cursor** (``cursor``), for partners keeping a copy in sync: rows in the order they were last
  changed (``updated_at``, then id), each page starting after the row the cursor names, through
  an index, however deep. ``cursor=`` (empty) starts at the beginning (or at ``updated_since``);
  each answer's ``cursor`` names its last row: keep it, and pass it next time to read only what
  changed since. Deleted records are listed at ``/api/v1/deletions/``.
"""

import base64
import binascii
import datetime as dt

from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

# Up to this many matching rows, every page says how many match (a bounded count is cheap).
COUNT_LIMIT = 1000
MAX_PAGE_NUMBER = 10**9


def _has_updated_at(model) -> bool:
    return any(field.name == "updated_at" for field in model._meta.concrete_fields)


def encode_cursor(row) -> str:
    changed = getattr(row, "updated_at", None)
    text = f"{changed.isoformat() if changed else ''}|{row.pk}"
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def decode_cursor(token: str) -> tuple[dt.datetime | None, int]:
    """(updated_at, id) of the row a cursor names; ValueError for anything we did not make."""
    try:
        text = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4)).decode()
        changed, pk = text.split("|")
        moment = dt.datetime.fromisoformat(changed) if changed else None
        if moment is not None and moment.tzinfo is None:
            raise ValueError("naive")
        if not pk.isdigit() or len(pk) > 18:
            raise ValueError("id")
        return moment, int(pk)
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise ValueError(token) from exc


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    page_size_query_description = gettext_lazy("Rows per page (default 50, at most 200).")
    page_query_description = gettext_lazy("Page number, from 1.")
    max_page_size = 200
    count_query_param = "count"
    cursor_query_param = "cursor"

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.count = self.cursor = None
        self.number, self.has_next = 1, False
        size = self.get_page_size(request)
        if self.cursor_query_param in request.query_params:
            return self._cursor_page(queryset, request.query_params[self.cursor_query_param], size)
        return self._numbered_page(queryset, request, size)

    def _numbered_page(self, queryset, request, size):
        raw = request.query_params.get(self.page_query_param, "1")
        if not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE_NUMBER:
            raise NotFound(_("Invalid page."))
        wanted = request.query_params.get(self.count_query_param)
        if wanted not in (None, "exact"):
            raise ValidationError({self.count_query_param: [_("Give 'exact' or leave it out.")]})
        self.number = int(raw)
        offset = (self.number - 1) * size
        rows = list(queryset[offset : offset + size + 1])
        if not rows and self.number > 1:
            raise NotFound(_("Invalid page."))
        self.has_next = len(rows) > size
        rows = rows[:size]
        if not self.has_next:
            self.count = offset + len(rows)
        elif wanted == "exact":
            self.count = queryset.count()
        elif offset + size < COUNT_LIMIT:
            bounded = queryset.order_by()[: COUNT_LIMIT + 1].count()
            self.count = bounded if bounded <= COUNT_LIMIT else None
        return rows

    def _cursor_page(self, queryset, token, size):
        keyed = _has_updated_at(queryset.model)
        queryset = queryset.order_by(*(("updated_at", "pk") if keyed else ("pk",)))
        if token:
            try:
                changed, pk = decode_cursor(token)
            except ValueError:
                raise ValidationError(
                    {
                        self.cursor_query_param: [
                            _("This cursor is not one this API gave; start again with an empty cursor.")
                        ]
                    }
                ) from None
            if keyed and changed is not None:
                queryset = queryset.filter(Q(updated_at__gt=changed) | Q(updated_at=changed, pk__gt=pk))
            else:
                queryset = queryset.filter(pk__gt=pk)
        rows = list(queryset[: size + 1])
        self.has_next = len(rows) > size
        rows = rows[:size]
        self.cursor = encode_cursor(rows[-1]) if rows else (token or None)
        return rows

    def get_paginated_response(self, data):
        return Response(
            {
                "count": self.count,
                "next": self.get_next_link(),
                "previous": self.get_previous_link(),
                "cursor": self.cursor,
                "results": data,
            }
        )

    def get_next_link(self):
        if not self.has_next:
            return None
        url = self.request.build_absolute_uri()
        if self.cursor_query_param in self.request.query_params:
            return replace_query_param(url, self.cursor_query_param, self.cursor)
        return replace_query_param(url, self.page_query_param, self.number + 1)

    def get_previous_link(self):
        if self.cursor_query_param in self.request.query_params or self.number <= 1:
            return None
        url = self.request.build_absolute_uri()
        if self.number == 2:
            return remove_query_param(url, self.page_query_param)
        return replace_query_param(url, self.page_query_param, self.number - 1)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        parameters[0]["schema"] = {"type": "integer", "minimum": 1}
        parameters += [
            {
                "name": self.count_query_param,
                "required": False,
                "in": "query",
                "description": str(
                    gettext_lazy(
                        "exact: count every matching row. Without it, count is given when at most "
                        "1,000 rows match or on the last page, and is null otherwise."
                    )
                ),
                "schema": {"type": "string", "enum": ["exact"]},
            },
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": str(
                    gettext_lazy(
                        "Read in the order records were last changed, from after the row this cursor "
                        "names (empty: from the start). Each answer's cursor names its last row: keep "
                        "it to read only what changed next time. Page numbers and ordering do not "
                        "apply."
                    )
                ),
                "schema": {"type": "string", "maxLength": 200},
            },
        ]
        return parameters

    def get_paginated_response_schema(self, schema):
        paginated = super().get_paginated_response_schema(schema)
        properties = paginated["properties"]
        properties["count"]["nullable"] = True
        properties["cursor"] = {"type": "string", "nullable": True}
        properties["results"] = properties.pop("results")
        paginated["required"] = ["count", "cursor", "results"]
        described = {
            "count": _(
                "How many rows match, on all pages: given when at most 1,000 match, on the last "
                "page, or with count=exact; otherwise null."
            ),
            "next": _("Address of the next page; null on the last."),
            "previous": _("Address of the previous page; null on the first."),
            "cursor": _("With cursor: names the last row of this page (pass it to continue later)."),
            "results": _("The rows of this page."),
        }
        for name, text in described.items():
            properties[name]["description"] = text
        return paginated
