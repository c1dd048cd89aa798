"""Django admin is the administrator's tool alone: a superuser, member of every operation.

The permission engine (``cmcoord.permissions``) knows roles per operation and the
administrator; Django's own model permissions mean nothing to it. A staff account without
superuser status would otherwise enter the admin on global permissions and read or write any
operation's records, outside every role. So the admin asks for the administrator, and (as
django-otp's OTPAdminSite does) for a session that passed two-factor sign-in.
"""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig


class AdministratorSite(admin.AdminSite):
    def register(self, model_or_iterable, admin_class=None, **options):
        """Every versioned record's admin refuses a save based on an old version (``VersionedAdmin``)."""
        from cmcoord.admin_base import VersionedAdmin
        from cmcoord.models import Versioned

        models = model_or_iterable if isinstance(model_or_iterable, list | tuple) else [model_or_iterable]
        for model in models:
            cls = admin_class or admin.ModelAdmin
            if issubclass(model, Versioned) and not issubclass(cls, VersionedAdmin):
                cls = type(cls.__name__, (VersionedAdmin, cls), {})
            super().register(model, cls, **options)

    def has_permission(self, request):
        from cmcoord import two_factor  # this module is loaded before the models are ready

        user = request.user
        return user.is_active and user.is_staff and user.is_superuser and two_factor.session_passed(user)


class AdministratorAdminConfig(AdminConfig):
    default_site = "cmcoord.admin_site.AdministratorSite"
