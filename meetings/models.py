"""The UN-CMCoord cell's forums, meetings, agenda, participants, decisions and action points.

What field staff send to the cell (requests, concerns, RFAs) lives in ``cell``, the layer above."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from actors.models import Actor
from cmcoord.models import Operation, OperationRecord, Sensitivity
from cmcoord.permissions import scope_owned, scope_records, scope_records_with_grants, scope_through
from cmcoord.validators import validate_calendar_range
from contacts.models import Contact
from meetings.rules import scope_participants


class ForumKind(models.TextChoices):
    CMCOORD_CELL = "cmcoord_cell", "UN-CMCoord cell"
    HUMOCC = "humocc", "HuMOCC"
    WORKING_GROUP = "working_group", "Civil-military working group"
    ADVISORY_FORUM = "advisory_forum", "Advisory forum"
    OTHER = "other", "Other"


class ForumQuerySet(models.QuerySet):
    def for_user(self, user):
        """Members read shareable and internal forums; partner systems read none."""
        return scope_records(self, user, partners=False)


class CoordinationForum(OperationRecord):
    """The standing cell (or HuMOCC, working group): who sits in it and how often it meets."""

    operation = models.ForeignKey(Operation, on_delete=models.CASCADE, related_name="forums")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=24, choices=ForumKind.choices)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="A humanitarian chairs the forum.",
    )
    rhythm = models.CharField(max_length=120, blank=True, help_text="e.g. Mon/Wed/Fri 08:30")
    location = models.CharField(max_length=200, blank=True)
    terms_of_reference = models.TextField(blank=True)
    sensitivity = models.CharField(max_length=16, choices=Sensitivity.choices, default=Sensitivity.INTERNAL)
    history = HistoricalRecords()

    objects = ForumQuerySet.as_manager()
    member_fields = ("chair",)

    class Meta:
        ordering = ["name"]
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


class ForumMember(models.Model):
    """A standing member of a forum: an actor and, where known, its representative."""

    forum = models.ForeignKey(CoordinationForum, on_delete=models.CASCADE, related_name="members")
    actor = models.ForeignKey(Actor, on_delete=models.CASCADE, related_name="forum_seats")
    representative = models.ForeignKey(
        Contact, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["actor__name"]
        constraints = [
            models.UniqueConstraint(fields=["forum", "actor"], name="forum_member_once"),
        ]

    def __str__(self):
        return f"{self.actor} in {self.forum}"

    def clean(self):
        super().clean()
        if self.forum_id and self.actor_id and self.actor.operation_id != self.forum.operation_id:
            raise ValidationError({"actor": "This actor belongs to another operation."})
        if self.representative_id and self.actor_id and self.representative.actor_id != self.actor_id:
            raise ValidationError({"representative": "The representative must be a contact of this actor."})


class MeetingQuerySet(models.QuerySet):
    def for_user(self, user):
        return scope_records_with_grants(self, user)

    def upcoming(self, now):
        return self.filter(starts_at__gte=now).order_by("starts_at")


class Meeting(OperationRecord):
    """One sitting of a forum, or a bilateral meeting, chaired by a humanitarian."""

    in_operation_history = True  # its changes show on the operation's history page

    class Kind(models.TextChoices):
        FORUM_SITTING = "forum_sitting", "Forum sitting"
        BILATERAL = "bilateral", "Bilateral meeting"

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", "Scheduled"
        HELD = "held", "Held"
        CANCELLED = "cancelled", "Cancelled"

    operation = models.ForeignKey(Operation, on_delete=models.CASCADE, related_name="meetings")
    forum = models.ForeignKey(
        CoordinationForum, null=True, blank=True, on_delete=models.SET_NULL, related_name="meetings"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.FORUM_SITTING)
    title = models.CharField(max_length=200)
    starts_at = models.DateTimeField(validators=[validate_calendar_range])
    ends_at = models.DateTimeField(validators=[validate_calendar_range])
    location = models.CharField(max_length=200, blank=True)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SCHEDULED)
    summary = models.TextField(blank=True, help_text="Shared with field staff.")
    minutes = models.TextField(blank=True, help_text="Restricted: officers and HCT only.")
    sensitivity = models.CharField(max_length=16, choices=Sensitivity.choices, default=Sensitivity.INTERNAL)
    history = HistoricalRecords()

    objects = MeetingQuerySet.as_manager()
    same_operation_fields = ("forum",)
    member_fields = ("chair",)

    class Meta:
        ordering = ["-starts_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="meeting_ends_after_start"
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="forum_sitting") | models.Q(forum__isnull=False),
                name="meeting_forum_sitting_has_forum",
            ),
        ]
        indexes = [models.Index(fields=["operation", "starts_at"])]

    def __str__(self):
        return f"{self.title} ({self.starts_at:%Y-%m-%d})" if self.starts_at else self.title

    def get_absolute_url(self):
        return reverse("meetings:detail", args=[self.operation_id, self.pk])

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The meeting must end after it starts."})
        if self.kind == self.Kind.FORUM_SITTING and not self.forum_id:
            raise ValidationError({"forum": "A forum sitting needs its forum; choose 'bilateral' otherwise."})


class MeetingUserObjectPermission(UserObjectPermissionBase):
    """Per-object grants: one restricted meeting shared with one named person."""

    content_object = models.ForeignKey(Meeting, on_delete=models.CASCADE)


class MeetingGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Meeting, on_delete=models.CASCADE)


class Participant(models.Model):
    """Who was invited to a meeting (an actor, a contact or a user) and whether they came."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="participants")
    actor = models.ForeignKey(Actor, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    contact = models.ForeignKey(Contact, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="meeting_participations",
    )
    attended = models.BooleanField(null=True, blank=True, help_text="Empty until the meeting is held.")

    objects = ParticipantQuerySet.as_manager()

    class Meta:
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
            raise ValidationError("Name an actor, a contact or a user.")
        operation_id = self.meeting.operation_id if self.meeting_id else None
        for field in ("actor", "contact"):
            related = getattr(self, field)
            if related is not None and related.operation_id != operation_id:
                raise ValidationError({field: "This belongs to another operation."})


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=300)
    notes = models.TextField(blank=True)

    objects = PartOfMeetingQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "position"]
        constraints = [
            models.UniqueConstraint(fields=["meeting", "position"], name="agenda_item_position_unique"),
        ]

    def __str__(self):
        return f"{self.position}. {self.title}"


