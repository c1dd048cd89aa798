from django.urls import path

from hns import views
from hns.models import Movement, StaticSite

app_name = "hns"

urlpatterns = [
    path("hns/", views.OverviewView.as_view(), name="overview"),
    path("hns/sites/", views.SiteListView.as_view(), name="site-list"),
    path("hns/sites/new/", views.SiteFormView.as_view(), name="site-create"),
    path("hns/sites/<int:pk>/", views.SiteDetailView.as_view(), name="site-detail"),
    path("hns/sites/<int:pk>/edit/", views.SiteFormView.as_view(), name="site-update"),
    path("hns/sites/<int:pk>/remove/", views.cancel(StaticSite), name="site-cancel"),
    path("hns/sites/<int:pk>/check/", views.check(StaticSite), name="site-check"),
    path("hns/sites/<int:pk>/relay/", views.relay(StaticSite), name="site-relay"),
    path("hns/sites/<int:pk>/incident/", views.incident(StaticSite), name="site-incident"),
    path("hns/movements/", views.MovementListView.as_view(), name="movement-list"),
    path("hns/movements/new/", views.MovementFormView.as_view(), name="movement-create"),
    path("hns/movements/<int:pk>/", views.MovementDetailView.as_view(), name="movement-detail"),
    path("hns/movements/<int:pk>/edit/", views.MovementFormView.as_view(), name="movement-update"),
    path("hns/movements/<int:pk>/cancel/", views.cancel(Movement), name="movement-cancel"),
    path("hns/movements/<int:pk>/check/", views.check(Movement), name="movement-check"),
    path("hns/movements/<int:pk>/relay/", views.relay(Movement), name="movement-relay"),
    path("hns/movements/<int:pk>/incident/", views.incident(Movement), name="movement-incident"),
    path("hns/movements/<int:pk>/status/", views.movement_status, name="movement-status"),
    path("hns/relays/<int:pk>/acknowledge/", views.acknowledge, name="relay-acknowledge"),
    path("hns/settings/", views.SettingsView.as_view(), name="settings"),
    path("hns/staff/", views.StaffView.as_view(), name="staff"),
    path("hns/staff/<int:pk>/remove/", views.staff_remove, name="staff-remove"),
    path("hns/parties/<int:pk>/package/", views.PackageView.as_view(), name="package"),
]
