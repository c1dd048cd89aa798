from django.conf import settings
from django.db import models

from .operations import Operation


class NotificationKind(models.TextChoices):
    PHASE_OUT = "phase_out", "MCDA phase-out ahead"
    PHASE_OUT_OVERDUE = "phase_out_overdue", "MCDA past its phase-out date"
    ACTION_POINT_DUE = "action_point_due", "Action point due tomorrow"
    ACTION_POINT_OVERDUE = "action_point_overdue", "Action point overdue"
    ACTION_POINT_ASSIGNED = "action_point_assigned", "Action point given to you"
    MEETING_TOMORROW = "meeting_tomorrow", "Meeting tomorrow"
    CELL_REQUEST_UPDATE = "cell_request_update", "Update on a cell request"
    INTERLOCUTOR_DECISION = "interlocutor_decision", "Interlocutor decision"


# The reminders that also go out by e-mail (the others are in-app only).
EMAILED_KINDS = [
    NotificationKind.PHASE_OUT,
    NotificationKind.PHASE_OUT_OVERDUE,
    NotificationKind.ACTION_POINT_DUE,
    NotificationKind.ACTION_POINT_OVERDUE,
    NotificationKind.MEETING_TOMORROW,
]


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        from cmcoord.permissions import is_partner

        if not user.is_authenticated or is_partner(user):
            return self.none()
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """An in-app message to one user."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    operation = models.ForeignKey(Operation, null=True, blank=True, on_delete=models.CASCADE)
    kind = models.CharField(max_length=32, choices=NotificationKind.choices)
    title = models.CharField(max_length=300)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500, blank=True, help_text="Path of the record it is about.")
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at", "-created_at"])]

    def __str__(self):
        return self.title


class NotificationPreference(models.Model):
    """A user's choice to receive a kind of notification by e-mail or not (in-app always)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=32, choices=NotificationKind.choices)
    email = models.BooleanField(default=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_unique"),
        ]

    def __str__(self):
        return f"{self.user}: {self.kind} by e-mail {'on' if self.email else 'off'}"


class ReminderDelivery(models.Model):
    """The record of one reminder to one recipient: it makes each reminder go out exactly once.

    ``subject`` names the record ("asset:12", "action_point:7", "meeting:3"), ``occasion`` the
    date it is about (a phase-out date, a due date, a meeting day) and ``lead_days`` how long
    before it (negative: after, for overdue reminders). A changed date is a new occasion.
    """

    class Status(models.TextChoices):
        CLAIMED = "claimed", "Claimed, being sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Failed, will be retried"
        # Never to be sent: a more urgent lead time superseded it (catch-up after an outage),
        # or its record changed (withdrawn asset, action point done, meeting cancelled).
        SKIPPED = "skipped", "Skipped, superseded or obsolete"

    kind = models.CharField(max_length=32, choices=NotificationKind.choices)
    subject = models.CharField(max_length=64)
    occasion = models.DateField()
    lead_days = models.IntegerField()
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reminder_deliveries"
    )
    operation = models.ForeignKey(Operation, null=True, blank=True, on_delete=models.CASCADE)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.CLAIMED)
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    notification = models.ForeignKey(Notification, null=True, blank=True, on_delete=models.SET_NULL)

    class Meta:
        ordering = ["-claimed_at"]
        verbose_name_plural = "reminder deliveries"
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "subject", "occasion", "lead_days", "recipient"],
                name="reminder_once_per_recipient",
            ),
        ]
        indexes = [models.Index(fields=["status", "claimed_at"])]

    def __str__(self):
        return f"{self.kind} {self.subject} {self.occasion} ({self.lead_days:+d} d) to {self.recipient}"
