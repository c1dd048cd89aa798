from django.urls import path

from actors import views

urlpatterns = [
    path("actors/", views.ActorListView.as_view(), name="actor-list"),
    path("actors/<int:pk>/", views.ActorDetailView.as_view(), name="actor-detail"),
    path("actors/<int:pk>/decide/", views.actor_decide, name="actor-decide"),
]
