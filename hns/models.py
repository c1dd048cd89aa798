"""The humanitarian notification system (HNS): notified static sites and movements, their relays
to the parties to the conflict, the parties' acknowledgements, and incidents affecting them.

A notification is not an approval: the cell passes what organisations notify to the parties and
records that each party acknowledged it. OCHA does not verify the data. Nothing here changes
anyone's status under international humanitarian law. The words of every page say so
(``DISCLAIMER``) and never say approved or cleared.

Who reads what is ``hns.rules``: officers everything of their operation, an organisation's staff
their organisation's notifications, nobody else any of it (HCT/UNCT members read counts per area).
"""

import datetime as dt
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from actors.models import Actor
from cmcoord.geo import Feature, LineString, Point, Position
from cmcoord.models import Area, Operation, OperationRecord, TimeStamped
from cmcoord.validators import validate_calendar_range
from contacts.models import Contact

DISCLAIMER = _(
    "A notification is not an approval. The cell passes it to the parties to the conflict and "
    "records their acknowledgement; OCHA does not verify the data. Notifying does not guarantee "
    "safety and does not change anyone's status under international humanitarian law."
)

LAT_VALIDATORS = [MinValueValidator(Decimal("-90")), MaxValueValidator(Decimal("90"))]
LON_VALIDATORS = [MinValueValidator(Decimal("-180")), MaxValueValidator(Decimal("180"))]


def latitude_field(verbose_name):
    return models.DecimalField(
        verbose_name,
        max_digits=8,
        decimal_places=5,
        validators=LAT_VALIDATORS,
        help_text=_("Decimal degrees, WGS84, from -90 (south) to 90 (north), e.g. -19.83420."),
    )


def longitude_field(verbose_name):
    return models.DecimalField(
        verbose_name,
        max_digits=8,
        decimal_places=5,
        validators=LON_VALIDATORS,
        help_text=_("Decimal degrees, WGS84, from -180 (west) to 180 (east), e.g. 34.83890."),
    )


def lat_lon_constraints(prefix: str, lat: str, lon: str) -> list:
    return [
        models.CheckConstraint(
            condition=models.Q(**{f"{lat}__gte": -90, f"{lat}__lte": 90}), name=f"{prefix}_lat"
        ),
        models.CheckConstraint(
            condition=models.Q(**{f"{lon}__gte": -180, f"{lon}__lte": 180}), name=f"{prefix}_lon"
        ),
    ]


# --- Settings of an operation's HNS ------------------------------------------------------------


class HnsSettings(models.Model):
    """The operation's HNS rules (kept here, so the core knows nothing of the HNS)."""

    operation = models.OneToOneField(
        Operation, on_delete=models.CASCADE, related_name="hns_settings", verbose_name=_("operation")
    )
    lead_hours = models.PositiveIntegerField(
        _("lead time (hours)"),
        default=48,
        validators=[MinValueValidator(1), MaxValueValidator(24 * 30)],
        help_text=_("How long before a movement starts it must be notified."),
    )
    emergency_lead_hours = models.PositiveIntegerField(
        _("lead time in an emergency (hours)"),
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(24 * 30)],
    )
    acknowledgement_overdue_hours = models.PositiveIntegerField(
        _("acknowledgement overdue after (hours)"),
        default=12,
        validators=[MinValueValidator(1), MaxValueValidator(24 * 30)],
        help_text=_("After this many hours without a party's acknowledgement, the cell is reminded."),
    )

    class Meta:
        verbose_name = _("HNS settings")
        verbose_name_plural = _("HNS settings")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(emergency_lead_hours__lte=models.F("lead_hours")),
                name="hns_settings_emergency_not_longer",
            ),
        ]

    def __str__(self):
        return str(self.operation)

    def clean(self):
        super().clean()
        if self.emergency_lead_hours and self.lead_hours and self.emergency_lead_hours > self.lead_hours:
            raise ValidationError(
                {"emergency_lead_hours": _("The emergency lead time cannot be longer than the normal one.")}
            )

    @classmethod
    def of(cls, operation_id: int) -> "HnsSettings":
        """The operation's settings, or the defaults (48 h, 24 h, 12 h) if none were set."""
        found = cls.objects.filter(operation_id=operation_id).first()
        return found or cls(operation_id=operation_id)


# --- Who notifies for an organisation --------------------------------------------------------


