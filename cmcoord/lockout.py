"""What a locked-out sign-in gets: JSON for the API, a page for people."""

from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

MESSAGE = _("Too many failed sign-ins: this account is paused for 30 minutes from this connection.")


def lockout_response(request, original_response, credentials):
    if request.path.startswith("/api/"):
        return JsonResponse({"detail": str(MESSAGE)}, status=429)
    return render(request, "registration/locked_out.html", status=429)
