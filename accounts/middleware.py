"""Sessions signed in with a password but not yet the second factor reach only the two-factor pages.

A user who must use two-factor but has not enrolled is sent to enrolment; an enrolled user to the
code page. The API is not redirected here: its session authentication refuses such sessions
(``cmcoord.authentication.VerifiedSessionAuthentication``), and tokens need a code to be issued.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from cmcoord import two_factor

OPEN_URL_NAMES = [
    "login",
    "logout",
    "set_language",
    "healthz",
    "accounts:two-factor-setup",
    "accounts:two-factor-verify",
]


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self._open_paths = None

    def open_paths(self) -> tuple[str, ...]:
        if self._open_paths is None:
            prefixes = [f"/{settings.STATIC_URL.lstrip('/')}", f"/{settings.MEDIA_URL.lstrip('/')}", "/api/"]
            self._open_paths = tuple([reverse(name) for name in OPEN_URL_NAMES] + prefixes)
        return self._open_paths

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and not request.path.startswith(self.open_paths())
            and not two_factor.session_passed(user)
        ):
            return self.second_step(request, user)
        return self.get_response(request)

    def second_step(self, request, user):
        name = "accounts:two-factor-verify" if two_factor.enrolled(user) else "accounts:two-factor-setup"
        query = urlencode({"next": request.get_full_path()}) if request.method == "GET" else ""
        return redirect(f"{reverse(name)}{'?' + query if query else ''}")
