"""POST /api/v1/auth/token/: a user's API token from username and password; DELETE revokes it."""

from django.contrib.auth import authenticate
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.authtoken.models import Token
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from cmcoord.api.serializers import TokenRequestSerializer, TokenSerializer
from cmcoord.api.throttling import PasswordThrottle
from cmcoord.permissions import is_partner

BAD_CREDENTIALS = "Unable to sign in with these credentials."


class TokenView(APIView):
    """Trade a username and password for an API token (rate-limited per address)."""

    permission_classes = [AllowAny]
    throttle_classes = [PasswordThrottle]

    @extend_schema(
        request=TokenRequestSerializer,
        responses={200: TokenSerializer},
        auth=[],
        summary="Get your API token",
        description="Send your username and password; keep the token secret and send it as "
        "`Authorization: Token <token>`. The same token is returned until you revoke it.",
    )
    def post(self, request):
        form = TokenRequestSerializer(data=request.data, context={"request": request})
        form.is_valid(raise_exception=True)
        user = authenticate(request=request._request, **form.validated_data)
        if user is None or not user.is_active:
            raise ValidationError({"non_field_errors": [BAD_CREDENTIALS]})
        token, _ = Token.objects.get_or_create(user=user)
        return Response(TokenSerializer({"token": token.key}).data)

    @extend_schema(
        request=None,
        responses={204: None},
        summary="Revoke your API token",
        description="Deletes the token you used; get a new one with POST.",
    )
    def delete(self, request):
        user = request.user
        if not user.is_authenticated:
            self.permission_denied(request)
        if is_partner(user):
            self.permission_denied(request, message="Partner tokens are revoked by an officer.")
        Token.objects.filter(user=user).delete()
        return Response(status=status.HTTP_204_NO_CONTENT)
