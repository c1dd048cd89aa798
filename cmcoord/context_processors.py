from cmcoord import queues
from cmcoord.reminders import unread_count


def notifications(request):
    """The unread count for the header badge, read lazily: pages that don't show it pay nothing."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": lambda: unread_count(user)}


def waiting(request):
    """The "Waiting for you" total for the header, counted once per request and only if shown."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"waiting_total": lambda: sum(queues.request_counts(request).values())}
