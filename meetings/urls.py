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
    path("meetings/<int:pk>/edit/", edit_views.MeetingEditView.as_view(), name="update"),
    # The meeting's edit pages, one section each (issue 11): each saves on its own.
    path("meetings/<int:pk>/edit/details/", edit_views.MeetingDetailsView.as_view(), name="edit-details"),
    path("meetings/<int:pk>/edit/agenda/", edit_views.MeetingAgendaView.as_view(), name="edit-agenda"),
    path(
        "meetings/<int:pk>/edit/participants/",
        edit_views.MeetingParticipantsView.as_view(),
        name="edit-participants",
    ),
    path(
        "meetings/<int:pk>/edit/attendance/",
        edit_views.MeetingAttendanceView.as_view(),
        name="edit-attendance",
    ),
    path(
        "meetings/<int:pk>/edit/decisions/", edit_views.MeetingDecisionsView.as_view(), name="edit-decisions"
    ),
    path("meetings/<int:pk>/edit/minutes/", edit_views.MeetingMinutesView.as_view(), name="edit-minutes"),
    # The record on paper, as a document, and to the participants by e-mail.
    path("meetings/<int:pk>/print/", views.MeetingPrintView.as_view(), name="print"),
    path("meetings/<int:pk>/record.docx", views.meeting_record_docx, name="record-docx"),
    path("meetings/<int:pk>/send-summary/", views.MeetingSendSummaryView.as_view(), name="send-summary"),
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
