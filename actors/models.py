"""Actors present in an operation, their mandates, presence and links between them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cmcoord.models import Area, Operation, OperationHistory, OperationRecord, Sector, Sensitivity, Versioned
from cmcoord.permissions import scope_records, scope_through
from cmcoord.validators import validate_calendar_range


class Category(models.TextChoices):
    DOMESTIC_CIVILIAN = "domestic_civilian", _("Domestic civilian")
    DOMESTIC_MILITARY = "domestic_military", _("Domestic military and paramilitary")
    INTERNATIONAL_CIVILIAN = "international_civilian", _("International civilian")
    FOREIGN_MILITARY = "foreign_military", _("Foreign military")


class ActorType(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    LOCAL_AUTHORITY = "local_authority", _("Local authority")
    LOCAL_LEADER = "local_leader", _("Local leader")
    NATIONAL_NGO = "national_ngo", _("National NGO")
    CIVIL_DEFENCE = "civil_defence", _("Civil defence / civil protection")
    ARMED_FORCES = "armed_forces", _("Armed forces")
    POLICE = "police", _("Police")
    GENDARMERIE = "gendarmerie", _("Gendarmerie")
    BORDER_CUSTOMS = "border_customs", _("Border and customs forces")
    UN_AGENCY = "un_agency", _("UN agency")
    INGO = "ingo", _("International NGO")
    DONOR = "donor", _("Donor")
    RED_CROSS = "red_cross", _("ICRC / IFRC / National Society")
    UN_PEACEKEEPING = "un_peacekeeping", _("UN peacekeeping force")
    NON_UN_PEACEKEEPING = "non_un_peacekeeping", _("Non-UN peacekeeping force")
    BILATERAL_FORCE = "bilateral_force", _("Bilateral force")
    # Translators: CIMIC is civil-military cooperation, the military function (NATO/EU term).
    CIMIC_UNIT = "cimic_unit", _("CIMIC unit")
    MILITARY_POLICE = "military_police", _("Military police")
    UNPOL = "unpol", _("UN police (UNPOL)")
    OTHER = "other", _("Other")


TYPES_BY_CATEGORY = {
    Category.DOMESTIC_CIVILIAN: {
        ActorType.GOVERNMENT,
        ActorType.LOCAL_AUTHORITY,
        ActorType.LOCAL_LEADER,
        ActorType.NATIONAL_NGO,
        ActorType.CIVIL_DEFENCE,
        ActorType.OTHER,
    },
    Category.DOMESTIC_MILITARY: {
        ActorType.ARMED_FORCES,
        ActorType.POLICE,
        ActorType.GENDARMERIE,
        ActorType.BORDER_CUSTOMS,
        ActorType.MILITARY_POLICE,
        ActorType.OTHER,
    },
    Category.INTERNATIONAL_CIVILIAN: {
        ActorType.UN_AGENCY,
        ActorType.INGO,
        ActorType.DONOR,
        ActorType.RED_CROSS,
        ActorType.OTHER,
    },
    Category.FOREIGN_MILITARY: {
        ActorType.UN_PEACEKEEPING,
        ActorType.NON_UN_PEACEKEEPING,
        ActorType.BILATERAL_FORCE,
        ActorType.CIMIC_UNIT,
        ActorType.MILITARY_POLICE,
        ActorType.UNPOL,
        ActorType.OTHER,
    },
}
MILITARY_CATEGORIES = {Category.DOMESTIC_MILITARY, Category.FOREIGN_MILITARY}


class Echelon(models.TextChoices):
    STRATEGIC = "strategic", _("Strategic / national command")
    OPERATIONAL = "operational", _("Operational (force or joint HQ)")
    FORMATION = "formation", _("Formation (division, brigade)")
    UNIT = "unit", _("Unit (battalion, regiment)")
    SUB_UNIT = "sub_unit", _("Sub-unit (company, detachment)")


class Relationship(models.TextChoices):
    # Translators: the civil-military coordination spectrum of the UN-CMCoord guidance:
    # co-existence, coordination, cooperation.
    NONE = "none", _("No relationship")
    CO_EXISTENCE = "co_existence", _("Co-existence")
    COORDINATION = "coordination", _("Coordination")
    COOPERATION = "cooperation", _("Cooperation")


class AssociationRisk(models.TextChoices):
    NONE = "none", pgettext_lazy("risk level", "None")
    LOW = "low", pgettext_lazy("risk level", "Low")
    MEDIUM = "medium", pgettext_lazy("risk level", "Medium")
    HIGH = "high", pgettext_lazy("risk level", "High")


class InterlocutorStatus(models.TextChoices):
    # Translators: an interlocutor is an actor or person the HCT/UNCT (humanitarian country team /
    # UN country team) approves for humanitarians to talk to (UN-CMCoord usage).
    UNDECIDED = "undecided", _("Not decided")
    APPROVED = "approved", _("Approved interlocutor")
    REJECTED = "rejected", _("Not an interlocutor")


class ActorQuerySet(models.QuerySet):
    def for_user(self, user):
        return scope_records(self, user)

    def military(self):
        return self.filter(category__in=MILITARY_CATEGORIES)

    def mcda_providers(self):
        return self.filter(
            models.Q(category__in=MILITARY_CATEGORIES) | models.Q(actor_type=ActorType.CIVIL_DEFENCE)
        )


class Actor(OperationRecord):
    """An organisation or force present in the operation."""

    in_operation_history = True  # its changes show on the operation's history page

    operation = models.ForeignKey(
        Operation, verbose_name=_("operation"), on_delete=models.CASCADE, related_name="actors"
    )
    name = models.CharField(_("name"), max_length=200)
    acronym = models.CharField(_("acronym"), max_length=40, blank=True)
    category = models.CharField(_("category"), max_length=32, choices=Category.choices)
    actor_type = models.CharField(_("type"), max_length=32, choices=ActorType.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("The next level up in its structure or chain of command."),
    )
    echelon = models.CharField(_("echelon"), max_length=16, choices=Echelon.choices, blank=True)
    contributing_state = models.CharField(
        _("contributing state"),
        max_length=3,
        blank=True,
        validators=[RegexValidator(r"^[A-Z]{3}$", _("Use ISO 3166 alpha-3."))],
        help_text=_("For foreign forces: ISO 3166 alpha-3 of the contributing state."),
    )
    operating_methods = models.TextField(
        _("operating methods"), blank=True, help_text=_("How its ways of working differ.")
    )
    government_coordination = models.TextField(
        _("government coordination"), blank=True, help_text=_("How it coordinates with the government.")
    )
    relationship = models.CharField(
        _("relationship"), max_length=16, choices=Relationship.choices, default=Relationship.NONE
    )
    association_risk = models.CharField(
        _("association risk"), max_length=8, choices=AssociationRisk.choices, default=AssociationRisk.NONE
    )
    association_risk_reason = models.TextField(_("association risk reason"), blank=True)
    iati_org_id = models.CharField(_("IATI organisation id"), max_length=60, blank=True)
    hdx_org_type = models.CharField(_("HDX organisation type"), max_length=60, blank=True)
    interlocutor_status = models.CharField(
        _("interlocutor status"),
        max_length=12,
        choices=InterlocutorStatus.choices,
        default=InterlocutorStatus.UNDECIDED,
    )
    interlocutor_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("interlocutor decided by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    interlocutor_decided_on = models.DateField(
        _("interlocutor decided on"), null=True, blank=True, validators=[validate_calendar_range]
    )
    interlocutor_rationale = models.TextField(_("interlocutor rationale"), blank=True)
    sensitivity = models.CharField(
        _("sensitivity"), max_length=16, choices=Sensitivity.choices, default=Sensitivity.INTERNAL
    )
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords()

    objects = ActorQuerySet.as_manager()
    same_operation_fields = ("parent",)

    class Meta:
        verbose_name = _("actor")
        verbose_name_plural = _("actors")
        # Every default order ends with the id and has an index (with and without the operation
        # first: one operation walks the first, several operations the second).
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["operation", "name"], name="actor_unique_name_in_operation"),
            models.CheckConstraint(condition=~models.Q(parent=models.F("pk")), name="actor_not_own_parent"),
            models.CheckConstraint(
                condition=models.Q(interlocutor_status="undecided")
                | models.Q(interlocutor_decided_on__isnull=False),
                name="actor_interlocutor_decision_dated",
            ),
        ]
        indexes = [
            models.Index(fields=["operation", "category", "actor_type"]),
            models.Index(fields=["operation", "interlocutor_status"]),
            models.Index(fields=["operation", "name", "id"], name="actor_op_name_id"),
            models.Index(fields=["name", "id"], name="actor_name_id"),
            models.Index(fields=["updated_at", "id"], name="actor_updated_id"),
        ]

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name

    def get_absolute_url(self):
        return reverse("actors:detail", args=[self.operation_id, self.pk])

    @property
    def is_military(self) -> bool:
        return self.category in MILITARY_CATEGORIES

    @property
    def can_provide_mcda(self) -> bool:
        return self.is_military or self.actor_type == ActorType.CIVIL_DEFENCE

    def clean(self):
        super().clean()
        if self.category and self.actor_type and self.actor_type not in TYPES_BY_CATEGORY[self.category]:
            raise ValidationError(
                {
                    # Translators: an actor category and an actor type, both in lower case,
                    # e.g. "A foreign military actor cannot be of type police."
                    "actor_type": gettext("A %(category)s actor cannot be of type %(type)s.")
                    % {
                        "category": self.get_category_display().lower(),
                        "type": self.get_actor_type_display().lower(),
                    }
                }
            )
        if (
            self.association_risk in {AssociationRisk.MEDIUM, AssociationRisk.HIGH}
            and not self.association_risk_reason.strip()
        ):
            raise ValidationError(
                {"association_risk_reason": gettext("Say why the risk of association is medium or high.")}
            )
        self._check_hierarchy()

    def _check_hierarchy(self):
        seen = {self.pk} if self.pk else set()
        node = self.parent
        while node is not None:
            if node.pk in seen:
                raise ValidationError({"parent": gettext("This would make the chain of command a loop.")})
            seen.add(node.pk)
            node = node.parent

    def ancestors(self) -> list["Actor"]:
        chain, node = [], self.parent
        while node is not None and len(chain) < 50:
            chain.append(node)
            node = node.parent
        return chain[::-1]


class ActorPresenceQuerySet(models.QuerySet):
    def for_user(self, user):
        return scope_through(self, user, "actor", Actor.objects)


class ActorPresence(models.Model):
    """Where and in which sector an actor operates, when, doing what."""

    in_operation_history = True  # its changes show on the operation's history page

    actor = models.ForeignKey(
        Actor, verbose_name=_("actor"), on_delete=models.CASCADE, related_name="presences"
    )
    area = models.ForeignKey(
        Area, verbose_name=_("area"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    sector = models.ForeignKey(
        Sector, verbose_name=_("sector"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    activities = models.TextField(_("activities"), blank=True)
    start_date = models.DateField(
        _("start date"), null=True, blank=True, validators=[validate_calendar_range]
    )
    end_date = models.DateField(_("end date"), null=True, blank=True, validators=[validate_calendar_range])
    history = HistoricalRecords(bases=[OperationHistory])

    objects = ActorPresenceQuerySet.as_manager()

    class Meta:
        verbose_name = _("presence")
        verbose_name_plural = _("presences")
        ordering = ["area__pcode", "sector__code"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(area__isnull=False) | models.Q(sector__isnull=False),
                name="presence_has_area_or_sector",
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(start_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="presence_end_after_start",
            ),
        ]
        indexes = [models.Index(fields=["area", "sector"])]

    def __str__(self):
        return gettext("%(actor)s in %(area)s / %(sector)s") % {
            "actor": self.actor,
            "area": self.area or "-",
            "sector": self.sector or "-",
        }

    def clean(self):
        super().clean()
        if not self.area_id and not self.sector_id:
            raise ValidationError(gettext("Give an area, a sector or both."))
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": gettext("The end date cannot be before the start date.")})
        if self.area_id and self.actor_id and self.area.country != self.actor.operation.country:
            raise ValidationError({"area": gettext("This area is not in the operation's country.")})


class Authority(models.TextChoices):
    UNSC_RESOLUTION = "unsc_resolution", _("UN Security Council resolution")
    HOST_NATION_REQUEST = "host_nation_request", _("Host-nation request")
    BILATERAL_AGREEMENT = "bilateral_agreement", _("Bilateral agreement")
    NATIONAL_LAW = "national_law", _("National law")
    REGIONAL_ORGANISATION = "regional_organisation", _("Regional organisation decision")
    OTHER = "other", _("Other")


class MandateQuerySet(models.QuerySet):
    def for_user(self, user):
        return scope_records(self, user, operation="actor__operation", parents=("actor",))


class Mandate(Versioned):
    """What an actor is there to do, on what authority, and when."""

    in_operation_history = True  # its changes show on the operation's history page

    actor = models.ForeignKey(
        Actor, verbose_name=_("actor"), on_delete=models.CASCADE, related_name="mandates"
    )
    title = models.CharField(_("title"), max_length=300)
    authority = models.CharField(_("authority"), max_length=32, choices=Authority.choices)
    reference = models.CharField(
        _("reference"), max_length=120, blank=True, help_text=_("e.g. S/RES/2728 (2024)")
    )
    scope = models.TextField(_("scope"))
    in_force_from = models.DateField(_("in force from"), validators=[validate_calendar_range])
    in_force_until = models.DateField(
        _("in force until"), null=True, blank=True, validators=[validate_calendar_range]
    )
    source_url = models.URLField(_("source URL"), blank=True)
    sensitivity = models.CharField(
        _("sensitivity"), max_length=16, choices=Sensitivity.choices, default=Sensitivity.INTERNAL
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True, db_index=True)
    history = HistoricalRecords(bases=[OperationHistory])

    objects = MandateQuerySet.as_manager()

    class Meta:
        verbose_name = _("mandate")
        verbose_name_plural = _("mandates")
        ordering = ["-in_force_from", "-id"]
        indexes = [
            models.Index(fields=["-in_force_from", "-id"], name="mandate_in_force_id"),
            models.Index(fields=["actor", "-in_force_from", "-id"], name="mandate_actor_in_force_id"),
            models.Index(fields=["updated_at", "id"], name="mandate_updated_id"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(in_force_until__isnull=True)
                | models.Q(in_force_until__gte=models.F("in_force_from")),
                name="mandate_until_after_from",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        """The actor's page, where its mandates are shown.

        Reads ``self.actor`` (a mandate has no operation of its own): fetch mandates through
        their actor, or with ``select_related("actor")``, before linking many of them.
        """
        return reverse("actors:detail", args=[self.operation_id, self.actor_id])

    @property
    def operation_id(self):
        return self.actor.operation_id

    def clean(self):
        super().clean()
        if self.in_force_from and self.in_force_until and self.in_force_until < self.in_force_from:
            raise ValidationError(
                {"in_force_until": gettext("A mandate cannot end before it comes into force.")}
            )


class LinkKind(models.TextChoices):
    COORDINATION_MECHANISM = "coordination_mechanism", _("Coordination mechanism")
    LIAISON = "liaison", _("Liaison")
    COMMAND = "command", _("Command relation (beyond the hierarchy)")
    SUPPORT = "support", _("Support relation")
    OTHER = "other", _("Other")


class ActorLinkQuerySet(models.QuerySet):
    def for_user(self, user):
        return scope_records(self, user, parents=("source", "target"))


class ActorLink(OperationRecord):
    """Who coordinates with whom and how: the network officers build and use."""

    in_operation_history = True  # its changes show on the operation's history page

    operation = models.ForeignKey(
        Operation, verbose_name=_("operation"), on_delete=models.CASCADE, related_name="actor_links"
    )
    source = models.ForeignKey(
        Actor, verbose_name=_("source"), on_delete=models.CASCADE, related_name="links_out"
    )
    target = models.ForeignKey(
        Actor, verbose_name=_("target"), on_delete=models.CASCADE, related_name="links_in"
    )
    kind = models.CharField(_("kind"), max_length=32, choices=LinkKind.choices)
    mechanism = models.CharField(_("mechanism"), max_length=300, blank=True)
    since = models.DateField(_("since"), null=True, blank=True, validators=[validate_calendar_range])
    notes = models.TextField(_("notes"), blank=True)
    sensitivity = models.CharField(
        _("sensitivity"), max_length=16, choices=Sensitivity.choices, default=Sensitivity.INTERNAL
    )
    history = HistoricalRecords()

    objects = ActorLinkQuerySet.as_manager()
    same_operation_fields = ("source", "target")

    class Meta:
        verbose_name = _("actor link")
        verbose_name_plural = _("actor links")
        ordering = ["source__name", "target__name"]
        constraints = [
            models.CheckConstraint(condition=~models.Q(source=models.F("target")), name="link_not_to_itself"),
            models.UniqueConstraint(fields=["source", "target", "kind"], name="link_unique_kind"),
        ]

    def __str__(self):
        return f"{self.source} → {self.target} ({self.get_kind_display()})"

    def get_absolute_url(self):
        """The page of the actor the link starts from, where its links are shown."""
        return reverse("actors:detail", args=[self.operation_id, self.source_id])

    def clean(self):
        super().clean()
        if self.source_id and self.source_id == self.target_id:
            raise ValidationError({"target": gettext("An actor cannot be linked to itself.")})
        if self.source_id and self.target_id and self.kind and self._duplicates().exists():
            # Said next to the kind, so the generic "already exists" of the constraint is not added.
            raise ValidationError(
                {"kind": gettext("These two actors are already linked this way: edit that link instead.")}
            )

    def _duplicates(self):
        same = ActorLink.objects.filter(source_id=self.source_id, target_id=self.target_id, kind=self.kind)
        return same.exclude(pk=self.pk) if self.pk else same
