from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmcoordConfig(AppConfig):
    name = "cmcoord"
    verbose_name = _("CMCoord core: operations, places, roles")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cmcoord import (
            history,
            queues,  # models are loaded only now
            search,  # noqa: F401  (the ``matches`` lookup and SQLite's function)
        )

        queues.register_core()
        history.connect()
