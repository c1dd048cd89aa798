from django.urls import path

from cell import views

app_name = "cell"

urlpatterns = [
    path("requests/", views.CellRequestListView.as_view(), name="request-list"),
    path("requests/new/", views.cell_request_create, name="request-create"),
    path("requests/<int:pk>/", views.CellRequestDetailView.as_view(), name="request-detail"),
    path("requests/<int:pk>/table/", views.cell_request_table, name="request-table"),
    path("requests/<int:pk>/answer/", views.cell_request_answer, name="request-answer"),
    path("requests/<int:pk>/close/", views.cell_request_close, name="request-close"),
    path("requests/<int:pk>/endorse/", views.cell_request_endorse, name="request-endorse"),
]
