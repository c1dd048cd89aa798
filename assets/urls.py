from django.urls import path

from assets import edit_views, views

app_name = "assets"

urlpatterns = [
    path("assets/", views.AssetListView.as_view(), name="list"),
    path("assets/timeline/", views.AssetTimelineView.as_view(), name="timeline"),
    path("assets/<int:pk>/", views.AssetDetailView.as_view(), name="detail"),
    path("dependencies/", views.DependencyListView.as_view(), name="dependency-list"),
    path("assets/new/", edit_views.AssetFormView.as_view(), name="create"),
    path("assets/<int:pk>/edit/", edit_views.AssetFormView.as_view(), name="update"),
    path("assets/<int:pk>/delete/", edit_views.AssetDeleteView.as_view(), name="delete"),
    path("dependencies/new/", edit_views.DependencyFormView.as_view(), name="dependency-create"),
    path("dependencies/<int:pk>/edit/", edit_views.DependencyFormView.as_view(), name="dependency-update"),
    path(
        "dependencies/<int:pk>/delete/", edit_views.DependencyDeleteView.as_view(), name="dependency-delete"
    ),
]
