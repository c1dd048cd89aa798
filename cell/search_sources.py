"""What of the requests and concerns sent to the cell (RFAs included) people find from the
operation's search box (``cmcoord.site_search``): field staff their own, like the list."""

from django.utils.translation import gettext_lazy as _

from cell.models import CellRequest
from cmcoord import site_search


def register() -> None:
    site_search.register(
        "requests",
        model=CellRequest,
        label=_("Requests and concerns"),
        fields={"title": "A", "description": "B", "response": "C"},
        meta=lambda request: f"{request.get_kind_display()} · {request.get_status_display()}",
    )