class OrganisationStaffQuerySet(models.QuerySet):
    def for_user(self, user):
        from hns.rules import scope_staff

        return scope_staff(self, user)


class OrganisationStaff(TimeStamped):
    """A member of the operation who notifies for one humanitarian organisation (an actor).

    Set by officers; a person notifies for at most one organisation per operation.
    """

    operation = models.ForeignKey(
        Operation, on_delete=models.CASCADE, related_name="hns_staff", verbose_name=_("operation")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="hns_staff", verbose_name=_("person")
    )
    organisation = models.ForeignKey(
        Actor, on_delete=models.CASCADE, related_name="hns_staff", verbose_name=_("organisation")
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("added by"),
    )

    objects = OrganisationStaffQuerySet.as_manager()

    class Meta:
        ordering = ["organisation__name", "user__username", "id"]
        verbose_name = _("organisation staff")
        verbose_name_plural = _("organisation staff")
        constraints = [
            models.UniqueConstraint(fields=["operation", "user"], name="hns_staff_one_organisation"),
        ]

    def __str__(self):
        return _("%(person)s for %(organisation)s") % {"person": self.user, "organisation": self.organisation}


# --- Notified static sites and movements -----------------------------------------------------


class SiteType(models.TextChoices):
    OFFICE = "office", _("Office")
    WAREHOUSE = "warehouse", _("Warehouse")
    HEALTH = "health_facility", _("Health facility")
    DISTRIBUTION = "distribution_site", _("Distribution site")
    DISPLACEMENT = "displacement_site", _("Displacement site")
    INFRASTRUCTURE = "critical_infrastructure", _("Critical civilian infrastructure")


class SiteStatus(models.TextChoices):
    ACTIVE = "active", pgettext_lazy("notified site", "Active")
    REMOVED = "removed", pgettext_lazy("notified site", "Removed")


class MovementMode(models.TextChoices):
    ROAD = "road_convoy", _("Road convoy")
    FLIGHT = "flight", _("Flight")
    WATER = "waterborne", _("Waterborne")
    EVACUATION = "evacuation", _("Evacuation")


class MovementStatus(models.TextChoices):
    PLANNED = "planned", pgettext_lazy("movement", "Planned")
    UNDER_WAY = "under_way", pgettext_lazy("movement", "Under way")
    COMPLETED = "completed", pgettext_lazy("movement", "Completed")
    CANCELLED = "cancelled", pgettext_lazy("movement", "Cancelled")


class CargoClass(models.TextChoices):
    NONE = "none", _("No cargo (people only)")
    FOOD = "food", _("Food")
    MEDICAL = "medical", _("Medical supplies")
    NFI = "nfi", _("Non-food items and shelter")
    WASH = "wash", _("Water, sanitation and hygiene supplies")
    FUEL = "fuel", _("Fuel")
    MIXED = "mixed", _("Mixed humanitarian cargo")


OPEN_MOVEMENT = [MovementStatus.PLANNED, MovementStatus.UNDER_WAY]


class NotificationQuerySet(models.QuerySet):
    def for_user(self, user):
        from hns.rules import scope_notifications

        return scope_notifications(self, user)


class Notified(OperationRecord):
    """What sites and movements share: who notified, for which organisation, its 24/7 focal point."""

    organisation = models.ForeignKey(
        Actor, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    focal_point_name = models.CharField(_("24/7 focal point"), max_length=200)
    focal_point_phone = models.CharField(
        _("focal point's phone"), max_length=40, help_text=_("A number answered day and night.")
    )
    notes = models.TextField(_("notes"), blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("notified by"),
    )
    submitted_at = models.DateTimeField(_("notified at"), default=timezone.now)
    # The cell has read it (a step before relaying; not a verification: OCHA verifies nothing).
    checked_at = models.DateTimeField(_("checked by the cell at"), null=True, blank=True)
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("checked by"),
    )

    same_operation_fields = ("organisation",)

    class Meta:
        abstract = True

    @property
    def is_open(self) -> bool:
        raise NotImplementedError

    def geo_position(self) -> Position:
        raise NotImplementedError


