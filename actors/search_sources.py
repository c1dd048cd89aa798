"""What of the actors people find from the operation's search box (``cmcoord.site_search``)."""

from django.utils.translation import gettext_lazy as _

from actors.models import Actor
from cmcoord import site_search


def register() -> None:
    site_search.register(
        "actors",
        model=Actor,
        label=_("Actors"),
        fields={"name": "A", "acronym": "A", "notes": "C"},
        meta=lambda actor: actor.get_category_display(),
    )
