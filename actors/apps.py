from django.apps import AppConfig


class ActorsConfig(AppConfig):
    name = "actors"
    verbose_name = "Actors and mandates"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from actors import search_sources  # models are loaded only now

        search_sources.register()
