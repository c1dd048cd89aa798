from django.urls import path

from actors import edit_views, views

urlpatterns = [
    path("actors/", views.ActorListView.as_view(), name="actor-list"),
    path("actors/<int:pk>/", views.ActorDetailView.as_view(), name="actor-detail"),
    path("actors/new/", edit_views.ActorFormView.as_view(), name="actor-create"),
    path("actors/<int:pk>/edit/", edit_views.ActorFormView.as_view(), name="actor-update"),
    path("actors/<int:pk>/delete/", edit_views.ActorDeleteView.as_view(), name="actor-delete"),
    path("actors/<int:actor>/mandates/new/", edit_views.MandateFormView.as_view(), name="mandate-create"),
    path("mandates/<int:pk>/edit/", edit_views.MandateFormView.as_view(), name="mandate-update"),
    path("mandates/<int:pk>/delete/", edit_views.MandateDeleteView.as_view(), name="mandate-delete"),
]
