from django.apps import AppConfig


class CellConfig(AppConfig):
    name = "cell"
    verbose_name = "UN-CMCoord cell: requests, concerns and RFAs"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cell import reminders  # models are loaded only now

        reminders.register()

        from cell import queues  # models are loaded only now

        queues.register()

        from cell import search_sources

        search_sources.register()
