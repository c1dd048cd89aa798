"""The core's pages of an operation (under /operations/<op>/): members, partner tokens, security,
the guidelines' files."""

from django.urls import path

from cmcoord import views

app_name = "cmcoord"

urlpatterns = [
    path("settings/", views.OperationSettingsView.as_view(), name="settings"),
    path("members/", views.MembersView.as_view(), name="members"),
    path("partner-tokens/", views.PartnerTokensView.as_view(), name="partner-token-list"),
    path("partner-tokens/<int:pk>/revoke/", views.partner_token_revoke, name="partner-token-revoke"),
    path("security/", views.SecurityListView.as_view(), name="security-list"),
    path("guidelines/<int:pk>/file/", views.GuidelineFileView.as_view(), name="guideline-file"),
]