class StaticSite(Notified):
    """A site an organisation notified so the parties can avoid striking it."""

    operation = models.ForeignKey(
        Operation, on_delete=models.CASCADE, related_name="hns_sites", verbose_name=_("operation")
    )
    name = models.CharField(_("name"), max_length=200)
    site_type = models.CharField(_("type"), max_length=32, choices=SiteType.choices)
    latitude = latitude_field(_("latitude"))
    longitude = longitude_field(_("longitude"))
    area = models.ForeignKey(
        Area,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("area (P-code)"),
    )
    valid_from = models.DateField(_("valid from"), validators=[validate_calendar_range])
    valid_until = models.DateField(
        _("valid until"), null=True, blank=True, validators=[validate_calendar_range]
    )
    status = models.CharField(
        _("status"), max_length=12, choices=SiteStatus.choices, default=SiteStatus.ACTIVE
    )
    history = HistoricalRecords()

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("notified site")
        verbose_name_plural = _("notified sites")
        constraints = [
            *lat_lon_constraints("hns_site", "latitude", "longitude"),
            models.CheckConstraint(
                condition=models.Q(valid_until__isnull=True)
                | models.Q(valid_until__gte=models.F("valid_from")),
                name="hns_site_valid_until_after_from",
            ),
        ]
        indexes = [
            models.Index(fields=["operation", "organisation", "status"]),
            models.Index(fields=["operation", "name", "id"], name="hns_site_op_name_id"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("hns:site-detail", args=[self.operation_id, self.pk])

    @property
    def kind(self) -> str:
        return "site"

    @property
    def is_open(self) -> bool:
        return self.status == SiteStatus.ACTIVE

    def geo_position(self) -> Position:
        return Position(float(self.longitude), float(self.latitude))

    def clean(self):
        super().clean()
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("The site cannot stop being valid before it starts.")})
        if self.area_id and self.operation_id and self.area.country != self.operation.country:
            raise ValidationError({"area": _("This area is not in the operation's country.")})

    def to_features(self) -> list[Feature]:
        return [
            Feature(
                id=f"site-{self.pk}",
                name=self.name,
                geometry=Point(self.geo_position()),
                properties={
                    "kind": "site",
                    "organisation": self.organisation.name,
                    "site_type": self.site_type,
                    "pcode": self.area.pcode if self.area_id else None,
                    "valid_from": self.valid_from.isoformat(),
                    "valid_until": self.valid_until.isoformat() if self.valid_until else None,
                    "status": self.status,
                    "focal_point": self.focal_point_name,
                    "focal_point_phone": self.focal_point_phone,
                    "version": self.version,
                },
                description=str(self.get_site_type_display()),
            )
        ]


