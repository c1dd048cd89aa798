from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    """The top layer: composes the apps into pages (dashboard, history), URL roots and the demo."""

    name = "web"
    verbose_name = _("CMCoord pages that span apps")
