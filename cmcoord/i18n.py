"""Which language a person reads: the one place that decides it for pages, e-mails and notifications.

Order: the language the user chose (saved on their account), then for a request the browser's
(Accept-Language, handled by Django's LocaleMiddleware), then the operation's default language,
then English. Texts composed for someone else (a notification, an e-mail) are built inside
``translation.override(language_for(recipient, operation))``.
"""

import re

from django.conf import settings
from django.utils import translation
from django.utils.translation.trans_real import parse_accept_lang_header


def supported() -> set[str]:
    """The languages we ship (read each time: tests add a pseudo-locale to LANGUAGES)."""
    return {code for code, _name in settings.LANGUAGES}


def language_for(user, operation=None) -> str:
    """The language to write to ``user`` in, outside a request of theirs."""
    chosen = getattr(user, "language", "") or ""
    if chosen in supported():
        return chosen
    default = getattr(operation, "default_language", "") or ""
    if default in supported():
        return default
    return settings.LANGUAGE_CODE


def override_for(user, operation=None):
    """``with override_for(recipient, operation): ...`` composes a text in the recipient's language."""
    return translation.override(language_for(user, operation))


OPERATION_PATH = re.compile(r"^/operations/(?P<op>\d+)/")


def browser_language(request) -> str:
    """The language the browser asks for (the switcher's cookie, then Accept-Language), if we have it."""
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    if cookie in supported():
        return cookie
    return header_language(request)


def header_language(request) -> str:
    for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", "")):
        try:
            return translation.get_supported_language_variant(code)
        except LookupError:
            continue
    return ""


def request_language(request) -> str:
    """The language of a page: the user's saved choice, the browser's, the operation's, English.

    The API answers in the request's Accept-Language first: a client asks for what it shows.
    """
    if request.path_info.startswith("/api/") and header_language(request):
        return header_language(request)
    user = getattr(request, "user", None)
    chosen = getattr(user, "language", "") or ""
    if chosen in supported():
        return chosen
    return browser_language(request) or language_for(user, _operation_of(request, user))


def _operation_of(request, user):
    """The operation in the URL, else the user's only operation: its default language applies."""
    if user is None or not user.is_authenticated:
        return None
    from cmcoord.models import Operation

    visible = Operation.objects.for_user(user)
    match = OPERATION_PATH.match(request.path_info)
    if match:
        return visible.filter(pk=match["op"]).first()
    only = list(visible[:2])
    return only[0] if len(only) == 1 else None
