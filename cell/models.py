"""What field staff send to the UN-CMCoord cell: requests, concerns and RFAs.

The tables keep the names they had when these models lived in ``meetings`` (``db_table``), so
moving the code moved no data.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from cell import rules
from cmcoord.models import Area, Operation, OperationHistory, OperationRecord, Sensitivity
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

    def open(self):
        return self.exclude(status=CellRequest.Status.CLOSED)

    # Where each RFA stands, for the queues and lists (the rules: ``cell.rules``).
    def awaiting_triage(self):
        return self.filter(status=CellRequest.Status.SUBMITTED)

    def awaiting_endorsement(self):
        """RFAs the HCT/UNCT can decide now: triaged or tabled by the cell, not decided yet."""
        return self.rfas().filter(status__in=rules.DECIDABLE_STATUSES, rfa__endorsement="pending")

    def endorsed_not_sent(self):
        return self.rfas().open().filter(rfa__endorsement="endorsed", rfa__military_response="not_sent")

    def military_answer_pending(self):
        return self.rfas().open().filter(rfa__military_response="pending")

    def awaiting_deployment(self):
        """Accepted (fully or partly) by the military, no deployment created from it yet."""
        return (
            self.rfas()
            .open()
            .filter(rfa__military_response__in=rules.DEPLOYABLE_ANSWERS, rfa__resulting_asset__isnull=True)
        )


class CellRequest(OperationRecord):
    """What field staff channel to the cell; an RFA carries its details in ``rfa``."""

    in_operation_history = True  # its changes show on the operation's history page

    class Kind(models.TextChoices):
        # Translators: RFA = request for assistance, the standard form to ask for military assets.
        ASSISTANCE = rules.RFA_KIND, _("Request for military assistance (RFA)")
        ACCESS = "access", _("Access concern")
        SECURITY = "security", _("Security concern")
        INFORMATION = "information", _("Information request")

    class Status(models.TextChoices):
        SUBMITTED = "submitted", pgettext_lazy("cell request status", "Submitted")
        TRIAGED = "triaged", pgettext_lazy("cell request status", "Triaged by the cell")
        TABLED = "tabled", pgettext_lazy("cell request status", "Tabled at a meeting")
        ANSWERED = "answered", pgettext_lazy("cell request status", "Answered")
        CLOSED = "closed", pgettext_lazy("cell request status", "Closed")

    operation = models.ForeignKey(
        Operation, on_delete=models.CASCADE, related_name="cell_requests", verbose_name=_("operation")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"))
    area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("area")
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="cell_requests",
        verbose_name=_("submitted by"),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.SUBMITTED)
    tabled_at = models.ForeignKey(
        AgendaItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cell_requests",
        verbose_name=_("tabled at"),
    )
    response = models.TextField(_("response"), blank=True, help_text=_("Visible to the sender."))
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("responded by"),
    )
    responded_at = models.DateTimeField(_("responded at"), null=True, blank=True)
    response_seen_at = models.DateTimeField(
        _("response seen at"),
        null=True,
        blank=True,
        help_text=_("When the sender last opened the request after it was answered."),
    )
    sensitivity = models.CharField(
        _("sensitivity"), max_length=16, choices=Sensitivity.choices, default=Sensitivity.INTERNAL
    )
    history = HistoricalRecords(table_name="meetings_historicalcellrequest")

    objects = CellRequestQuerySet.as_manager()

    class Meta:
        db_table = "meetings_cellrequest"
        verbose_name = _("cell request")
        verbose_name_plural = _("cell requests")
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
            models.Index(fields=["operation", "-created_at", "-id"], name="cell_request_op_created_id"),
            models.Index(fields=["-created_at", "-id"], name="cell_request_created_id"),
            models.Index(fields=["submitted_by", "-created_at", "-id"], name="cell_request_sender_created"),
            models.Index(fields=["updated_at", "id"], name="cell_request_updated_id"),
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
            raise ValidationError({"tabled_at": _("This agenda item is from another operation's meeting.")})
        if self.area_id and self.operation_id and self.area.country != self.operation.country:
            raise ValidationError({"area": _("This area is not in the operation's country.")})
        if self.status == self.Status.TABLED and not self.tabled_at_id:
            raise ValidationError({"tabled_at": _("Choose the agenda item where it is tabled.")})
        if self.status == self.Status.ANSWERED and not self.response.strip():
            raise ValidationError({"response": _("Write the response the sender will read.")})


class AssistanceRequestQuerySet(models.QuerySet):
    def for_user(self, user):
        return scope_through(self, user, "cell_request", CellRequest.objects)


class AssistanceRequest(models.Model):
    """The details of a request for military assistance (RFA) and its last-resort case."""

    in_operation_history = True  # its changes show on the operation's history page

    class TaskType(models.TextChoices):
        AIR_TRANSPORT = "air_transport", _("Air transport")
        SEA_TRANSPORT = "sea_transport", _("Sea transport")
        LAND_TRANSPORT = "land_transport", _("Land transport")
        ENGINEERING = "engineering", _("Engineering")
        MEDICAL = "medical", _("Medical")
        LOGISTICS = "logistics", _("Logistics")
        ESCORT = "escort", _("Escort / security")

    class Priority(models.TextChoices):
        LIFE_SAVING = "life_saving", _("Life-saving")
        LIFE_SUSTAINING = "life_sustaining", _("Life-sustaining")
        OTHER = "other", pgettext_lazy("RFA priority", "Other")

    class Endorsement(models.TextChoices):
        # Translators: HCT = Humanitarian Country Team, which decides on requests for military assistance.
        PENDING = "pending", _("Awaiting HCT decision")
        ENDORSED = "endorsed", _("Endorsed by the HCT")
        DECLINED = "declined", _("Declined by the HCT")

    class MilitaryResponse(models.TextChoices):
        NOT_SENT = "not_sent", _("Not sent to the military")
        PENDING = "pending", _("Awaiting the military's answer")
        ACCEPTED = "accepted", pgettext_lazy("military's answer", "Accepted")
        PARTLY = "partly", pgettext_lazy("military's answer", "Partly accepted")
        DECLINED = "declined", pgettext_lazy("military's answer", "Declined")

    class Outcome(models.TextChoices):
        DELIVERED = "delivered", _("The assistance was delivered")
        PARTLY_DELIVERED = "partly_delivered", _("The assistance was partly delivered")
        NOT_DELIVERED = "not_delivered", _("No assistance was delivered")
        NO_LONGER_NEEDED = "no_longer_needed", _("No longer needed")
        WITHDRAWN = "withdrawn", _("Withdrawn by the sender")

    cell_request = models.OneToOneField(
        CellRequest,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="rfa",
        verbose_name=_("cell request"),
    )
    requesting_organisation = models.CharField(_("requesting organisation"), max_length=200)
    requesting_person = models.CharField(_("requesting person"), max_length=200)
    task_type = models.CharField(_("task type"), max_length=20, choices=TaskType.choices)
    cargo_or_passengers = models.TextField(_("cargo or passengers"), blank=True)
    pickup_location = models.CharField(_("pickup location"), max_length=200, blank=True)
    delivery_location = models.CharField(_("delivery location"), max_length=200, blank=True)
    needed_by = models.DateField(_("needed by"), validators=[validate_calendar_range])
    duration_days = models.PositiveSmallIntegerField(_("duration days"))
    priority = models.CharField(_("priority"), max_length=16, choices=Priority.choices)
    # The last-resort checklist of the Oslo / MCDA Guidelines (its items: rules.LAST_RESORT_CHECKLIST).
    civilian_alternatives_tried = models.TextField(_("civilian alternatives tried"), blank=True)
    why_alternatives_fail = models.TextField(_("why alternatives fail"), blank=True)
    unique_capability = models.TextField(
        _("unique capability"), blank=True, help_text=_("The unique capability or timeliness.")
    )
    complements_civilian_capacity = models.BooleanField(_("complements civilian capacity"), default=False)
    exit_plan = models.TextField(_("exit plan"), blank=True, help_text=_("Planned duration and exit plan."))
    endorsement = models.CharField(
        _("endorsement"), max_length=12, choices=Endorsement.choices, default=Endorsement.PENDING
    )
    endorsed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("endorsed by"),
    )
    endorsed_at = models.DateTimeField(_("endorsed at"), null=True, blank=True)
    endorsement_note = models.TextField(_("endorsement note"), blank=True)
    military_response = models.CharField(
        _("military response"),
        max_length=12,
        choices=MilitaryResponse.choices,
        default=MilitaryResponse.NOT_SENT,
    )
    # Sent to the military (the cell): to which actor and contact, when, by whom.
    sent_to_actor = models.ForeignKey(
        "actors.Actor",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("sent to (actor)"),
    )
    sent_to_contact = models.ForeignKey(
        "contacts.Contact",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sent to (contact)"),
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True, validators=[validate_calendar_range])
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("sent by"),
    )
    # The military's answer (recorded by the cell): what they offer and when.
    military_offer = models.TextField(_("what the military offer"), blank=True)
    military_offer_from = models.DateField(
        _("offered from"), null=True, blank=True, validators=[validate_calendar_range]
    )
    military_offer_until = models.DateField(
        _("offered until"), null=True, blank=True, validators=[validate_calendar_range]
    )
    military_answered_at = models.DateTimeField(
        _("answer recorded at"), null=True, blank=True, validators=[validate_calendar_range]
    )
    military_answer_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("answer recorded by"),
    )
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices, blank=True)
    outcome_note = models.TextField(_("outcome note"), blank=True)
    resulting_asset = models.OneToOneField(
        "assets.AssetDeployment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="rfa",
        verbose_name=_("resulting asset"),
    )
    history = HistoricalRecords(table_name="meetings_historicalassistancerequest", bases=[OperationHistory])

    objects = AssistanceRequestQuerySet.as_manager()

    class Meta:
        db_table = "meetings_assistancerequest"
        verbose_name = _("request for military assistance")
        verbose_name_plural = _("requests for military assistance")
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
            models.CheckConstraint(
                condition=models.Q(military_response="not_sent")
                | models.Q(sent_to_actor__isnull=False, sent_at__isnull=False),
                name="rfa_sent_names_actor_and_when",
            ),
            models.CheckConstraint(
                condition=models.Q(military_response__in=["not_sent", "pending"])
                | models.Q(military_answered_at__isnull=False),
                name="rfa_answer_has_when",
            ),
            models.CheckConstraint(
                condition=models.Q(resulting_asset__isnull=True)
                | models.Q(military_response__in=["accepted", "partly"]),
                name="rfa_deployment_only_when_accepted",
            ),
            models.CheckConstraint(
                condition=models.Q(military_offer_from__isnull=True)
                | models.Q(military_offer_until__isnull=True)
                | models.Q(military_offer_until__gte=models.F("military_offer_from")),
                name="rfa_offer_dates_in_order",
            ),
        ]

    def __str__(self):
        return _("RFA: %(title)s") % {"title": self.cell_request.title}

    def missing_last_resort_items(self) -> list[str]:
        """What the checklist still lacks before the HCT can endorse (the items' labels)."""
        return [str(item.label) for item in rules.missing_last_resort_items(self)]

    def clean(self):
        super().clean()
        if self.endorsement == self.Endorsement.ENDORSED:
            rules.require_last_resort_case(self)
        if self.cell_request_id and not self.cell_request.is_rfa:
            raise ValidationError(_("Only a request for military assistance carries RFA details."))
        if (
            self.military_offer_from
            and self.military_offer_until
            and self.military_offer_until < self.military_offer_from
        ):
            raise ValidationError({"military_offer_until": _("This date is before the offer starts.")})
        if (
            self.sent_to_actor_id
            and self.cell_request_id
            and self.sent_to_actor.operation_id != self.cell_request.operation_id
        ):
            raise ValidationError({"sent_to_actor": _("This actor belongs to another operation.")})
        if (
            self.sent_to_contact_id
            and self.sent_to_actor_id
            and self.sent_to_contact.actor_id != self.sent_to_actor_id
        ):
            raise ValidationError({"sent_to_contact": _("This contact belongs to another actor.")})
        if (
            self.resulting_asset_id
            and self.cell_request_id
            and self.resulting_asset.operation_id != self.cell_request.operation_id
        ):
            raise ValidationError({"resulting_asset": _("This asset belongs to another operation.")})
