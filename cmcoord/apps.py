from django.apps import AppConfig


class CmcoordConfig(AppConfig):
    name = "cmcoord"
    verbose_name = "CMCoord core: operations, places, roles"
    default_auto_field = "django.db.models.BigAutoField"
