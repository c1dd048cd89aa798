from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssetsConfig(AppConfig):
    name = "assets"
    verbose_name = _("MCDA deployments and dependencies")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from assets import queues, reminders, search_sources  # models are loaded only now

        reminders.register()
        queues.register()
        search_sources.register()
