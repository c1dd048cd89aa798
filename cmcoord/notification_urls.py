"""URLs of the signed-in user's notifications, under /notifications/."""

from django.urls import path

from cmcoord import notification_views as views

app_name = "notifications"

urlpatterns = [
    path("", views.notification_list, name="list"),
    path("<int:pk>/read/", views.notification_mark_read, name="mark-read"),
    path("read-all/", views.notification_mark_all_read, name="mark-all-read"),
    path("preferences/", views.notification_preferences, name="preferences"),
    path("calendar/reset/", views.calendar_feed_reset, name="calendar-reset"),
]
