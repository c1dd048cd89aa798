"""API authentication: partner keys (`Token cmp_...`, one operation) and two-factor-aware sessions."""

from datetime import timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from knox.auth import TokenAuthentication
from rest_framework import authentication, exceptions

from cmcoord import two_factor
from cmcoord.models.tokens import TOKEN_PREFIX
from cmcoord.permissions import PartnerPrincipal
from cmcoord.services import partner_token_authenticate


class PartnerTokenAuthentication(authentication.BaseAuthentication):
    """Reads only partner keys (prefixed ``cmp_``); user tokens fall through to DRF's own."""

    keyword = "Token"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if len(header) != 2 or header[0].lower() != self.keyword.lower().encode():
            return None
        raw = header[1].decode(errors="ignore")
        if not raw.startswith(TOKEN_PREFIX):
            return None
        token = partner_token_authenticate(raw)
        if token is None:
            raise exceptions.AuthenticationFailed(_("Invalid, expired or revoked partner token."))
        return PartnerPrincipal(token), token

    def authenticate_header(self, request):
        return self.keyword


class VerifiedSessionAuthentication(authentication.SessionAuthentication):
    """The browser's session, once it passed two-factor sign-in where that is needed.

    A session signed in with a password but no code yet is treated as no session (401), so a
    half-signed-in officer cannot read the API from the browser either.
    """

    def authenticate(self, request):
        result = super().authenticate(request)
        if result is None or two_factor.session_passed(result[0]):
            return result
        return None


class UserTokenAuthentication(TokenAuthentication):
    """A user's API token (knox: digest lookup, expiry), noting when it was last used.

    ``last_used`` is written at most once a minute per token, so a busy script costs no write
    per request.
    """

    LAST_USED_PRECISION = timedelta(minutes=1)

    def validate_user(self, auth_token):
        result = super().validate_user(auth_token)
        now = timezone.now()
        if auth_token.last_used is None or now - auth_token.last_used > self.LAST_USED_PRECISION:
            type(auth_token).objects.filter(pk=auth_token.pk).update(last_used=now)
        return result
