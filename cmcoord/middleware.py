from django.utils import timezone, translation

from cmcoord import i18n


class ResetTimeZoneMiddleware:
    """Each request starts in UTC; an operation's page switches to the operation's time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timezone.deactivate()
        return self.get_response(request)


class UserLanguageMiddleware:
    """The page's language: the signed-in user's choice, else the browser's, else the operation's.

    Runs after LocaleMiddleware (which took Accept-Language, or English when the browser asks for
    no language we have) and AuthenticationMiddleware. ``cmcoord.i18n.request_language`` decides.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = i18n.request_language(request)
        if language != translation.get_language():
            translation.activate(language)
            request.LANGUAGE_CODE = language
        return self.get_response(request)
