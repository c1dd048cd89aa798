"""Account pages: set up and pass two-factor sign-in, recovery codes, your API tokens."""

from base64 import b32encode

import django_otp
import segno
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.forms import CodeForm, EnrolCodeForm
from cmcoord import two_factor
from cmcoord.lockout import lockout_response
from cmcoord.models import UserToken

ENROL_MISMATCH = gettext_lazy(
    "This code does not match. Check the time on your phone and try the current code."
)
WRONG_CODE = gettext_lazy("This code is wrong or has expired. Wait a few seconds before trying again.")


def _next_url(request) -> str:
    """Where to go once signed in: the page asked for, if it is on this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse("home")


def _is_verified(user) -> bool:
    return bool(getattr(user, "is_verified", lambda: False)())


@login_required
def account(request):
    user = request.user
    return render(
        request,
        "accounts/account.html",
        {
            "enrolled": two_factor.enrolled(user),
            "required": two_factor.required_for(user),
            "codes_left": two_factor.recovery_codes_left(user),
            "token_count": UserToken.objects.filter(user=user, expiry__gt=timezone.now()).count(),
        },
    )


def _pending_device(user) -> TOTPDevice:
    """The authenticator being set up: the same secret until it is confirmed with a code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def _secret_text(device) -> str:
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


@login_required
def two_factor_setup(request):
    user = request.user
    if two_factor.enrolled(user):
        return redirect(_next_url(request) if _is_verified(user) else reverse("accounts:two-factor-verify"))
    device = _pending_device(user)
    form = EnrolCodeForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["code"].strip()):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            codes = two_factor.new_recovery_codes(user)
            request.session.cycle_key()
            django_otp.login(request, device)
            return _show_recovery_codes(request, codes, _next_url(request), new=True)
        form.add_error("code", ENROL_MISMATCH)
    context = {
        "form": form,
        "qr_svg": segno.make(device.config_url, error="m").svg_inline(scale=4, title=_("QR code to scan")),
        "secret": _secret_text(device),
        "required": two_factor.required_for(user),
        "next": _next_url(request),
    }
    return render(request, "accounts/two_factor_setup.html", context)


@login_required
def two_factor_verify(request):
    user = request.user
    if _is_verified(user):
        return redirect(_next_url(request))
    if not two_factor.enrolled(user):
        return redirect("accounts:two-factor-setup")
    form = CodeForm(request.POST or None)
    if form.is_valid():
        device = two_factor.check_code(request, user, form.cleaned_data["code"])
        if device is not None:
            request.session.cycle_key()
            django_otp.login(request, device)
            return redirect(_next_url(request))
        if getattr(request, "axes_locked_out", False):
            # Too many wrong passwords and codes: the half-signed-in session ends too.
            logout(request)
            return lockout_response(request, None, None)
        form.add_error("code", WRONG_CODE)
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": _next_url(request)})


@login_required
@require_POST
def recovery_codes(request):
    """New recovery codes (the old ones stop working): for a signed-in, enrolled user."""
    if not two_factor.enrolled(request.user):
        raise Http404
    codes = two_factor.new_recovery_codes(request.user)
    return _show_recovery_codes(request, codes, reverse("accounts:account"), new=False)


def _show_recovery_codes(request, codes, next_url, *, new):
    """Shown once, right after they are made: only their owner's browser ever sees them."""
    context = {"codes": codes, "next": next_url, "new": new}
    response = render(request, "accounts/recovery_codes.html", context)
    response["Cache-Control"] = "no-store"
    return response


@login_required
def token_list(request):
    tokens = UserToken.objects.filter(user=request.user, expiry__gt=timezone.now()).order_by("-created")
    return render(request, "accounts/token_list.html", {"tokens": tokens})


@login_required
@require_POST
def token_revoke(request, key):
    """Revoke one of your own tokens; another person's token (or none) is not found."""
    deleted, _count = UserToken.objects.filter(user=request.user, token_key=key).delete()
    if not deleted:
        raise Http404
    messages.success(request, _("Token revoked: it no longer opens anything."))
    return redirect("accounts:token-list")
