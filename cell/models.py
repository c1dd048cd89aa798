"""What field staff send to the UN-CMCoord cell: requests, concerns and RFAs.

The tables keep the names they had when these models lived in ``meetings`` (``db_table``), so
moving the code moved no data.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from cell import rules
from cmcoord.models import Area, Operation, OperationRecord, Sensitivity
from cmcoord.permissions import scope_owned, scope_through
from cmcoord.validators import validate_calendar_range
from meetings.models import AgendaItem


class CellRequestQuerySet(models.QuerySet):
    def for_user(self, user):
        return scope_owned(self, user, owner="submitted_by")

    def rfas(self):
        return self.filter(kind=rules.RFA_KIND)

    def tabled(self):
        return self.filter(status=CellRequest.Status.TABLED)


class CellRequest(OperationRecord):
    """What field staff channel to the cell; an RFA carries its details in ``rfa``."""

    in_operation_history = True  # its changes show on the operation's history page

    class Kind(models.TextChoices):
        ASSISTANCE = rules.RFA_KIND, "Request for military assistance (RFA)"
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
    history = HistoricalRecords(table_name="meetings_historicalcellrequest")

    objects = CellRequestQuerySet.as_manager()

    class Meta:
        db_table = "meetings_cellrequest"
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

    def get_absolute_url(self):
        return reverse("cell:request-detail", args=[self.operation_id, self.pk])

    @property
    def is_rfa(self) -> bool:
        return rules.is_rfa(self.kind)

    @property
    def rfa_details(self):
        """The RFA details when this is an RFA and they exist; None otherwise."""
        return getattr(self, "rfa", None) if self.is_rfa else None

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
    needed_by = models.DateField(validators=[validate_calendar_range])
    duration_days = models.PositiveSmallIntegerField()
    priority = models.CharField(max_length=16, choices=Priority.choices)
    # The last-resort checklist of the Oslo / MCDA Guidelines (its items: rules.LAST_RESORT_CHECKLIST).
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
    history = HistoricalRecords(table_name="meetings_historicalassistancerequest")

    objects = AssistanceRequestQuerySet.as_manager()

    class Meta:
        db_table = "meetings_assistancerequest"
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
        """What the checklist still lacks before the HCT can endorse (the items' labels)."""
        return [item.label for item in rules.missing_last_resort_items(self)]

    def clean(self):
        super().clean()
        if self.endorsement == self.Endorsement.ENDORSED:
            rules.require_last_resort_case(self)
        if self.cell_request_id and not self.cell_request.is_rfa:
            raise ValidationError("Only a request for military assistance carries RFA details.")
        if (
            self.resulting_asset_id
            and self.cell_request_id
            and self.resulting_asset.operation_id != self.cell_request.operation_id
        ):
            raise ValidationError({"resulting_asset": "This asset belongs to another operation."})
