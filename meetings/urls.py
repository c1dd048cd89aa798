from django.urls import path

from meetings import edit_views, views

app_name = "meetings"

urlpatterns = [
    path("meetings/", views.MeetingListView.as_view(), name="list"),
    path("meetings/<int:pk>/", views.MeetingDetailView.as_view(), name="detail"),
    path("meetings/<int:pk>/share/", views.meeting_share, name="share"),
    path("action-points/", views.ActionPointListView.as_view(), name="action-point-list"),
    path("action-points/<int:pk>/", views.action_point_detail, name="action-point-detail"),
    path("meetings/new/", edit_views.MeetingFormView.as_view(), name="create"),
    path("meetings/<int:pk>/edit/", edit_views.MeetingFormView.as_view(), name="update"),
    path("meetings/<int:pk>/delete/", edit_views.MeetingDeleteView.as_view(), name="delete"),
    path("action-points/new/", edit_views.ActionPointFormView.as_view(), name="action-point-create"),
    path(
        "action-points/<int:pk>/edit/", edit_views.ActionPointFormView.as_view(), name="action-point-update"
    ),
    path(
        "action-points/<int:pk>/delete/",
        edit_views.ActionPointDeleteView.as_view(),
        name="action-point-delete",
    ),
    path("forums/new/", edit_views.ForumFormView.as_view(), name="forum-create"),
    path("forums/<int:pk>/edit/", edit_views.ForumFormView.as_view(), name="forum-update"),
]