class Decision(models.Model):
    """A decision taken at a meeting: shared with field staff with the summary."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    agenda_item = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="decisions"
    )
    text = models.TextField()

    objects = PartOfMeetingQuerySet.as_manager()

    class Meta:
        ordering = ["meeting", "id"]

    def __str__(self):
        return self.text[:80]

    def clean(self):
        super().clean()
        if self.agenda_item_id and self.agenda_item.meeting_id != self.meeting_id:
            raise ValidationError({"agenda_item": "This agenda item is from another meeting."})


class ActionPointQuerySet(models.QuerySet):
    def for_user(self, user):
        return scope_owned(self, user, owner="owner")

    def open(self):
        return self.filter(status__in=[ActionPoint.Status.OPEN, ActionPoint.Status.IN_PROGRESS])


class ActionPoint(OperationRecord):
    in_operation_history = True  # its changes show on the operation's history page

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        IN_PROGRESS = "in_progress", "In progress"
        DONE = "done", "Done"
        CANCELLED = "cancelled", "Cancelled"

    operation = models.ForeignKey(Operation, on_delete=models.CASCADE, related_name="action_points")
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.SET_NULL, related_name="action_points"
    )
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_points",
    )
    owner_actor = models.ForeignKey(
        Actor,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="action_points_owned",
        help_text="When the owner is an organisation rather than a user.",
    )
    due_date = models.DateField(validators=[validate_calendar_range])
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    progress_note = models.TextField(blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords()

    objects = ActionPointQuerySet.as_manager()
    same_operation_fields = ("meeting", "owner_actor")
    member_fields = ("owner",)

    class Meta:
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
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("meetings:action-point-detail", args=[self.operation_id, self.pk])

    def clean(self):
        super().clean()
        if not self.owner_id and not self.owner_actor_id:
            raise ValidationError(
                {"owner": "Every action point needs an owner: a person or an organisation."}
            )
