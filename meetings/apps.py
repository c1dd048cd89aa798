from django.apps import AppConfig


class MeetingsConfig(AppConfig):
    name = "meetings"
    verbose_name = "UN-CMCoord cell: forums, meetings, action points"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from meetings import queues, reminders, search_sources  # models are loaded only now

        reminders.register()
        queues.register()
        search_sources.register()
