"""The UN-CMCoord cell's forums, meetings, agenda, participants, decisions and action points.

What field staff send to the cell (requests, concerns, RFAs) lives in ``cell``, the layer above."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from actors.models import Actor
from cmcoord.models import Operation, OperationHistory, OperationRecord, Sensitivity
from cmcoord.permissions import scope_owned, scope_records, scope_records_with_grants, scope_through
from cmcoord.validators import validate_calendar_range
from contacts.models import Contact
from meetings.rules import scope_participants


class ForumKind(models.TextChoices):
    CMCOORD_CELL = "cmcoord_cell", _("UN-CMCoord cell")
    # Translators: Humanitarian-Military Operational Coordination Concept/Centre; keep the acronym.
    HUMOCC = "humocc", _("HuMOCC")
    WORKING_GROUP = "working_group", _("Civil-military working group")
    ADVISORY_FORUM = "advisory_forum", _("Advisory forum")
    OTHER = "other", pgettext_lazy("kind of forum", "Other")


class ForumQuerySet(models.QuerySet):
    def for_user(self, user):
        """Members read shareable and internal forums; partner systems read none."""
        return scope_records(self, user, partners=False)


class CoordinationForum(OperationRecord):
    """The standing cell (or HuMOCC, working group): who sits in it and how often it meets."""

    in_operation_history = True  # its changes show on the operation's history page

    operation = models.ForeignKey(
        Operation, on_delete=models.CASCADE, related_name="forums", verbose_name=_("operation")
    )
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=24, choices=ForumKind.choices)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("chair"),
        help_text=_("A humanitarian chairs the forum."),
    )
    rhythm = models.CharField(_("rhythm"), max_length=120, blank=True, help_text=_("e.g. Mon/Wed/Fri 08:30"))
    location = models.CharField(_("location"), max_length=200, blank=True)
    terms_of_reference = models.TextField(_("terms of reference"), blank=True)
    sensitivity = models.CharField(
        _("sensitivity"), max_length=16, choices=Sensitivity.choices, default=Sensitivity.INTERNAL
    )
    history = HistoricalRecords()

    objects = ForumQuerySet.as_manager()
    member_fields = ("chair",)

    class Meta:
        verbose_name = _("coordination forum")
        verbose_name_plural = _("coordination forums")
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["operation", "name"], name="forum_unique_name_in_operation"),
        ]

    def __str__(self):
        return self.name


class PartOfMeetingQuerySet(models.QuerySet):
    """Agenda items, decisions and participants: visible with their meeting."""

    def for_user(self, user):
        return scope_through(self, user, "meeting", Meeting.objects)


class ParticipantQuerySet(models.QuerySet):
    def for_user(self, user):
        return scope_participants(
            self, user, meetings=Meeting.objects, actors=Actor.objects, contacts=Contact.objects
        )


class ForumMemberQuerySet(models.QuerySet):
    def for_user(self, user):
        """Seats follow their forum, and name only actors the reader may see."""
        seats = scope_through(self, user, "forum", CoordinationForum.objects)
        return seats.filter(actor__in=Actor.objects.for_user(user).values("pk"))


class ForumMember(models.Model):
    """A standing member of a forum: an actor and, where known, its representative."""

    in_operation_history = True  # its changes show on the operation's history page

    forum = models.ForeignKey(
        CoordinationForum, on_delete=models.CASCADE, related_name="members", verbose_name=_("forum")
    )
    actor = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="forum_seats", verbose_name=_("actor")
    )
    representative = models.ForeignKey(
        Contact,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("representative"),
    )
    history = HistoricalRecords(bases=[OperationHistory])

    objects = ForumMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("forum member")
        verbose_name_plural = _("forum members")
        ordering = ["actor__name"]
        constraints = [
            models.UniqueConstraint(fields=["forum", "actor"], name="forum_member_once"),
        ]

    def __str__(self):
        return _("%(actor)s in %(forum)s") % {"actor": self.actor, "forum": self.forum}

    def clean(self):
        super().clean()
        if self.forum_id and self.actor_id and self.actor.operation_id != self.forum.operation_id:
            raise ValidationError({"actor": _("This actor belongs to another operation.")})
        if self.representative_id and self.actor_id and self.representative.actor_id != self.actor_id:
            raise ValidationError(
                {"representative": _("The representative must be a contact of this actor.")}
            )


class MeetingQuerySet(models.QuerySet):
    def for_user(self, user):
        return scope_records_with_grants(self, user)

    def upcoming(self, now):
        return self.filter(starts_at__gte=now).order_by("starts_at")


class Meeting(OperationRecord):
    """One sitting of a forum, or a bilateral meeting, chaired by a humanitarian."""

    in_operation_history = True  # its changes show on the operation's history page

    class Kind(models.TextChoices):
        FORUM_SITTING = "forum_sitting", _("Forum sitting")
        BILATERAL = "bilateral", _("Bilateral meeting")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", pgettext_lazy("meeting status", "Scheduled")
        HELD = "held", pgettext_lazy("meeting status", "Held")
        CANCELLED = "cancelled", pgettext_lazy("meeting status", "Cancelled")

    operation = models.ForeignKey(
        Operation, on_delete=models.CASCADE, related_name="meetings", verbose_name=_("operation")
    )
    forum = models.ForeignKey(
        CoordinationForum,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
        verbose_name=_("forum"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices, default=Kind.FORUM_SITTING)
    title = models.CharField(_("title"), max_length=200)
    starts_at = models.DateTimeField(_("starts at"), validators=[validate_calendar_range])
    ends_at = models.DateTimeField(_("ends at"), validators=[validate_calendar_range])
    location = models.CharField(_("location"), max_length=200, blank=True)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("chair"),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.SCHEDULED)
    summary = models.TextField(_("summary"), blank=True, help_text=_("Shared with field staff."))
    # Translators: HCT = Humanitarian Country Team.
    minutes = models.TextField(_("minutes"), blank=True, help_text=_("Restricted: officers and HCT only."))
    sensitivity = models.CharField(
        _("sensitivity"), max_length=16, choices=Sensitivity.choices, default=Sensitivity.INTERNAL
    )
    # "Send summary to participants": taken once (a conditional update), then shown on the page.
    summary_sent_at = models.DateTimeField(
        _("summary sent at"), null=True, blank=True, editable=False, validators=[validate_calendar_range]
    )
    summary_sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("summary sent by"),
    )
    history = HistoricalRecords()

    objects = MeetingQuerySet.as_manager()
    same_operation_fields = ("forum",)
    member_fields = ("chair",)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["-starts_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_start"
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="forum_sitting") | models.Q(forum__isnull=False),
                name="meeting_forum_sitting_has_forum",
            ),
        ]
        indexes = [
            models.Index(fields=["operation", "-starts_at", "-id"], name="meeting_op_starts_id"),
            models.Index(fields=["-starts_at", "-id"], name="meeting_starts_id"),
            models.Index(fields=["updated_at", "id"], name="meeting_updated_id"),
        ]

    def __str__(self):
        return f"{self.title} ({self.starts_at:%Y-%m-%d})" if self.starts_at else self.title

    def get_absolute_url(self):
        return reverse("meetings:detail", args=[self.operation_id, self.pk])

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The meeting must end after it starts.")})
        if self.kind == self.Kind.FORUM_SITTING and not self.forum_id:
            raise ValidationError(
                {"forum": _("A forum sitting needs its forum; choose 'bilateral' otherwise.")}
            )


class MeetingUserObjectPermission(UserObjectPermissionBase):
    """Per-object grants: one restricted meeting shared with one named person."""

    content_object = models.ForeignKey(Meeting, on_delete=models.CASCADE)


class MeetingGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Meeting, on_delete=models.CASCADE)


class Participant(models.Model):
    """Who was invited to a meeting (an actor, a contact or a user) and whether they came."""

    in_operation_history = True  # its changes show on the operation's history page

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="participants", verbose_name=_("meeting")
    )
    actor = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("actor")
    )
    contact = models.ForeignKey(
        Contact, null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("contact")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="meeting_participations",
        verbose_name=_("user"),
    )
    attended = models.BooleanField(
        _("attended"), null=True, blank=True, help_text=_("Empty until the meeting is held.")
    )
    history = HistoricalRecords(bases=[OperationHistory])

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(actor__isnull=False)
                | models.Q(contact__isnull=False)
                | models.Q(user__isnull=False),
                name="participant_is_someone",
            ),
            models.UniqueConstraint(fields=["meeting", "user"], name="participant_user_once"),
            models.UniqueConstraint(fields=["meeting", "contact"], name="participant_contact_once"),
        ]

    def __str__(self):
        return str(self.user or self.contact or self.actor)

    def clean(self):
        super().clean()
        if not (self.actor_id or self.contact_id or self.user_id):
            raise ValidationError(_("Name an actor, a contact or a user."))
        operation_id = self.meeting.operation_id if self.meeting_id else None
        for field in ("actor", "contact"):
            related = getattr(self, field)
            if related is not None and related.operation_id != operation_id:
                raise ValidationError({field: _("This belongs to another operation.")})


class AgendaItem(models.Model):
    in_operation_history = True  # its changes show on the operation's history page

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="agenda_items", verbose_name=_("meeting")
    )
    position = models.PositiveSmallIntegerField(pgettext_lazy("order on an agenda", "position"))
    title = models.CharField(_("title"), max_length=300)
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords(bases=[OperationHistory])

    objects = PartOfMeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="agenda_item_position_unique"),
        ]

    def __str__(self):
        return f"{self.position}. {self.title}"


class Decision(models.Model):
    """A decision taken at a meeting: shared with field staff with the summary."""

    in_operation_history = True  # its changes show on the operation's history page

    meeting = models.ForeignKey(
        Meeting, on_delete=models.CASCADE, related_name="decisions", verbose_name=_("meeting")
    )
    agenda_item = models.ForeignKey(
        AgendaItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="decisions",
        verbose_name=_("agenda item"),
    )
    text = models.TextField(_("text"))
    history = HistoricalRecords(bases=[OperationHistory])

    objects = PartOfMeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("decision")
        verbose_name_plural = _("decisions")
        ordering = ["meeting", "id"]

    def __str__(self):
        return self.text[:80]

    def clean(self):
        super().clean()
        if self.agenda_item_id and self.agenda_item.meeting_id != self.meeting_id:
            raise ValidationError({"agenda_item": _("This agenda item is from another meeting.")})


class ActionPointQuerySet(models.QuerySet):
    def for_user(self, user):
        return scope_owned(self, user, owner="owner")

    def open(self):
        return self.filter(status__in=[ActionPoint.Status.OPEN, ActionPoint.Status.IN_PROGRESS])


class ActionPoint(OperationRecord):
    in_operation_history = True  # its changes show on the operation's history page

    class Status(models.TextChoices):
        OPEN = "open", pgettext_lazy("action point status", "Open")
        IN_PROGRESS = "in_progress", pgettext_lazy("action point status", "In progress")
        DONE = "done", pgettext_lazy("action point status", "Done")
        CANCELLED = "cancelled", pgettext_lazy("action point status", "Cancelled")

    operation = models.ForeignKey(
        Operation, on_delete=models.CASCADE, related_name="action_points", verbose_name=_("operation")
    )
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_points",
        verbose_name=_("meeting"),
    )
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_points",
        verbose_name=_("owner"),
    )
    owner_actor = models.ForeignKey(
        Actor,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_points_owned",
        verbose_name=_("owner actor"),
        help_text=_("When the owner is an organisation rather than a user."),
    )
    due_date = models.DateField(_("due date"), validators=[validate_calendar_range])
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.OPEN)
    progress_note = models.TextField(_("progress note"), blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    history = HistoricalRecords()

    objects = ActionPointQuerySet.as_manager()
    same_operation_fields = ("meeting", "owner_actor")
    member_fields = ("owner",)

    class Meta:
        verbose_name = _("action point")
        verbose_name_plural = _("action points")
        ordering = ["due_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(owner__isnull=False) | models.Q(owner_actor__isnull=False),
                name="action_point_has_owner",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["open", "in_progress"], closed_at__isnull=True)
                | models.Q(status__in=["done", "cancelled"], closed_at__isnull=False),
                name="action_point_closed_when_done",
            ),
        ]
        indexes = [
            models.Index(fields=["operation", "status", "due_date"]),
            models.Index(fields=["owner", "status"]),
            models.Index(fields=["operation", "due_date", "id"], name="action_point_op_due_id"),
            models.Index(fields=["due_date", "id"], name="action_point_due_id"),
            models.Index(fields=["owner", "due_date", "id"], name="action_point_owner_due_id"),
            models.Index(fields=["updated_at", "id"], name="action_point_updated_id"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:action-point-detail", args=[self.operation_id, self.pk])

    @property
    def is_overdue(self) -> bool:
        """Still open after its due date (today in the active time zone: the operation's on its pages)."""
        open_ = self.status in (self.Status.OPEN, self.Status.IN_PROGRESS)
        return open_ and self.due_date < timezone.localdate()

    def clean(self):
        super().clean()
        if not self.owner_id and not self.owner_actor_id:
            raise ValidationError(
                {"owner": _("Every action point needs an owner: a person or an organisation.")}
            )
