"""The core's pages of an operation (under /operations/<op>/): members, partner tokens, the security
context per area, the country guidelines and their files."""

from django.urls import path

from cmcoord import record_views, views

app_name = "cmcoord"

urlpatterns = [
    path("settings/", views.OperationSettingsView.as_view(), name="settings"),
    path("members/", views.MembersView.as_view(), name="members"),
    path("partner-tokens/", views.PartnerTokensView.as_view(), name="partner-token-list"),
    path("partner-tokens/<int:pk>/revoke/", views.partner_token_revoke, name="partner-token-revoke"),
    # Security context and guidelines (issue 11): read by members, kept by officers.
    path("security/", views.SecurityListView.as_view(), name="security-list"),
    path("security/new/", record_views.SecurityFormView.as_view(), name="security-create"),
    path("security/<int:pk>/", views.SecurityDetailView.as_view(), name="security-detail"),
    path("security/<int:pk>/edit/", record_views.SecurityFormView.as_view(), name="security-update"),
    path("security/<int:pk>/delete/", record_views.SecurityDeleteView.as_view(), name="security-delete"),
    path("guidelines/", views.GuidelineListView.as_view(), name="guideline-list"),
    path("guidelines/new/", record_views.GuidelineFormView.as_view(), name="guideline-create"),
    path("guidelines/<int:pk>/", views.GuidelineDetailView.as_view(), name="guideline-detail"),
    path("guidelines/<int:pk>/edit/", record_views.GuidelineFormView.as_view(), name="guideline-update"),
    path("guidelines/<int:pk>/approve/", views.guideline_approve, name="guideline-approve"),
    path("guidelines/<int:pk>/archive/", views.guideline_archive, name="guideline-archive"),
    path("guidelines/<int:pk>/file/", views.GuidelineFileView.as_view(), name="guideline-file"),
]
