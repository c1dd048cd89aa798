from django.apps import AppConfig


class ContactsConfig(AppConfig):
    name = "contacts"
    verbose_name = "CIMIC and liaison contacts"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from contacts import reminders  # models are loaded only now

        reminders.register()

        from contacts import queues

        queues.register()

        from contacts import search_sources

        search_sources.register()
