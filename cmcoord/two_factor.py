"""Two-factor sign-in: who must use it, whether a session passed it, checking a code.

The devices are django-otp's: a TOTP device (an authenticator app) and a static device holding
the recovery codes. Pages (``accounts``), the API token endpoint and the API's session
authentication all ask here, so the rule is written once.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django_otp import devices_for_user
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from cmcoord.permissions import memberships
from cmcoord.roles import Role

RECOVERY_CODE_COUNT = 10
SENIOR_ROLES = {Role.OFFICER, Role.HCT}


def required_for(user) -> bool:
    """Officers, HCT/UNCT members (in any operation) and administrators must use two-factor."""
    if not settings.TWO_FACTOR_REQUIRED or not getattr(user, "is_authenticated", False):
        return False
    if user.is_staff or user.is_superuser:
        return True
    return any(role in SENIOR_ROLES for role in memberships(user).values())


def enrolled(user) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def needs_code(user) -> bool:
    """Whether a password alone does not sign this user in."""
    return enrolled(user) or required_for(user)


def session_passed(user) -> bool:
    """A signed-in session that gave a code, or whose user needs none."""
    is_verified = getattr(user, "is_verified", None)
    if is_verified is not None and is_verified():
        return True
    return not needs_code(user)


def check_code(request, user, code: str):
    """The device that accepts ``code`` (TOTP or a recovery code, used up), or None.

    A wrong code is reported like a wrong password (``user_login_failed``), so django-axes counts
    it towards the same lockout; the devices also slow down after each failure (django-otp).
    """
    code = "".join((code or "").split()).lower()
    device = None
    if code:
        with transaction.atomic():
            for candidate in devices_for_user(user, for_verify=True):
                if candidate.verify_token(code):
                    device = candidate
                    break
    if device is None:
        user_login_failed.send(
            sender=__name__, credentials={"username": user.get_username()}, request=request
        )
    return device


def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with fresh ones; each works once."""
    device, _ = StaticDevice.objects.get_or_create(user=user, name="recovery", defaults={"confirmed": True})
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def remove_devices(user) -> None:
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
