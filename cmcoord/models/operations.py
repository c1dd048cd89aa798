import datetime as dt
import posixpath
import re
import secrets
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from ..validators import validate_calendar_range
from .base import OperationRecord, Sensitivity, TimeStamped, Versioned, check_date_order

iso3_validator = RegexValidator(r"^[A-Z]{3}$", _("Use the ISO 3166 alpha-3 code in capitals, e.g. MOZ."))
DEFAULT_LEAD_DAYS = [30, 14, 7, 1]


class CalendarEdgeZone(zoneinfo.ZoneInfo):
    """The operation's time zone, except for a moment it cannot express: a time stored before the
    date range was checked, in the last hours of year 9999 (or the first of year 1), stays in UTC
    where the local time would fall off Python's calendar, instead of breaking the page."""

    def fromutc(self, value):
        try:
            return super().fromutc(value)
        except OverflowError:
            return value.replace(tzinfo=dt.UTC)


def default_lead_days():
    return list(DEFAULT_LEAD_DAYS)


class EmergencyType(models.TextChoices):
    NATURAL = "natural_disaster", _("Natural disaster")
    COMPLEX = "complex_emergency", _("Complex emergency")
    TECHNOLOGICAL = "technological", _("Technological / industrial")


class Phase(models.TextChoices):
    PREPAREDNESS = "preparedness", _("Preparedness")
    RESPONSE = "response", _("Emergency response")
    RECOVERY = "recovery", _("Early recovery")
    TRANSITION = "transition", _("Transition")
    CLOSED = "closed", _("Closed")


class Strategy(models.TextChoices):
    CO_EXISTENCE = "co_existence", _("Co-existence")
    COORDINATION = "coordination", _("Coordination")
    COOPERATION = "cooperation", _("Cooperation")


class StrategyStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved by the HCT/UNCT")


class OperationQuerySet(models.QuerySet):
    def for_user(self, user):
        from cmcoord.permissions import scope_operations

        return scope_operations(self, user)


class GuidelineStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved by the HCT/UNCT")


class GuidelineQuerySet(models.QuerySet):
    def for_user(self, user):
        """By sensitivity, like the registry; a draft only for those who read everything (officers,
        who draft, and the HCT/UNCT, who approve): field staff and partners read approved ones."""
        from cmcoord.permissions import ops_by_reach, scope_records

        full, _member, _partner = ops_by_reach(user)
        visible = models.Q(status=GuidelineStatus.APPROVED) | models.Q(operation__in=full)
        return scope_records(self, user).filter(visible)

    def current(self):
        return self.filter(archived_at__isnull=True)

    def archived(self):
        return self.filter(archived_at__isnull=False)


def guideline_upload_to(instance, filename: str) -> str:
    """A name nobody can guess (the operation, then 32 random hex digits, then the type's own
    extension); the name the person uploaded is kept in ``file_name`` for the download."""
    extension = posixpath.splitext(filename)[1].lower()
    extension = extension if re.fullmatch(r"\.[a-z0-9]{1,5}", extension) else ""
    return f"guidelines/{instance.operation_id or 0}/{secrets.token_hex(16)}{extension}"


