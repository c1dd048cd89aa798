from django.apps import AppConfig


class ActorsConfig(AppConfig):
    name = "actors"
    verbose_name = "Actors and mandates"
    default_auto_field = "django.db.models.BigAutoField"
