from django.urls import path

from cell import views

urlpatterns = [
    path("requests/", views.CellRequestListView.as_view(), name="cell-request-list"),
    path("requests/new/", views.cell_request_create, name="cell-request-create"),
    path("requests/<int:pk>/", views.CellRequestDetailView.as_view(), name="cell-request-detail"),
    path("requests/<int:pk>/table/", views.cell_request_table, name="cell-request-table"),
    path("requests/<int:pk>/answer/", views.cell_request_answer, name="cell-request-answer"),
    path("requests/<int:pk>/close/", views.cell_request_close, name="cell-request-close"),
    path("requests/<int:pk>/endorse/", views.cell_request_endorse, name="cell-request-endorse"),
]
