"""The HTML lists' paginator: counts at most ``COUNT_LIMIT`` rows, never the whole scope.

Up to that many matches a page says "Page 2 of 7" as before; beyond, the count would cost a scan
of everything the reader may see on every page, so a page reads one row more than it shows to
know whether a next one exists, and says "Page 2".
"""

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from cmcoord.api.pagination import COUNT_LIMIT, MAX_PAGE_NUMBER


class OpenPage(Page):
    """A page of a list whose length is not counted: it knows only whether more rows follow."""

    def __init__(self, object_list, number, paginator, *, more: bool):
        super().__init__(object_list, number, paginator)
        self.more = more

    def has_next(self):
        return self.more

    def start_index(self):
        return (self.number - 1) * self.paginator.per_page + 1

    def end_index(self):
        return self.start_index() + len(self.object_list) - 1


class BoundedPaginator(Paginator):
    @cached_property
    def count(self):
        return self.object_list.order_by()[: COUNT_LIMIT + 1].count()

    @property
    def exact(self) -> bool:
        return self.count <= COUNT_LIMIT

    def validate_number(self, number):
        if self.exact:
            return super().validate_number(number)
        try:
            number = int(number)
        except (TypeError, ValueError):
            raise PageNotAnInteger(_("That page number is not an integer")) from None
        if not 1 <= number <= MAX_PAGE_NUMBER:
            raise EmptyPage(_("That page contains no results"))
        return number

    def page(self, number):
        if self.exact:
            return super().page(number)
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        rows = list(self.object_list[bottom : bottom + self.per_page + 1])
        if not rows and number > 1:
            raise EmptyPage(_("That page contains no results"))
        return OpenPage(rows[: self.per_page], number, self, more=len(rows) > self.per_page)
