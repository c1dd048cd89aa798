"""URLs of the user's notifications (filled in by the reminders work)."""

urlpatterns = []
