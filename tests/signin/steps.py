"""Signing in as a person does, through the pages: password, then the second step."""

import re
from base64 import b32decode

from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

PASSWORD = "correct-horse-battery-staple"


def sign_in_with_password(client, username, next_url=""):
    data = {"username": username, "password": PASSWORD}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("login"), data)


def secret_shown(page: str) -> bytes:
    """The secret key the enrolment page shows as text, as an authenticator app reads it."""
    text = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page).group(1)
    return b32decode(text.replace(" ", ""))


def code_from(key: bytes) -> str:
    """The code an authenticator app shows now for this secret (RFC 6238, as django-otp computes)."""
    return f"{totp(key):06d}"


def enrolled(user) -> TOTPDevice:
    """A user who set up an authenticator earlier."""
    return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def code_for(device: TOTPDevice) -> str:
    return code_from(device.bin_key)
