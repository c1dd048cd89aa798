"""API authentication for partner systems: `Authorization: Token cmp_...` scoped to one operation."""

from rest_framework import authentication, exceptions

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
            raise exceptions.AuthenticationFailed("Invalid, expired or revoked partner token.")
        return PartnerPrincipal(token), token

    def authenticate_header(self, request):
        return self.keyword