class Operation(Versioned, TimeStamped):
    """One emergency response in one country: everything else belongs to one."""

    in_operation_history = True  # its changes show on the operation's history page
    history_operation_lookup = "id"  # its own history rows: by its id, not an operation column

    name = models.CharField(_("name"), max_length=200, unique=True)
    country = models.CharField(
        _("country"), max_length=3, validators=[iso3_validator], help_text=_("ISO 3166 alpha-3, e.g. MOZ")
    )
    time_zone = models.CharField(_("time zone"), max_length=64, default="UTC")
    emergency_type = models.CharField(_("emergency type"), max_length=32, choices=EmergencyType.choices)
    phase = models.CharField(_("phase"), max_length=32, choices=Phase.choices, default=Phase.RESPONSE)
    start_date = models.DateField(_("start date"), validators=[validate_calendar_range])
    end_date = models.DateField(_("end date"), null=True, blank=True, validators=[validate_calendar_range])
    strategy = models.CharField(_("strategy"), max_length=32, choices=Strategy.choices, blank=True)
    strategy_rationale = models.TextField(_("strategy rationale"), blank=True)
    strategy_status = models.CharField(
        _("strategy status"), max_length=16, choices=StrategyStatus.choices, default=StrategyStatus.DRAFT
    )
    strategy_approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("strategy approved by"),
    )
    strategy_approved_on = models.DateField(
        _("strategy approved on"), null=True, blank=True, validators=[validate_calendar_range]
    )
    # A new draft waits here for the HCT/UNCT, so everyone keeps reading the approved strategy.
    strategy_draft = models.CharField(
        _("strategy draft"), max_length=32, choices=Strategy.choices, blank=True
    )
    strategy_draft_rationale = models.TextField(_("strategy draft rationale"), blank=True)
    # The HCT/UNCT returned the draft with comments: the officer reads them on the draft.
    strategy_return_comments = models.TextField(_("strategy return comments"), blank=True)
    strategy_returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("strategy returned by"),
    )
    strategy_returned_at = models.DateTimeField(
        _("strategy returned at"), null=True, blank=True, validators=[validate_calendar_range]
    )
    reminder_lead_days = models.JSONField(
        _("reminder lead days"),
        default=default_lead_days,
        help_text=_("Days before a phase-out date when reminders go out, e.g. [30, 14, 7, 1]."),
    )
    answer_within_days = models.PositiveSmallIntegerField(
        _("answer within days"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_(
            "A request to the cell not answered after this many days waits in the officers' queue "
            "as unanswered."
        ),
    )
    default_language = models.CharField(
        _("default language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default="en",
        help_text=_("For members who chose no language and whose browser asks for none we have."),
    )
    history = HistoricalRecords()

    objects = OperationQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "name"]
        verbose_name = _("operation")
        verbose_name_plural = _("operations")
        permissions = [
            ("view_internal_records", _("Read internal records of the operation")),
            ("view_restricted_records", _("Read restricted records of the operation")),
            ("manage_registry", _("Write actors, contacts, meetings, MCDA and dependencies")),
            ("triage_cell_requests", _("Triage, table and answer cell requests")),
            ("submit_cell_requests", _("Send requests and concerns to the cell")),
            ("decide_interlocutors", _("Approve or reject interlocutors")),
            ("endorse_rfas", _("Endorse or decline requests for military assistance")),
            ("draft_strategy", _("Draft the CMCoord strategy and guidelines")),
            ("approve_strategy", _("Approve the CMCoord strategy and guidelines")),
            ("view_history", _("Read the change history")),
            ("manage_members", _("Grant and revoke roles in the operation")),
            ("manage_partner_tokens", _("Create and revoke partner tokens")),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(country__regex=r"^[A-Z]{3}$"), name="operation_country_iso3"
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True) | models.Q(end_date__gte=models.F("start_date")),
                name="operation_end_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(answer_within_days__gte=1, answer_within_days__lte=365),
                name="operation_answer_within_days_range",
            ),
            models.CheckConstraint(
                condition=~models.Q(strategy_status="approved")
                | (models.Q(strategy_approved_by__isnull=False) & ~models.Q(strategy="")),
                name="operation_approved_strategy_has_approver",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        """The operation's overview (web/operation_urls.py): named, so the core imports no app."""
        return reverse("web:dashboard", args=[self.pk])

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return CalendarEdgeZone(self.time_zone)

    def clean(self):
        super().clean()
        check_date_order(
            self.start_date,
            self.end_date,
            end_field="end_date",
            message=_("The end date cannot be before the start date."),
        )
        if self.time_zone not in zoneinfo.available_timezones():
            raise ValidationError(
                {
                    "time_zone": _("Unknown time zone %(zone)r; use e.g. Africa/Maputo.")
                    % {"zone": self.time_zone}
                }
            )
        days = self.reminder_lead_days
        if (
            not isinstance(days, list)
            or not days
            or not all(isinstance(d, int) and not isinstance(d, bool) and 0 < d <= 365 for d in days)
        ):
            raise ValidationError(
                {"reminder_lead_days": _("Give a list of whole days between 1 and 365, e.g. [30, 14, 7, 1].")}
            )
        if len(set(days)) != len(days):
            raise ValidationError({"reminder_lead_days": _("Each lead time may appear only once.")})
        self.reminder_lead_days = sorted(days, reverse=True)
        if self.strategy_status == StrategyStatus.APPROVED and not self.strategy:
            raise ValidationError({"strategy": _("Choose a strategy before it is approved.")})


class OperationUserObjectPermission(UserObjectPermissionBase):
    """Roles are object permissions on the operation; direct foreign key for speed."""

    content_object = models.ForeignKey(Operation, on_delete=models.CASCADE, verbose_name=_("content object"))


class OperationGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Operation, on_delete=models.CASCADE, verbose_name=_("content object"))


