from cmcoord.reminders import unread_count


def notifications(request):
    """The unread count for the header badge, read lazily: pages that don't show it pay nothing."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {"unread_notifications": lambda: unread_count(user)}
