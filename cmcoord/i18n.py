"""Which language a person reads: the one place that decides it for pages, e-mails and notifications.

Order: the language the user chose (saved on their account), then for a request the browser's
(Accept-Language, handled by Django's LocaleMiddleware), then the operation's default language,
then English. Texts composed for someone else (a notification, an e-mail) are built inside
``translation.override(language_for(recipient, operation))``.
"""

from django.conf import settings
from django.utils import translation

SUPPORTED = {code for code, _name in settings.LANGUAGES}


def language_for(user, operation=None) -> str:
    """The language to write to ``user`` in, outside a request of theirs."""
    chosen = getattr(user, "language", "") or ""
    if chosen in SUPPORTED:
        return chosen
    default = getattr(operation, "default_language", "") or ""
    if default in SUPPORTED:
        return default
    return settings.LANGUAGE_CODE


def override_for(user, operation=None):
    """``with override_for(recipient, operation): ...`` composes a text in the recipient's language."""
    return translation.override(language_for(user, operation))