class GuidelineDocument(OperationRecord):
    """Country-specific UN-CMCoord guidelines and other reference documents.

    Officers draft them (upload, replace the file, edit, archive); the HCT/UNCT approves; field
    staff and partners read approved ones. The file is written only through
    ``cmcoord.services.guideline_save`` (type and size checked, ``file_name`` and
    ``content_type`` set) and read only through ``cmcoord.files.file_response``.
    """

    in_operation_history = True  # its changes show on the operation's history page
    MISSING_FILE = _("Give a link to the document or upload the file.")

    in_operation_history = True  # its changes show on the operation's history page

    operation = models.ForeignKey(
        Operation, on_delete=models.CASCADE, related_name="guidelines", verbose_name=_("operation")
    )
    title = models.CharField(_("title"), max_length=300)
    issued_on = models.DateField(_("issued on"), null=True, blank=True, validators=[validate_calendar_range])
    url = models.URLField(_("url"), blank=True)
    file = models.FileField(_("file"), upload_to=guideline_upload_to, blank=True, max_length=200)
    file_name = models.CharField(
        _("file name"), max_length=255, blank=True, help_text=_("The name of the file as it was uploaded.")
    )
    content_type = models.CharField(_("content type"), max_length=100, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    sensitivity = models.CharField(
        _("sensitivity"), max_length=16, choices=Sensitivity.choices, default=Sensitivity.INTERNAL
    )
    status = models.CharField(
        _("status"), max_length=16, choices=GuidelineStatus.choices, default=GuidelineStatus.DRAFT
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("approved by"),
    )
    approved_on = models.DateField(
        _("approved on"), null=True, blank=True, validators=[validate_calendar_range]
    )
    archived_at = models.DateTimeField(
        _("archived at"),
        null=True,
        blank=True,
        validators=[validate_calendar_range],
        help_text=_("An archived document is kept for the record but no longer current."),
    )
    archived_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("archived by"),
    )
    history = HistoricalRecords()

    objects = GuidelineQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "title"]
        verbose_name = _("guideline document")
        verbose_name_plural = _("guideline documents")
        constraints = [
            models.UniqueConstraint(fields=["operation", "title"], name="guideline_unique_title"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("cmcoord:guideline-detail", args=[self.operation_id, self.pk])

    @property
    def archived(self) -> bool:
        return self.archived_at is not None

    @property
    def download_name(self) -> str:
        """The name a download is saved under: the uploaded one, else the stored one's last part."""
        return self.file_name or posixpath.basename(self.file.name or "")

    def clean(self):
        super().clean()
        if not self.url and not self.file:
            raise ValidationError(self.MISSING_FILE)
