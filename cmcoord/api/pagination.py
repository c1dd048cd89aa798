"""Page-number pagination with a page size the caller chooses, up to 200."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    page_size_query_description = gettext_lazy("Rows per page (default 50, at most 200).")
    page_query_description = gettext_lazy("Page number, from 1.")
    max_page_size = 200

    def get_paginated_response_schema(self, schema):
        paginated = super().get_paginated_response_schema(schema)
        described = {
            "count": _("How many rows match, on all pages."),
            "next": _("Address of the next page; null on the last."),
            "previous": _("Address of the previous page; null on the first."),
            "results": _("The rows of this page."),
        }
        for name, text in described.items():
            paginated["properties"][name]["description"] = text
        return paginated
