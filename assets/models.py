"""Military and civil defence assets (MCDA) the operation relies on, and what depends on them."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from actors.models import Actor
from cmcoord.models import Area, Operation, OperationRecord, Sector, Sensitivity
from cmcoord.permissions import scope_records
from cmcoord.validators import validate_calendar_range


class Capability(models.TextChoices):
    FIXED_WING = "fixed_wing", _("Fixed-wing airlift")
    HELICOPTER = "helicopter", _("Helicopter")
    SEALIFT = "sealift", _("Sealift")
    GROUND_TRANSPORT = "ground_transport", _("Ground transport")
    ENGINEERING = "engineering", _("Engineering")
    MEDICAL = "medical", _("Medical")
    WATER = "water", _("Water production / purification")
    COMMUNICATIONS = "communications", _("Communications")
    LOGISTICS_HUB = "logistics_hub", _("Logistics hub")
    ESCORT = "escort", _("Escort")


class SupportType(models.TextChoices):
    DIRECT = "direct", _("Direct assistance")
    INDIRECT = "indirect", _("Indirect assistance")
    INFRASTRUCTURE = "infrastructure", _("Infrastructure support")


class AssetStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    DEPLOYED = "deployed", _("Deployed")
    PHASING_OUT = "phasing_out", _("Phasing out")
    WITHDRAWN = "withdrawn", _("Withdrawn")


AT_RISK_HORIZON_DAYS = 30
ACTIVE_STATUSES = [AssetStatus.DEPLOYED, AssetStatus.PHASING_OUT]


class AssetQuerySet(models.QuerySet):
    def for_user(self, user):
        # An asset stays visible when its provider is not (field staff still rely on it);
        # views and serializers then leave the provider out.
        return scope_records(self, user)

    def active(self):
        return self.filter(status__in=ACTIVE_STATUSES)


class AssetDeployment(OperationRecord):
    """One MCDA deployment supporting the operation, with its phase-out date and plan."""

    in_operation_history = True  # its changes show on the operation's history page

    operation = models.ForeignKey(
        Operation, on_delete=models.CASCADE, related_name="assets", verbose_name=_("operation")
    )
    name = models.CharField(_("name"), max_length=200, help_text=_("e.g. '2 × Mi-8 helicopters, Beira'"))
    provider = models.ForeignKey(
        Actor, on_delete=models.PROTECT, related_name="assets_provided", verbose_name=_("provider")
    )
    capability = models.CharField(_("capability"), max_length=20, choices=Capability.choices)
    quantity = models.PositiveIntegerField(_("quantity"), default=1)
    base = models.CharField(_("base"), max_length=200, blank=True)
    areas = models.ManyToManyField(Area, blank=True, related_name="+", verbose_name=_("areas"))
    sectors = models.ManyToManyField(Sector, blank=True, related_name="+", verbose_name=_("sectors"))
    support_type = models.CharField(_("support type"), max_length=16, choices=SupportType.choices)
    deployed_on = models.DateField(
        _("deployed on"), null=True, blank=True, validators=[validate_calendar_range]
    )
    phase_out_on = models.DateField(
        _("phase-out date"), null=True, blank=True, validators=[validate_calendar_range]
    )
    status = models.CharField(
        _("status"), max_length=12, choices=AssetStatus.choices, default=AssetStatus.REQUESTED
    )
    phase_out_plan = models.TextField(
        _("phase out plan"), blank=True, help_text=_("The phase-out / hand-over plan.")
    )
    focal_point = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="focal_assets",
        verbose_name=_("focal point"),
    )
    sensitivity = models.CharField(
        _("sensitivity"), max_length=16, choices=Sensitivity.choices, default=Sensitivity.INTERNAL
    )
    history = HistoricalRecords()

    objects = AssetQuerySet.as_manager()
    same_operation_fields = ("provider",)
    member_fields = ("focal_point",)

    class Meta:
        ordering = ["phase_out_on", "name", "id"]
        # Translators: MCDA = military and civil defence assets (Oslo and MCDA Guidelines).
        verbose_name = _("MCDA deployment")
        verbose_name_plural = _("MCDA deployments")
        constraints = [
            models.UniqueConstraint(fields=["operation", "name"], name="asset_unique_name_in_operation"),
            models.CheckConstraint(condition=models.Q(quantity__gte=1), name="asset_quantity_positive"),
            models.CheckConstraint(
                condition=models.Q(phase_out_on__isnull=True)
                | models.Q(deployed_on__isnull=True)
                | models.Q(phase_out_on__gte=models.F("deployed_on")),
                name="asset_phase_out_not_before_deployment",
            ),
            models.CheckConstraint(
                condition=~models.Q(status__in=["deployed", "phasing_out"])
                | models.Q(deployed_on__isnull=False, phase_out_on__isnull=False),
                name="asset_deployed_has_dates",
            ),
        ]
        indexes = [
            models.Index(fields=["operation", "status", "phase_out_on"]),
            models.Index(fields=["operation", "phase_out_on", "name", "id"], name="asset_op_phase_out_id"),
            models.Index(fields=["phase_out_on", "name", "id"], name="asset_phase_out_id"),
            models.Index(fields=["updated_at", "id"], name="asset_updated_id"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("assets:detail", args=[self.operation_id, self.pk])

    def clean(self):
        super().clean()
        errors = {}
        if self.provider_id and not self.provider.can_provide_mcda:
            errors["provider"] = _(
                "An MCDA provider must be a military, paramilitary or civil-defence actor."
            )
        if self.deployed_on and self.phase_out_on and self.phase_out_on < self.deployed_on:
            errors["phase_out_on"] = _("The phase-out date cannot be before the deployment date.")
        if self.status in ACTIVE_STATUSES:
            if not self.deployed_on:
                errors["deployed_on"] = _("A deployed asset needs its deployment date.")
            if not self.phase_out_on:
                errors["phase_out_on"] = _(
                    "A deployed asset needs a phase-out date: MCDA are limited in time."
                )
        if errors:
            raise ValidationError(errors)


class Criticality(models.TextChoices):
    LOW = "low", pgettext_lazy("criticality", "Low")
    MEDIUM = "medium", pgettext_lazy("criticality", "Medium")
    HIGH = "high", pgettext_lazy("criticality", "High")
    CRITICAL = "critical", _("Critical (life-saving)")


class Readiness(models.TextChoices):
    NONE = "none", pgettext_lazy("readiness", "None")
    IDENTIFIED = "identified", _("Identified")
    ARRANGED = "arranged", _("Arranged")
    READY = "ready", _("Ready")


# From the least ready civilian alternative to the most: the one order every "least ready
# alternative" reads (the timeline colours each deployment by the least ready of its dependencies).
READINESS_ORDER = (Readiness.NONE, Readiness.IDENTIFIED, Readiness.ARRANGED, Readiness.READY)


class DependencyQuerySet(models.QuerySet):
    def for_user(self, user):
        return scope_records(self, user, parents=("asset",))

    def without_ready_alternative(self):
        return self.exclude(alternative_readiness=Readiness.READY)

    def at_risk(self, *, today: dt.date, horizon_days: int = AT_RISK_HORIZON_DAYS):
        """Activities whose asset phases out within the horizon (or already should have) while
        their civilian alternative is not ready: what the dashboard must shout about."""
        return (
            self.filter(asset__status__in=ACTIVE_STATUSES)
            .filter(asset__phase_out_on__lte=today + dt.timedelta(days=horizon_days))
            .without_ready_alternative()
        )

    def least_ready_by_asset(self) -> dict[int, str]:
        """Asset id -> the readiness of its least ready alternative among these dependencies
        (one grouped query; an asset without any dependency here is absent)."""
        rank = models.Case(
            *(models.When(alternative_readiness=r, then=i) for i, r in enumerate(READINESS_ORDER)),
            output_field=models.IntegerField(),
        )
        rows = self.order_by().values("asset_id").annotate(rank=models.Min(rank))
        return {row["asset_id"]: READINESS_ORDER[row["rank"]].value for row in rows}


class Dependency(OperationRecord):
    """An activity of the operation that relies on an asset, and its civilian alternative."""

    in_operation_history = True  # its changes show on the operation's history page

    operation = models.ForeignKey(
        Operation, on_delete=models.CASCADE, related_name="dependencies", verbose_name=_("operation")
    )
    asset = models.ForeignKey(
        AssetDeployment, on_delete=models.CASCADE, related_name="dependencies", verbose_name=_("asset")
    )
    activity = models.CharField(
        _("activity"), max_length=300, help_text=_("e.g. 'Food distribution in Búzi district'")
    )
    area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("area")
    )
    sector = models.ForeignKey(
        Sector, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("sector")
    )
    criticality = models.CharField(_("criticality"), max_length=12, choices=Criticality.choices)
    alternative_provider = models.CharField(
        _("alternative provider"), max_length=200, blank=True, help_text=_("The civilian provider.")
    )
    alternative_description = models.TextField(_("alternative description"), blank=True)
    alternative_readiness = models.CharField(
        _("alternative readiness"), max_length=12, choices=Readiness.choices, default=Readiness.NONE
    )
    notes = models.TextField(_("notes"), blank=True)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responsible_dependencies",
        verbose_name=_("responsible"),
        help_text=_("Who is responsible for the activity: they receive the asset's phase-out reminders."),
    )
    sensitivity = models.CharField(
        _("sensitivity"), max_length=16, choices=Sensitivity.choices, default=Sensitivity.INTERNAL
    )
    history = HistoricalRecords()

    objects = DependencyQuerySet.as_manager()
    same_operation_fields = ("asset",)
    member_fields = ("responsible",)

    class Meta:
        # An order an index serves (the at-risk view sorts by the asset's phase-out date itself).
        ordering = ["activity", "id"]
        verbose_name = _("dependency")
        verbose_name_plural = _("dependencies")
        constraints = [
            models.UniqueConstraint(fields=["asset", "activity"], name="dependency_unique_activity"),
            models.CheckConstraint(
                condition=models.Q(alternative_readiness="none") | ~models.Q(alternative_provider=""),
                name="dependency_alternative_named",
            ),
        ]
        indexes = [
            models.Index(fields=["operation", "alternative_readiness"]),
            models.Index(fields=["operation", "activity", "id"], name="dependency_op_activity_id"),
            models.Index(fields=["activity", "id"], name="dependency_activity_id"),
            models.Index(fields=["updated_at", "id"], name="dependency_updated_id"),
        ]

    def __str__(self):
        return f"{self.activity} ← {self.asset}"

    def get_absolute_url(self):
        """The asset's page, where its dependencies are listed."""
        return reverse("assets:detail", args=[self.operation_id, self.asset_id])

    def clean(self):
        super().clean()
        if self.alternative_readiness != Readiness.NONE and not self.alternative_provider.strip():
            raise ValidationError(
                {"alternative_provider": _("Name the civilian provider of the alternative.")}
            )
        if self.area_id and self.operation_id and self.area.country != self.operation.country:
            raise ValidationError({"area": _("This area is not in the operation's country.")})
