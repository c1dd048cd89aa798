from django.urls import path

from assets import views

urlpatterns = [
    path("assets/", views.AssetListView.as_view(), name="asset-list"),
    path("assets/<int:pk>/", views.AssetDetailView.as_view(), name="asset-detail"),
    path("dependencies/", views.DependencyListView.as_view(), name="dependency-list"),
]