class Movement(Notified):
    """A movement an organisation notified: its window, route, vehicles, cargo and people.

    The route's waypoints are a JSON list of ``[longitude, latitude]`` pairs, in travel order,
    between the origin and the destination. A list rather than a child table: a route is always
    read and written whole, its order is its meaning, and it is versioned with the movement, so a
    relay that carried version 3 carried that route (a child table would need its own versions).
    """

    operation = models.ForeignKey(
        Operation, on_delete=models.CASCADE, related_name="hns_movements", verbose_name=_("operation")
    )
    title = models.CharField(_("title"), max_length=200, help_text=_("e.g. 'Food convoy Beira – Buzi'"))
    mode = models.CharField(_("mode"), max_length=16, choices=MovementMode.choices)
    starts_at = models.DateTimeField(_("starts at"), validators=[validate_calendar_range])
    ends_at = models.DateTimeField(_("ends at"), validators=[validate_calendar_range])
    emergency = models.BooleanField(
        _("emergency"), default=False, help_text=_("An emergency movement has the shorter lead time.")
    )
    origin = models.CharField(_("origin"), max_length=200)
    origin_latitude = latitude_field(_("origin latitude"))
    origin_longitude = longitude_field(_("origin longitude"))
    destination = models.CharField(_("destination"), max_length=200)
    destination_latitude = latitude_field(_("destination latitude"))
    destination_longitude = longitude_field(_("destination longitude"))
    waypoints = models.JSONField(
        _("route waypoints"),
        default=list,
        blank=True,
        help_text=_("The route between origin and destination, as [longitude, latitude] pairs in order."),
    )
    vehicles = models.TextField(
        _("vehicles and markings"),
        blank=True,
        help_text=_("e.g. '4 white trucks, WFP logo on roof and doors'"),
    )
    cargo_class = models.CharField(_("cargo"), max_length=12, choices=CargoClass.choices)
    people = models.PositiveIntegerField(_("number of people"), default=0)
    status = models.CharField(
        _("status"), max_length=12, choices=MovementStatus.choices, default=MovementStatus.PLANNED
    )
    late = models.BooleanField(_("notified late"), default=False, editable=False)
    late_reason = models.TextField(_("why it is notified late"), blank=True)
    history = HistoricalRecords()

    objects = NotificationQuerySet.as_manager()

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("notified movement")
        verbose_name_plural = _("notified movements")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="hns_movement_window"
            ),
            *lat_lon_constraints("hns_movement_origin", "origin_latitude", "origin_longitude"),
            *lat_lon_constraints("hns_movement_destination", "destination_latitude", "destination_longitude"),
            models.CheckConstraint(
                condition=models.Q(late=False) | ~models.Q(late_reason=""),
                name="hns_movement_late_has_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["operation", "organisation", "status"]),
            models.Index(fields=["operation", "starts_at", "id"], name="hns_movement_op_start_id"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("hns:movement-detail", args=[self.operation_id, self.pk])

    @property
    def kind(self) -> str:
        return "movement"

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_MOVEMENT

    def geo_position(self) -> Position:
        return Position(float(self.origin_longitude), float(self.origin_latitude))

    def destination_position(self) -> Position:
        return Position(float(self.destination_longitude), float(self.destination_latitude))

    def route_positions(self) -> tuple[Position, ...]:
        middle = tuple(Position(float(lon), float(lat)) for lon, lat in self.waypoints or ())
        return (self.geo_position(), *middle, self.destination_position())

    def clean(self):
        super().clean()
        errors = {}
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The movement must end after it starts.")
        try:
            validate_waypoints(self.waypoints)
        except ValidationError as exc:
            errors["waypoints"] = exc.messages
        if errors:
            raise ValidationError(errors)

    def to_features(self) -> list[Feature]:
        zone = self.operation.zone
        return [
            Feature(
                id=f"movement-{self.pk}",
                name=self.title,
                geometry=LineString(self.route_positions()),
                properties={
                    "kind": "movement",
                    "organisation": self.organisation.name,
                    "mode": self.mode,
                    "starts_at": timezone.localtime(self.starts_at, zone).isoformat(),
                    "ends_at": timezone.localtime(self.ends_at, zone).isoformat(),
                    "origin": self.origin,
                    "destination": self.destination,
                    "vehicles": self.vehicles,
                    "cargo": self.cargo_class,
                    "people": self.people,
                    "status": self.status,
                    "focal_point": self.focal_point_name,
                    "focal_point_phone": self.focal_point_phone,
                    "version": self.version,
                },
                description=str(self.get_mode_display()),
            )
        ]


MAX_WAYPOINTS = 200


def validate_waypoints(value) -> None:
    """A list of [longitude, latitude] pairs, each within WGS84's ranges."""
    if not isinstance(value, list):
        raise ValidationError(_("The route must be a list of [longitude, latitude] pairs."))
    if len(value) > MAX_WAYPOINTS:
        raise ValidationError(_("A route has at most %(max)d waypoints.") % {"max": MAX_WAYPOINTS})
    for number, pair in enumerate(value, start=1):
        ok = (
            isinstance(pair, list | tuple)
            and len(pair) == 2
            and all(isinstance(v, int | float) and not isinstance(v, bool) for v in pair)
        )
        if not ok or not (-180 <= pair[0] <= 180 and -90 <= pair[1] <= 90):
            raise ValidationError(
                _(
                    "Waypoint %(number)d is not a longitude between -180 and 180 "
                    "and a latitude between -90 and 90."
                )
                % {"number": number}
            )


# --- Relays to the parties and their acknowledgements ------------------------------------------


class RelayKind(models.TextChoices):
    NOTIFICATION = "notification", _("Notification")
    CHANGE = "change", _("Change")
    CANCELLATION = "cancellation", _("Cancellation")


class RelayQuerySet(models.QuerySet):
    def for_user(self, user):
        from hns.rules import scope_relays

        return scope_relays(self, user)

    def unacknowledged(self):
        return self.filter(acknowledged_at__isnull=True)


class Relay(TimeStamped):
    """The cell passed one version of a notification to one party, through one contact.

    ``version`` is the notification's version it carried: a later version (a change, a
    cancellation) must be relayed again. The party's acknowledgement is recorded on the relay
    (``acknowledged_at``, ``acknowledgement_reference``), once.
    """

    operation = models.ForeignKey(
        Operation, on_delete=models.CASCADE, related_name="hns_relays", verbose_name=_("operation")
    )
    site = models.ForeignKey(
        StaticSite,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="relays",
        verbose_name=_("site"),
    )
    movement = models.ForeignKey(
        Movement,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="relays",
        verbose_name=_("movement"),
    )
    party = models.ForeignKey(Actor, on_delete=models.PROTECT, related_name="+", verbose_name=_("party"))
    contact = models.ForeignKey(
        Contact,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("through contact"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=RelayKind.choices)
    version = models.PositiveIntegerField(_("version relayed"))
    relayed_at = models.DateTimeField(_("relayed at"), validators=[validate_calendar_range])
    relayed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("relayed by"),
    )
    acknowledged_at = models.DateTimeField(
        _("acknowledged at"), null=True, blank=True, validators=[validate_calendar_range]
    )
    acknowledgement_reference = models.CharField(_("acknowledgement reference"), max_length=200, blank=True)
    acknowledgement_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("acknowledgement recorded by"),
    )

    objects = RelayQuerySet.as_manager()

    class Meta:
        ordering = ["-relayed_at", "-id"]
        verbose_name = _("relay to a party")
        verbose_name_plural = _("relays to parties")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(site__isnull=False, movement__isnull=True)
                | models.Q(site__isnull=True, movement__isnull=False),
                name="hns_relay_one_notification",
            ),
            models.UniqueConstraint(fields=["site", "party", "version"], name="hns_relay_site_version_once"),
            models.UniqueConstraint(
                fields=["movement", "party", "version"], name="hns_relay_movement_version_once"
            ),
        ]
        indexes = [
            models.Index(fields=["operation", "acknowledged_at", "relayed_at"]),
            models.Index(fields=["operation", "party"]),
        ]

    def __str__(self):
        return _("%(notification)s to %(party)s (version %(version)d)") % {
            "notification": self.notification,
            "party": self.party,
            "version": self.version,
        }

    @property
    def notification(self):
        return self.site if self.site_id else self.movement

    def get_absolute_url(self):
        return self.notification.get_absolute_url()


