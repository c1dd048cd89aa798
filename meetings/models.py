"""The UN-CMCoord cell: forums, meetings, action points and what field staff send to it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from actors.models import Actor
from cmcoord.models import Area, Operation, OperationRecord, Sensitivity
from cmcoord.permissions import scope_owned, scope_records, scope_records_with_grants, scope_through
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
        return scope_records(self, user)


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
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()
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
        return reverse("meeting-detail", args=[self.operation_id, self.pk])

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
    due_date = models.DateField()
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
        return reverse("action-point-detail", args=[self.operation_id, self.pk])

    def clean(self):
        super().clean()
        if not self.owner_id and not self.owner_actor_id:
            raise ValidationError(
                {"owner": "Every action point needs an owner: a person or an organisation."}
            )


class CellRequestQuerySet(models.QuerySet):
    def for_user(self, user):
        from cmcoord.permissions import scope_owned

        return scope_owned(self, user, owner="submitted_by")


class CellRequest(OperationRecord):
    """What field staff channel to the cell; an RFA carries its details in ``rfa``."""

    class Kind(models.TextChoices):
        ASSISTANCE = "assistance", "Request for military assistance (RFA)"
        ACCESS = "access", "Access concern"
        SECURITY = "security", "Security concern"
        INFORMATION = "information", "Information request"

    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Submitted"
        TABLED = "tabled", "Tabled at a meeting"
        ANSWERED = "answered", "Answered"
        CLOSED = "closed", "Closed"

    operation = models.ForeignKey(Operation, on_delete=models.CASCADE, related_name="cell_requests")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    title = models.CharField(max_length=300)
    description = models.TextField()
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="cell_requests"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.SUBMITTED)
    tabled_at = models.ForeignKey(
        AgendaItem, null=True, blank=True, on_delete=models.SET_NULL, related_name="cell_requests"
    )
    response = models.TextField(blank=True, help_text="Visible to the sender.")
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    sensitivity = models.CharField(max_length=16, choices=Sensitivity.choices, default=Sensitivity.INTERNAL)
    history = HistoricalRecords()

    objects = CellRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="tabled") | models.Q(tabled_at__isnull=False),
                name="cell_request_tabled_has_agenda_item",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="answered") | ~models.Q(response=""),
                name="cell_request_answered_has_response",
            ),
        ]
        indexes = [
            models.Index(fields=["operation", "status", "kind"]),
            models.Index(fields=["submitted_by", "status"]),
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if (
            self.tabled_at_id
            and self.operation_id
            and self.tabled_at.meeting.operation_id != self.operation_id
        ):
            raise ValidationError({"tabled_at": "This agenda item is from another operation's meeting."})
        if self.area_id and self.operation_id and self.area.country != self.operation.country:
            raise ValidationError({"area": "This area is not in the operation's country."})
        if self.status == self.Status.TABLED and not self.tabled_at_id:
            raise ValidationError({"tabled_at": "Choose the agenda item where it is tabled."})
        if self.status == self.Status.ANSWERED and not self.response.strip():
            raise ValidationError({"response": "Write the response the sender will read."})


class AssistanceRequestQuerySet(models.QuerySet):
    def for_user(self, user):
        from cmcoord.permissions import scope_through

        return scope_through(self, user, "cell_request", CellRequest.objects)


class AssistanceRequest(models.Model):
    """The details of a request for military assistance (RFA) and its last-resort case."""

    class TaskType(models.TextChoices):
        AIR_TRANSPORT = "air_transport", "Air transport"
        SEA_TRANSPORT = "sea_transport", "Sea transport"
        LAND_TRANSPORT = "land_transport", "Land transport"
        ENGINEERING = "engineering", "Engineering"
        MEDICAL = "medical", "Medical"
        LOGISTICS = "logistics", "Logistics"
        ESCORT = "escort", "Escort / security"

    class Priority(models.TextChoices):
        LIFE_SAVING = "life_saving", "Life-saving"
        LIFE_SUSTAINING = "life_sustaining", "Life-sustaining"
        OTHER = "other", "Other"

    class Endorsement(models.TextChoices):
        PENDING = "pending", "Awaiting HCT decision"
        ENDORSED = "endorsed", "Endorsed by the HCT"
        DECLINED = "declined", "Declined by the HCT"

    class MilitaryResponse(models.TextChoices):
        NOT_SENT = "not_sent", "Not sent to the military"
        PENDING = "pending", "Awaiting the military's answer"
        ACCEPTED = "accepted", "Accepted"
        DECLINED = "declined", "Declined"

    cell_request = models.OneToOneField(
        CellRequest, on_delete=models.CASCADE, primary_key=True, related_name="rfa"
    )
    requesting_organisation = models.CharField(max_length=200)
    requesting_person = models.CharField(max_length=200)
    task_type = models.CharField(max_length=20, choices=TaskType.choices)
    cargo_or_passengers = models.TextField(blank=True)
    pickup_location = models.CharField(max_length=200, blank=True)
    delivery_location = models.CharField(max_length=200, blank=True)
    needed_by = models.DateField()
    duration_days = models.PositiveSmallIntegerField()
    priority = models.CharField(max_length=16, choices=Priority.choices)
    # The last-resort checklist of the Oslo / MCDA Guidelines.
    civilian_alternatives_tried = models.TextField(blank=True)
    why_alternatives_fail = models.TextField(blank=True)
    unique_capability = models.TextField(blank=True, help_text="The unique capability or timeliness.")
    complements_civilian_capacity = models.BooleanField(default=False)
    exit_plan = models.TextField(blank=True, help_text="Planned duration and exit plan.")
    endorsement = models.CharField(max_length=12, choices=Endorsement.choices, default=Endorsement.PENDING)
    endorsed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    endorsed_at = models.DateTimeField(null=True, blank=True)
    endorsement_note = models.TextField(blank=True)
    military_response = models.CharField(
        max_length=12, choices=MilitaryResponse.choices, default=MilitaryResponse.NOT_SENT
    )
    resulting_asset = models.OneToOneField(
        "assets.AssetDeployment", null=True, blank=True, on_delete=models.SET_NULL, related_name="rfa"
    )
    history = HistoricalRecords()

    objects = AssistanceRequestQuerySet.as_manager()

    class Meta:
        verbose_name = "request for military assistance"
        verbose_name_plural = "requests for military assistance"
        constraints = [
            models.CheckConstraint(
                condition=models.Q(endorsement="pending")
                | models.Q(endorsed_by__isnull=False, endorsed_at__isnull=False),
                name="rfa_decision_names_who_and_when",
            ),
            models.CheckConstraint(
                condition=models.Q(military_response="not_sent") | models.Q(endorsement="endorsed"),
                name="rfa_only_endorsed_goes_to_military",
            ),
            models.CheckConstraint(condition=models.Q(duration_days__gte=1), name="rfa_duration_positive"),
        ]

    def __str__(self):
        return f"RFA: {self.cell_request.title}"

    def missing_last_resort_items(self) -> list[str]:
        """What the checklist still lacks before the HCT can endorse."""
        missing = []
        if not self.civilian_alternatives_tried.strip():
            missing.append("civilian alternatives tried")
        if not self.why_alternatives_fail.strip():
            missing.append("why the civilian alternatives fail")
        if not self.unique_capability.strip():
            missing.append("the unique capability or timeliness")
        if not self.complements_civilian_capacity:
            missing.append("confirmation that it complements civilian capacity")
        if not self.exit_plan.strip():
            missing.append("the planned duration and exit plan")
        return missing

    def clean(self):
        super().clean()
        if self.endorsement == self.Endorsement.ENDORSED and self.missing_last_resort_items():
            raise ValidationError(
                "The last-resort checklist is incomplete: "
                + ", ".join(self.missing_last_resort_items())
                + "."
            )
        if self.cell_request_id and self.cell_request.kind != CellRequest.Kind.ASSISTANCE:
            raise ValidationError("Only a request for military assistance carries RFA details.")
        if (
            self.resulting_asset_id
            and self.cell_request_id
            and self.resulting_asset.operation_id != self.cell_request.operation_id
        ):
            raise ValidationError({"resulting_asset": "This asset belongs to another operation."})
