from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HnsConfig(AppConfig):
    name = "hns"
    # Translators: HNS = humanitarian notification system (deconfliction with the parties to a conflict).
    verbose_name = _("Humanitarian notification system (HNS)")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from hns import queues  # models are loaded only now

        queues.register()
