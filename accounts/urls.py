"""Your account: two-factor sign-in and your API tokens (namespace "accounts")."""

from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.account, name="account"),
    path("two-factor/setup/", views.two_factor_setup, name="two-factor-setup"),
    path("two-factor/verify/", views.two_factor_verify, name="two-factor-verify"),
    path("two-factor/recovery-codes/", views.recovery_codes, name="recovery-codes"),
    path("tokens/", views.token_list, name="token-list"),
    path("tokens/<str:key>/revoke/", views.token_revoke, name="token-revoke"),
]
