from django.utils import timezone


class ResetTimeZoneMiddleware:
    """Each request starts in UTC; an operation's page switches to the operation's time zone."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timezone.deactivate()
        return self.get_response(request)
