"""User API tokens (django-rest-knox): issued for username, password and a two-factor code.

POST /api/v1/auth/token/ issues a new token (only its digest is stored; it expires after
``REST_KNOX["TOKEN_TTL"]``); POST /api/v1/auth/logout/ (or DELETE /api/v1/auth/token/) revokes the
token used, POST /api/v1/auth/logout-all/ every token of the caller. Partner keys are not touched.
"""

from django.contrib.auth import authenticate
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import OpenApiResponse, extend_schema
from knox.settings import knox_settings
from rest_framework import status
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from cmcoord import two_factor
from cmcoord.api.serializers import TokenRequestSerializer, TokenSerializer
from cmcoord.api.throttling import PasswordThrottle
from cmcoord.models import UserToken
from cmcoord.permissions import is_partner

BAD_CREDENTIALS = gettext_lazy("Unable to sign in with these credentials.")
ENROL_FIRST = gettext_lazy(
    "Your account needs two-factor sign-in: sign in at %(url)s in a browser to set it up, "
    "then ask for a token again."
)
CODE_MISSING = gettext_lazy("Enter the code from your authenticator app (or a recovery code).")
CODE_WRONG = gettext_lazy("This code is wrong or has expired.")
NO_TOKEN_SENT = gettext_lazy("Send the token to revoke in the Authorization header.")


def _second_factor(request, user, code: str) -> None:
    """Refuse the token unless the user gave a valid code (when their account needs one)."""
    if not two_factor.needs_code(user):
        return
    if not two_factor.enrolled(user):
        setup = request.build_absolute_uri(reverse("accounts:two-factor-setup"))
        raise PermissionDenied(str(ENROL_FIRST) % {"url": setup})
    if not code:
        raise ValidationError({"otp": [CODE_MISSING]})
    if two_factor.check_code(request._request, user, code) is None:
        raise ValidationError({"otp": [CODE_WRONG]})


class TokenView(APIView):
    """Trade a username, password and two-factor code for an API token (rate-limited per address)."""

    permission_classes = [AllowAny]
    throttle_classes = [PasswordThrottle]

    @extend_schema(
        request=TokenRequestSerializer,
        responses={
            200: TokenSerializer,
            403: OpenApiResponse(
                description=gettext_lazy("Two-factor sign-in is required: set it up in a browser first.")
            ),
        },
        auth=[],
        summary=gettext_lazy("Get an API token"),
        description=gettext_lazy(
            "Send your username and password, and `otp` (a code from your authenticator app, "
            "or a recovery code) if your account uses two-factor sign-in: it is required for officers, "
            "HCT members and administrators. Each call issues a new token that expires at `expiry`; "
            "only a digest is stored, so keep the token: send it as `Authorization: Token <token>`. "
            "See and revoke your tokens on your account's token page."
        ),
    )
    def post(self, request):
        form = TokenRequestSerializer(data=request.data, context={"request": request})
        form.is_valid(raise_exception=True)
        data = form.validated_data
        user = authenticate(request=request._request, username=data["username"], password=data["password"])
        if user is None or not user.is_active:
            raise ValidationError({"non_field_errors": [BAD_CREDENTIALS]})
        _second_factor(request, user, data.get("otp", ""))
        token, key = UserToken.objects.create(user=user, expiry=knox_settings.TOKEN_TTL)
        return Response(TokenSerializer({"token": key, "expiry": token.expiry}).data)

    @extend_schema(
        request=None,
        responses={204: None},
        summary=gettext_lazy("Revoke the API token you used"),
        description=gettext_lazy("The same as POST /api/v1/auth/logout/."),
    )
    def delete(self, request):
        return _revoke(request, everything=False)


def _revoke(request, *, everything: bool) -> Response:
    user = request.user
    if not user.is_authenticated:
        raise PermissionDenied()
    if is_partner(user):
        raise PermissionDenied(_("Partner tokens are revoked by an officer."))
    if everything:
        UserToken.objects.filter(user=user).delete()
    elif isinstance(request.auth, UserToken):
        request.auth.delete()
    else:
        raise ValidationError({"non_field_errors": [NO_TOKEN_SENT]})
    return Response(status=status.HTTP_204_NO_CONTENT)


class LogoutView(APIView):
    @extend_schema(
        request=None,
        responses={204: None},
        summary=gettext_lazy("Revoke the API token you used"),
        description=gettext_lazy("The token in your `Authorization` header stops working at once."),
    )
    def post(self, request):
        return _revoke(request, everything=False)


class LogoutAllView(APIView):
    @extend_schema(
        request=None,
        responses={204: None},
        summary=gettext_lazy("Revoke all your API tokens"),
        description=gettext_lazy(
            "Every token you were issued stops working at once (partner keys are not affected)."
        ),
    )
    def post(self, request):
        return _revoke(request, everything=True)
