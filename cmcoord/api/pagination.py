"""Page-number pagination with a page size the caller chooses, up to 200."""

from rest_framework.pagination import PageNumberPagination


class Pagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    page_size_query_description = "Rows per page (default 50, at most 200)."
    page_query_description = "Page number, from 1."
    max_page_size = 200
