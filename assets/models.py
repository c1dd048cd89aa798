"""Military and civil defence assets (MCDA) the operation relies on, and what depends on them."""

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from simple_history.models import HistoricalRecords

from actors.models import Actor
from cmcoord.models import Area, Operation, OperationRecord, Sector, Sensitivity
from cmcoord.permissions import scope_records
from cmcoord.validators import validate_calendar_range


class Capability(models.TextChoices):
    FIXED_WING = "fixed_wing", "Fixed-wing airlift"
    HELICOPTER = "helicopter", "Helicopter"
    SEALIFT = "sealift", "Sealift"
    GROUND_TRANSPORT = "ground_transport", "Ground transport"
    ENGINEERING = "engineering", "Engineering"
    MEDICAL = "medical", "Medical"
    WATER = "water", "Water production / purification"
    COMMUNICATIONS = "communications", "Communications"
    LOGISTICS_HUB = "logistics_hub", "Logistics hub"
    ESCORT = "escort", "Escort"


class SupportType(models.TextChoices):
    DIRECT = "direct", "Direct assistance"
    INDIRECT = "indirect", "Indirect assistance"
    INFRASTRUCTURE = "infrastructure", "Infrastructure support"


class AssetStatus(models.TextChoices):
    REQUESTED = "requested", "Requested"
    DEPLOYED = "deployed", "Deployed"
    PHASING_OUT = "phasing_out", "Phasing out"
    WITHDRAWN = "withdrawn", "Withdrawn"


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

    operation = models.ForeignKey(Operation, on_delete=models.CASCADE, related_name="assets")
    name = models.CharField(max_length=200, help_text="e.g. '2 × Mi-8 helicopters, Beira'")
    provider = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="assets_provided")
    capability = models.CharField(max_length=20, choices=Capability.choices)
    quantity = models.PositiveIntegerField(default=1)
    base = models.CharField(max_length=200, blank=True)
    areas = models.ManyToManyField(Area, blank=True, related_name="+")
    sectors = models.ManyToManyField(Sector, blank=True, related_name="+")
    support_type = models.CharField(max_length=16, choices=SupportType.choices)
    deployed_on = models.DateField(null=True, blank=True, validators=[validate_calendar_range])
    phase_out_on = models.DateField(
        "phase-out date", null=True, blank=True, validators=[validate_calendar_range]
    )
    status = models.CharField(max_length=12, choices=AssetStatus.choices, default=AssetStatus.REQUESTED)
    phase_out_plan = models.TextField(blank=True, help_text="The phase-out / hand-over plan.")
    focal_point = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="focal_assets",
    )
    sensitivity = models.CharField(max_length=16, choices=Sensitivity.choices, default=Sensitivity.INTERNAL)
    history = HistoricalRecords()

    objects = AssetQuerySet.as_manager()
    same_operation_fields = ("provider",)
    member_fields = ("focal_point",)

    class Meta:
        ordering = ["phase_out_on", "name"]
        verbose_name = "MCDA deployment"
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
        indexes = [models.Index(fields=["operation", "status", "phase_out_on"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("assets:detail", args=[self.operation_id, self.pk])

    def clean(self):
        super().clean()
        errors = {}
        if self.provider_id and not self.provider.can_provide_mcda:
            errors["provider"] = "An MCDA provider must be a military, paramilitary or civil-defence actor."
        if self.deployed_on and self.phase_out_on and self.phase_out_on < self.deployed_on:
            errors["phase_out_on"] = "The phase-out date cannot be before the deployment date."
        if self.status in ACTIVE_STATUSES:
            if not self.deployed_on:
                errors["deployed_on"] = "A deployed asset needs its deployment date."
            if not self.phase_out_on:
                errors["phase_out_on"] = "A deployed asset needs a phase-out date: MCDA are limited in time."
        if errors:
            raise ValidationError(errors)


class Criticality(models.TextChoices):
    LOW = "low", "Low"
    MEDIUM = "medium", "Medium"
    HIGH = "high", "High"
    CRITICAL = "critical", "Critical (life-saving)"


class Readiness(models.TextChoices):
    NONE = "none", "None"
    IDENTIFIED = "identified", "Identified"
    ARRANGED = "arranged", "Arranged"
    READY = "ready", "Ready"


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


class Dependency(OperationRecord):
    """An activity of the operation that relies on an asset, and its civilian alternative."""

    in_operation_history = True  # its changes show on the operation's history page

    operation = models.ForeignKey(Operation, on_delete=models.CASCADE, related_name="dependencies")
    asset = models.ForeignKey(AssetDeployment, on_delete=models.CASCADE, related_name="dependencies")
    activity = models.CharField(max_length=300, help_text="e.g. 'Food distribution in Búzi district'")
    area = models.ForeignKey(Area, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    sector = models.ForeignKey(Sector, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    criticality = models.CharField(max_length=12, choices=Criticality.choices)
    alternative_provider = models.CharField(max_length=200, blank=True, help_text="The civilian provider.")
    alternative_description = models.TextField(blank=True)
    alternative_readiness = models.CharField(max_length=12, choices=Readiness.choices, default=Readiness.NONE)
    notes = models.TextField(blank=True)
    sensitivity = models.CharField(max_length=16, choices=Sensitivity.choices, default=Sensitivity.INTERNAL)
    history = HistoricalRecords()

    objects = DependencyQuerySet.as_manager()
    same_operation_fields = ("asset",)

    class Meta:
        ordering = ["asset__phase_out_on", "activity"]
        verbose_name_plural = "dependencies"
        constraints = [
            models.UniqueConstraint(fields=["asset", "activity"], name="dependency_unique_activity"),
            models.CheckConstraint(
                condition=models.Q(alternative_readiness="none") | ~models.Q(alternative_provider=""),
                name="dependency_alternative_named",
            ),
        ]
        indexes = [models.Index(fields=["operation", "alternative_readiness"])]

    def __str__(self):
        return f"{self.activity} ← {self.asset}"

    def get_absolute_url(self):
        """The asset's page, where its dependencies are listed."""
        return reverse("assets:detail", args=[self.operation_id, self.asset_id])

    def clean(self):
        super().clean()
        if self.alternative_readiness != Readiness.NONE and not self.alternative_provider.strip():
            raise ValidationError({"alternative_provider": "Name the civilian provider of the alternative."})
        if self.area_id and self.operation_id and self.area.country != self.operation.country:
            raise ValidationError({"area": "This area is not in the operation's country."})
