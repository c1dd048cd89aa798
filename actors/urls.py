from django.urls import path

from actors import edit_views, views

app_name = "actors"

urlpatterns = [
    path("actors/", views.ActorListView.as_view(), name="list"),
    path("actors/who-what-where/", views.PresenceMatrixView.as_view(), name="presence-matrix"),
    path("actors/<int:pk>/", views.ActorDetailView.as_view(), name="detail"),
    path("actors/chart/", views.ActorChartView.as_view(), name="chart"),
    path("actors/new/", edit_views.ActorFormView.as_view(), name="create"),
    path("actors/<int:pk>/edit/", edit_views.ActorFormView.as_view(), name="update"),
    path("actors/<int:pk>/delete/", edit_views.ActorDeleteView.as_view(), name="delete"),
    path("actors/<int:actor>/mandates/new/", edit_views.MandateFormView.as_view(), name="mandate-create"),
    path("mandates/<int:pk>/edit/", edit_views.MandateFormView.as_view(), name="mandate-update"),
    path("mandates/<int:pk>/delete/", edit_views.MandateDeleteView.as_view(), name="mandate-delete"),
    path("actors/<int:actor>/links/new/", edit_views.ActorLinkFormView.as_view(), name="link-create"),
    path("actor-links/<int:pk>/edit/", edit_views.ActorLinkFormView.as_view(), name="link-update"),
    path("actor-links/<int:pk>/delete/", edit_views.ActorLinkDeleteView.as_view(), name="link-delete"),
]
