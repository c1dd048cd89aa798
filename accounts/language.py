"""The language switcher on every page: Django's ``set_language``, and a signed-in user's choice is
saved on their account, so it follows them to other devices, e-mails and notifications."""

from django.conf import settings
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from cmcoord import i18n, two_factor


@require_POST
def set_language(request):
    """Sets the language cookie (Django) and saves the choice; an empty choice means "my browser's"."""
    language = request.POST.get("language", "")
    response = django_set_language(request)
    if language and language not in i18n.supported():
        return response
    if not language:
        response.delete_cookie(settings.LANGUAGE_COOKIE_NAME)
    user = request.user
    # A session that has not passed two-factor sign-in changes only its own cookie.
    if user.is_authenticated and two_factor.session_passed(user) and user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return response