class IncidentQuerySet(models.QuerySet):
    def for_user(self, user):
        from hns.rules import scope_incidents

        return scope_incidents(self, user)


class Incident(OperationRecord):
    """Something that affected a notified site or movement, for the cell to raise with the party."""

    operation = models.ForeignKey(
        Operation, on_delete=models.CASCADE, related_name="hns_incidents", verbose_name=_("operation")
    )
    site = models.ForeignKey(
        StaticSite,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="incidents",
        verbose_name=_("site"),
    )
    movement = models.ForeignKey(
        Movement,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="incidents",
        verbose_name=_("movement"),
    )
    occurred_at = models.DateTimeField(_("occurred at"), validators=[validate_calendar_range])
    description = models.TextField(_("what happened"))
    party = models.ForeignKey(
        Actor,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("party concerned"),
    )
    raised_at = models.DateTimeField(_("raised with the party at"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    history = HistoricalRecords()

    objects = IncidentQuerySet.as_manager()
    same_operation_fields = ("site", "movement", "party")

    class Meta:
        ordering = ["-occurred_at", "-id"]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(site__isnull=False, movement__isnull=True)
                | models.Q(site__isnull=True, movement__isnull=False),
                name="hns_incident_one_notification",
            ),
        ]

    def __str__(self):
        return _("Incident of %(date)s at %(notification)s") % {
            "date": f"{self.occurred_at:%Y-%m-%d}" if self.occurred_at else "?",
            "notification": self.notification,
        }

    @property
    def notification(self):
        return self.site if self.site_id else self.movement

    def get_absolute_url(self):
        return self.notification.get_absolute_url()


def hours_between(earlier: dt.datetime, later: dt.datetime) -> float:
    """Real hours elapsed: a DST change makes a calendar day 23 or 25 hours.

    Both are taken to UTC first: Python subtracts two datetimes of the same time zone object on
    the wall clock, which would count 48 hours where only 47 passed.
    """
    return (later.astimezone(dt.UTC) - earlier.astimezone(dt.UTC)).total_seconds() / 3600
