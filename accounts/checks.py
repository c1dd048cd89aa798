"""`manage.py check --deploy` warns when two-factor sign-in is switched off."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def two_factor_required(app_configs, **kwargs):
    if settings.TWO_FACTOR_REQUIRED:
        return []
    return [
        checks.Warning(
            "Two-factor sign-in is not required (DJANGO_REQUIRE_2FA=false): officers, HCT members "
            "and administrators can sign in with a password alone.",
            hint="Set DJANGO_REQUIRE_2FA=true (the default); turn it off only for a local demo.",
            id="accounts.W001",
        )
    ]
