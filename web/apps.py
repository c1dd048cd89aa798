from django.apps import AppConfig


class WebConfig(AppConfig):
    """The top layer: composes the apps into pages (dashboard, history), URL roots and the demo."""

    name = "web"
    verbose_name = "CMCoord pages that span apps"
