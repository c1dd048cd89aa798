from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .operations import Operation


class NotificationKind(models.TextChoices):
    PHASE_OUT = "phase_out", _("MCDA phase-out ahead")
    PHASE_OUT_OVERDUE = "phase_out_overdue", _("MCDA past its phase-out date")
    ACTION_POINT_DUE = "action_point_due", _("Action point due tomorrow")
    ACTION_POINT_OVERDUE = "action_point_overdue", _("Action point overdue")
    ACTION_POINT_ASSIGNED = "action_point_assigned", _("Action point given to you")
    MEETING_TOMORROW = "meeting_tomorrow", _("Meeting tomorrow")
    CELL_REQUEST_UPDATE = "cell_request_update", _("Update on a cell request")
    INTERLOCUTOR_DECISION = "interlocutor_decision", _("Interlocutor decision")
    MEETING_SUMMARY = "meeting_summary", _("Summary and decisions of a meeting you attended")
    # Something entered a "Waiting for you" queue (cmcoord/queues.py): one kind per queue.
    QUEUE_NEW_REQUEST = "queue_new_request", _("New request or concern to triage")
    QUEUE_UNANSWERED = "queue_unanswered", _("Request unanswered for too long")
    QUEUE_RFA_TO_SEND = "queue_rfa_to_send", _("Endorsed RFA to send to the military")
    QUEUE_MILITARY_ANSWER = "queue_military_answer", _("Military answer to record")
    QUEUE_RFA_TO_ENDORSE = "queue_rfa_to_endorse", _("RFA awaiting your endorsement")
    QUEUE_STRATEGY_DRAFT = "queue_strategy_draft", _("Strategy draft awaiting approval")
    QUEUE_ANSWER = "queue_answer", _("Answer to your request")  # no longer sent: CELL_REQUEST_UPDATE is
    # The humanitarian notification system (hns/queues.py).
    HNS_MOVEMENT_NOT_RELAYED = "hns_movement_not_relayed", _("Notified movement starting soon, not relayed")
    HNS_ACKNOWLEDGEMENT_OVERDUE = "hns_ack_overdue", _("Party's acknowledgement overdue")
    HNS_SITE_EXPIRING = "hns_site_expiring", _("Notified site's validity ending")


