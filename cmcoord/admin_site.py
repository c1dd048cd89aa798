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
    def has_permission(self, request):
        from cmcoord import two_factor  # this module is loaded before the models are ready

        user = request.user
        return user.is_active and user.is_staff and user.is_superuser and two_factor.session_passed(user)


class AdministratorAdminConfig(AdminConfig):
    default_site = "cmcoord.admin_site.AdministratorSite"
