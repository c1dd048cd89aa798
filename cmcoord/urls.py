from django.conf import settings
from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from cmcoord import views

operation_urls = [
    path("", views.DashboardView.as_view(), name="operation-detail"),
    path("strategy/", views.StrategyView.as_view(), name="operation-strategy"),
    path("members/", views.MembersView.as_view(), name="operation-members"),
    path("partner-tokens/", views.PartnerTokensView.as_view(), name="partner-token-list"),
    path("partner-tokens/<int:pk>/revoke/", views.partner_token_revoke, name="partner-token-revoke"),
    path("history/", views.HistoryView.as_view(), name="operation-history"),
    path("security/", views.SecurityListView.as_view(), name="security-list"),
    path("", include("actors.urls")),
    path("", include("contacts.urls")),
    path("", include("meetings.urls")),
    path("", include("cell.urls")),
    path("", include("assets.urls")),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(redirect_authenticated_user=True), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("operations/<int:op>/", include(operation_urls)),
    path("notifications/", include("cmcoord.notification_urls")),
    path("api/v1/", include("cmcoord.api_urls")),
    path("healthz/", views.healthz, name="healthz"),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