# The reminders that also go out by e-mail (the others are in-app only).
EMAILED_KINDS = [
    NotificationKind.PHASE_OUT,
    NotificationKind.PHASE_OUT_OVERDUE,
    NotificationKind.ACTION_POINT_DUE,
    NotificationKind.ACTION_POINT_OVERDUE,
    NotificationKind.MEETING_TOMORROW,
    NotificationKind.QUEUE_NEW_REQUEST,
    NotificationKind.QUEUE_UNANSWERED,
    NotificationKind.QUEUE_RFA_TO_SEND,
    NotificationKind.QUEUE_MILITARY_ANSWER,
    NotificationKind.QUEUE_RFA_TO_ENDORSE,
    NotificationKind.QUEUE_STRATEGY_DRAFT,
    NotificationKind.CELL_REQUEST_UPDATE,
    NotificationKind.INTERLOCUTOR_DECISION,
    NotificationKind.MEETING_SUMMARY,
    NotificationKind.HNS_MOVEMENT_NOT_RELAYED,
    NotificationKind.HNS_ACKNOWLEDGEMENT_OVERDUE,
    NotificationKind.HNS_SITE_EXPIRING,
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
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    operation = models.ForeignKey(
        Operation, null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("operation")
    )
    kind = models.CharField(_("kind"), max_length=32, choices=NotificationKind.choices)
    title = models.CharField(_("title"), max_length=300)
    body = models.TextField(_("body"), blank=True)
    url = models.CharField(
        _("url"), max_length=500, blank=True, help_text=_("Path of the record it is about.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["recipient", "read_at", "-created_at"])]

    def __str__(self):
        return self.title


class NotificationPreference(models.Model):
    """A user's choice to receive a kind of notification by e-mail or not (in-app always)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preferences",
        verbose_name=_("user"),
    )
    kind = models.CharField(_("kind"), max_length=32, choices=NotificationKind.choices)
    email = models.BooleanField(_("email"), default=True)
    digest = models.BooleanField(
        _("daily digest"),
        default=False,
        help_text=_("Gather these e-mails into one a day instead of one each."),
    )

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="notification_preference_unique"),
        ]

    def __str__(self):
        how = "in the digest" if self.email and self.digest else ("on" if self.email else "off")
        return f"{self.user}: {self.kind} by e-mail {how}"


class ReminderDelivery(models.Model):
    """The record of one reminder to one recipient: it makes each reminder go out exactly once.

    ``subject`` names the record ("asset:12", "action_point:7", "meeting:3"), ``occasion`` the
    date it is about (a phase-out date, a due date, a meeting day) and ``lead_days`` how long
    before it (negative: after, for overdue reminders). A changed date is a new occasion.

    The in-app part (``notification``, ``notified_at``) is done at the first try and never waits
    for SMTP; the e-mail part (``email_state``) is retried with back-off (``next_attempt_at``)
    until it is accepted or the reminder no longer matters.
    """

    class Status(models.TextChoices):
        CLAIMED = "claimed", _("Claimed, being sent")
        SENT = "sent", _("Sent")
        # The in-app notification is out; the e-mail is retried at next_attempt_at.
        FAILED = "failed", _("E-mail failed, will be retried")
        # Never to be sent: its record changed (withdrawn asset, action point done, meeting
        # cancelled) or its recipient may no longer read it.
        SKIPPED = "skipped", _("Skipped, obsolete")
        # Replaced by a newer reminder about the same record before its e-mail went out.
        SUPERSEDED = "superseded", _("Superseded by a newer reminder")

    class EmailState(models.TextChoices):
        PENDING = "pending", _("To be sent")
        # Handed to the SMTP server at email_attempt_at; the outcome is not recorded yet.
        SENDING = "sending", _("Being sent")
        SENT = "sent", _("Accepted by the SMTP server")
        OFF = "off", _("Not by e-mail (turned off, no address or inactive account)")
        DROPPED = "dropped", _("Not sent: obsolete or superseded first")
        # The recipient chose the daily digest for this kind: the digest task sends it.
        DIGEST = "digest", _("Waiting for the daily digest")

    kind = models.CharField(_("kind"), max_length=32, choices=NotificationKind.choices)
    subject = models.CharField(_("subject"), max_length=64)
    occasion = models.DateField(_("occasion"))
    lead_days = models.IntegerField(_("lead days"))
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="reminder_deliveries",
        verbose_name=_("recipient"),
    )
    operation = models.ForeignKey(
        Operation, null=True, blank=True, on_delete=models.CASCADE, verbose_name=_("operation")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.CLAIMED)
    attempts = models.PositiveSmallIntegerField(
        _("attempts"), default=0, help_text=_("E-mail attempts so far.")
    )
    claimed_at = models.DateTimeField(_("claimed at"), auto_now_add=True)
    # When the dispatcher next hands it to a task if it is still pending: the task's lease, then
    # the e-mail's back-off after a failure.
    next_attempt_at = models.DateTimeField(_("next attempt at"), null=True, blank=True)
    notified_at = models.DateTimeField(_("notified at"), null=True, blank=True)
    email_state = models.CharField(
        _("email state"), max_length=10, choices=EmailState.choices, default=EmailState.PENDING
    )
    email_attempt_at = models.DateTimeField(_("email attempt at"), null=True, blank=True)
    sent_at = models.DateTimeField(
        _("sent at"), null=True, blank=True, help_text=_("When the SMTP server accepted it.")
    )
    last_error = models.TextField(_("last error"), blank=True)
    notification = models.ForeignKey(
        Notification, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("notification")
    )

    class Meta:
        ordering = ["-claimed_at"]
        verbose_name = _("reminder delivery")
        verbose_name_plural = _("reminder deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "subject", "occasion", "lead_days", "recipient"],
                name="reminder_once_per_recipient",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "claimed_at"]),
            models.Index(fields=["status", "next_attempt_at"], name="reminder_next_attempt"),
        ]

    def __str__(self):
        return f"{self.kind} {self.subject} {self.occasion} ({self.lead_days:+d} d) to {self.recipient}"


class Heartbeat(models.Model):
    """When a periodic job last completed (the reminder dispatcher): the health check reads it.

    ``watched_since`` is when the health check first looked for it, so a job that never ran at
    all turns stale too.
    """

    name = models.CharField(_("name"), max_length=40, unique=True)
    watched_since = models.DateTimeField(_("watched since"))
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("heartbeat")
        verbose_name_plural = _("heartbeats")

    def __str__(self):
        return f"{self.name}: {self.completed_at or 'never'}"
