from django.urls import path

from imports import views

app_name = "imports"

urlpatterns = [
    path("import/", views.ImportStartView.as_view(), name="start"),
    path("import/<int:pk>/", views.ImportBatchView.as_view(), name="batch"),
]
