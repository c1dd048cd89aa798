from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from ..validators import validate_calendar_range
from .base import OperationRecord, Sensitivity
from .operations import Operation, iso3_validator


class AreaQuerySet(models.QuerySet):
    def for_user(self, user):
        from cmcoord.permissions import scope_areas

        return scope_areas(self, user)


class Area(models.Model):
    """An administrative unit of the common operational dataset (COD), named by its P-code."""

    class Level(models.IntegerChoices):
        COUNTRY = 0, _("Country (admin 0)")
        ADMIN1 = 1, _("Admin 1 (province, region)")
        ADMIN2 = 2, _("Admin 2 (district)")

    pcode = models.CharField(_("P-code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=200)
    level = models.PositiveSmallIntegerField(_("level"), choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("parent"),
    )
    country = models.CharField(_("country"), max_length=3, validators=[iso3_validator], db_index=True)

    objects = AreaQuerySet.as_manager()

    class Meta:
        ordering = ["pcode"]
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(level=0) & models.Q(parent__isnull=True))
                | (models.Q(level__in=[1, 2]) & models.Q(parent__isnull=False)),
                name="area_parent_only_below_country",
            ),
            models.CheckConstraint(
                condition=models.Q(pcode__regex=r"^[A-Z]{2,3}[0-9]*$"), name="area_pcode_format"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.pcode})"

    def clean(self):
        super().clean()
        parent = self.parent
        if parent is None:
            return
        if parent.level != self.level - 1:
            raise ValidationError({"parent": _("The parent must be one administrative level up.")})
        if parent.country != self.country:
            raise ValidationError({"parent": _("The parent must be in the same country.")})
        if not self.pcode.startswith(parent.pcode):
            raise ValidationError(
                {"pcode": _("The P-code must start with its parent's (%(pcode)s).") % {"pcode": parent.pcode}}
            )


# The IASC reference names in every language we ship (cmcoord/data/sectors.csv holds them in
# English). A sector an operation renamed keeps its own name: records keep their own words.
REFERENCE_SECTOR_NAMES = {
    "CCM": (_("Camp Coordination and Camp Management"), "Camp Coordination and Camp Management"),
    "ERY": (_("Early Recovery"), "Early Recovery"),
    "EDU": (_("Education"), "Education"),
    "SHL": (_("Emergency Shelter and NFI"), "Emergency Shelter and NFI"),
    "TEL": (_("Emergency Telecommunications"), "Emergency Telecommunications"),
    "FSC": (_("Food Security"), "Food Security"),
    "HEA": (_("Health"), "Health"),
    "LOG": (pgettext_lazy("IASC cluster", "Logistics"), "Logistics"),
    "NUT": (_("Nutrition"), "Nutrition"),
    "PRO": (pgettext_lazy("IASC cluster", "Protection"), "Protection"),
    "WSH": (_("Water, Sanitation and Hygiene"), "Water, Sanitation and Hygiene"),
    "PRO-GBV": (_("Gender-Based Violence"), "Gender-Based Violence"),
    "PRO-CPN": (_("Child Protection"), "Child Protection"),
    "PRO-MIN": (_("Mine Action"), "Mine Action"),
    "PRO-HLP": (_("Housing, Land and Property"), "Housing, Land and Property"),
    "CCS": (_("Coordination and Common Services"), "Coordination and Common Services"),
    "MPC": (_("Multi-purpose Cash"), "Multi-purpose Cash"),
    "REF": (_("Refugee Response"), "Refugee Response"),
}


class SectorQuerySet(models.QuerySet):
    def for_user(self, user):
        from cmcoord.permissions import scope_reference

        return scope_reference(self, user)


class Sector(models.Model):
    """An IASC cluster, an area of responsibility within one, or a non-cluster sector."""

    class Kind(models.TextChoices):
        CLUSTER = "cluster", _("IASC cluster")
        AOR = "aor", _("Area of responsibility")
        OTHER = "other", _("Non-cluster sector")

    code = models.CharField(_("code"), max_length=12, unique=True, help_text=_("IASC code, e.g. LOG, WSH"))
    name = models.CharField(_("name"), max_length=120, unique=True)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="areas_of_responsibility",
        verbose_name=_("parent"),
    )

    objects = SectorQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="aor") | models.Q(parent__isnull=False),
                name="sector_aor_has_cluster",
            ),
        ]

    def __str__(self):
        return f"{self.display_name} ({self.code})"

    @property
    def display_name(self) -> str:
        """The reference name in the reader's language; a name of the operation's own as typed."""
        translated, english = REFERENCE_SECTOR_NAMES.get(self.code, (None, None))
        return str(translated) if translated is not None and self.name == english else self.name

    def clean(self):
        super().clean()
        if self.kind == self.Kind.AOR and (self.parent is None or self.parent.kind != self.Kind.CLUSTER):
            raise ValidationError({"parent": _("An area of responsibility belongs to a cluster.")})


class OperationRecordQuerySet(models.QuerySet):
    def for_user(self, user):
        from cmcoord.permissions import scope_records

        return scope_records(self, user)


class SecurityLevel(models.IntegerChoices):
    MINIMAL = 1, _("1 Minimal")
    LOW = 2, _("2 Low")
    MODERATE = 3, _("3 Moderate")
    SUBSTANTIAL = 4, _("4 Substantial")
    HIGH = 5, _("5 High")
    EXTREME = 6, _("6 Extreme")


class SecurityAssessment(OperationRecord):
    """The security context of one area: read by field staff before they travel."""

    in_operation_history = True  # its changes show on the operation's history page

    operation = models.ForeignKey(
        Operation, on_delete=models.CASCADE, related_name="security_assessments", verbose_name=_("operation")
    )
    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="security_assessments", verbose_name=_("area")
    )
    level = models.PositiveSmallIntegerField(_("level"), choices=SecurityLevel.choices)
    association_risks = models.TextField(
        _("association risks"), help_text=_("The risks of being seen with the military in this area.")
    )
    assessed_on = models.DateField(_("assessed on"), validators=[validate_calendar_range])
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("assessed by"),
    )
    sensitivity = models.CharField(
        _("sensitivity"), max_length=16, choices=Sensitivity.choices, default=Sensitivity.INTERNAL
    )
    history = HistoricalRecords()

    objects = OperationRecordQuerySet.as_manager()
    member_fields = ("assessed_by",)

    class Meta:
        ordering = ["area__pcode", "-assessed_on"]
        verbose_name = _("security assessment")
        verbose_name_plural = _("security assessments")
        indexes = [models.Index(fields=["operation", "area", "-assessed_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(level__gte=1, level__lte=6), name="security_level_range"
            ),
        ]

    def __str__(self):
        return f"{self.area} level {self.level} on {self.assessed_on}"

    def get_absolute_url(self):
        return reverse("cmcoord:security-detail", args=[self.operation_id, self.pk])

    def clean(self):
        super().clean()
        if self.area_id and self.operation_id and self.area.country != self.operation.country:
            raise ValidationError({"area": _("This area is not in the operation's country.")})
