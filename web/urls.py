"""The URL roots: each app's pages under /operations/<op>/, the API under /api/v1/, sign-in, admin.

Every app's pages have its label as namespace (``actors:detail``, ``cell:request-list``,
``web:dashboard``); the notifications (``notifications:``) and the API (``api:``) have their own.
The site's pages below (home, login, logout, healthz) keep plain names; your account's pages
(two-factor sign-in, API tokens) are ``accounts:``.
"""

from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from accounts.language import set_language
from web import views

operation_urls = [
    path("", include("web.operation_urls")),
    path("", include("cmcoord.urls")),
    path("", include("actors.urls")),
    path("", include("contacts.urls")),
    path("", include("meetings.urls")),
    path("", include("cell.urls")),
    path("", include("assets.urls")),
    path("", include("hns.urls")),
    path("", include("imports.urls")),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("language/", set_language, name="set_language"),
    path("operations/<int:op>/", include(operation_urls)),
    path("notifications/", include("cmcoord.notification_urls")),
    path("account/", include("accounts.urls")),
    path("api/v1/", include("web.api_urls")),
    path("healthz/", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
]

handler400 = "web.views.bad_request"
handler403 = "web.views.permission_denied"
handler404 = "web.views.page_not_found"
handler500 = "web.views.server_error"

# Uploaded files are never served from MEDIA_URL, not even in DEBUG: only through views that check
# who may read them (cmcoord/files.py).
