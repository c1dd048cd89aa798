from django.urls import path

from cell import views

app_name = "cell"

urlpatterns = [
    path("requests/", views.CellRequestListView.as_view(), name="request-list"),
    path("requests/new/", views.cell_request_create, name="request-create"),
    path("requests/<int:pk>/", views.CellRequestDetailView.as_view(), name="request-detail"),
    path("requests/<int:pk>/print/", views.CellRequestPrintView.as_view(), name="request-print"),
    path("requests/<int:pk>/triage/", views.cell_request_triage, name="request-triage"),
    path("requests/<int:pk>/table/", views.cell_request_table, name="request-table"),
    path("requests/<int:pk>/answer/", views.cell_request_answer, name="request-answer"),
    path("requests/<int:pk>/close/", views.cell_request_close, name="request-close"),
    path("requests/<int:pk>/endorse/", views.cell_request_endorse, name="request-endorse"),
    path("requests/<int:pk>/send/", views.rfa_send, name="request-send"),
    path("requests/<int:pk>/military-answer/", views.rfa_record_answer, name="request-military-answer"),
    path(
        "requests/<int:request_pk>/deployment/",
        views.RfaDeploymentFormView.as_view(),
        name="request-deployment",
    ),
]
