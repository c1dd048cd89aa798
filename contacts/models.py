"""CIMIC and liaison contacts, and the HCT/UNCT's decisions on who is an interlocutor."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalRecords

from actors.models import Actor, InterlocutorStatus
from cmcoord.models import Operation, OperationRecord, Sensitivity
from cmcoord.permissions import operations_where
from cmcoord.validators import validate_calendar_range
from contacts import rules


class Position(models.TextChoices):
    # Translators: CIMIC is civil-military cooperation; J9/G9 is the staff branch for it.
    CIMIC_OFFICER = "cimic_officer", _("CIMIC officer")
    J9_G9 = "j9_g9", _("J9 / G9 officer")
    LIAISON_OFFICER = "liaison_officer", _("Liaison officer")
    COMMANDER = "commander", _("Commander")
    FOCAL_POINT = "focal_point", _("Focal point")
    OTHER = "other", _("Other")


class ContactQuerySet(models.QuerySet):
    def for_user(self, user):
        return rules.scope_contacts(self, user)


class Contact(OperationRecord):
    """A person to talk to in an actor: shared with field staff only once approved."""

    in_operation_history = True  # its changes show on the operation's history page

    operation = models.ForeignKey(
        Operation, verbose_name=_("operation"), on_delete=models.CASCADE, related_name="contacts"
    )
    actor = models.ForeignKey(
        Actor, verbose_name=_("actor"), on_delete=models.CASCADE, related_name="contacts"
    )
    full_name = models.CharField(_("full name"), max_length=200)
    rank_or_title = models.CharField(_("rank or title"), max_length=80, blank=True)
    position = models.CharField(
        pgettext_lazy("job of a contact", "position"), max_length=32, choices=Position.choices
    )
    position_detail = models.CharField(
        _("position detail"), max_length=200, blank=True, help_text=_("e.g. 'J9, Joint Task Force HQ'")
    )
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    satellite_phone = models.CharField(_("satellite phone"), max_length=40, blank=True)
    radio_call_sign = models.CharField(_("radio call sign"), max_length=40, blank=True)
    languages = models.CharField(
        _("languages"), max_length=200, blank=True, help_text=_("e.g. 'Portuguese, English'")
    )
    last_verified_on = models.DateField(
        _("last verified on"), null=True, blank=True, validators=[validate_calendar_range]
    )
    interlocutor_status = models.CharField(
        _("interlocutor status"),
        max_length=12,
        choices=InterlocutorStatus.choices,
        default=InterlocutorStatus.UNDECIDED,
        help_text=_("Undecided: follows the actor's decision."),
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

    objects = ContactQuerySet.as_manager()
    same_operation_fields = ("actor",)

    class Meta:
        verbose_name = _("contact")
        verbose_name_plural = _("contacts")
        ordering = ["full_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["actor", "full_name"], name="contact_unique_name_in_actor"),
            models.CheckConstraint(
                condition=models.Q(interlocutor_status="undecided")
                | models.Q(interlocutor_decided_on__isnull=False),
                name="contact_interlocutor_decision_dated",
            ),
        ]
        indexes = [
            models.Index(fields=["operation", "interlocutor_status", "sensitivity"]),
            models.Index(fields=["operation", "full_name", "id"], name="contact_op_name_id"),
            models.Index(fields=["full_name", "id"], name="contact_name_id"),
            models.Index(fields=["updated_at", "id"], name="contact_updated_id"),
        ]

    def __str__(self):
        title = f"{self.rank_or_title} " if self.rank_or_title else ""
        return f"{title}{self.full_name}"

    def get_absolute_url(self):
        return reverse("contacts:detail", args=[self.operation_id, self.pk])

    @property
    def is_approved_interlocutor(self) -> bool:
        """Whether the HCT/UNCT's decisions make this contact an interlocutor (``contacts.rules``)."""
        return rules.is_approved_interlocutor(self)

    def clean(self):
        super().clean()
        if not any([self.phone, self.email, self.satellite_phone, self.radio_call_sign]):
            raise ValidationError(
                gettext(
                    "Give at least one way to reach this person "
                    "(phone, e-mail, satellite phone or call-sign)."
                )
            )


class InterlocutorDecisionQuerySet(models.QuerySet):
    def for_user(self, user):
        """The record of decisions: officers and HCT (field staff see their effect)."""
        return self.filter(operation__in=operations_where(user, "view_restricted_records"))


class InterlocutorDecision(models.Model):
    """The record of an HCT/UNCT decision on an actor or a contact as interlocutor."""

    operation = models.ForeignKey(
        Operation,
        verbose_name=_("operation"),
        on_delete=models.CASCADE,
        related_name="interlocutor_decisions",
    )
    actor = models.ForeignKey(
        Actor,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="interlocutor_decisions",
    )
    contact = models.ForeignKey(
        Contact,
        verbose_name=_("contact"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="interlocutor_decisions",
    )
    decision = models.CharField(_("decision"), max_length=12, choices=InterlocutorStatus.choices)
    rationale = models.TextField(_("rationale"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), auto_now_add=True)

    objects = InterlocutorDecisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("interlocutor decision")
        verbose_name_plural = _("interlocutor decisions")
        ordering = ["-decided_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(actor__isnull=False) & models.Q(contact__isnull=True))
                | (models.Q(actor__isnull=True) & models.Q(contact__isnull=False)),
                name="decision_on_actor_or_contact",
            ),
            models.CheckConstraint(condition=~models.Q(rationale=""), name="decision_has_rationale"),
        ]

    def __str__(self):
        return f"{self.get_decision_display()}: {self.actor or self.contact}"

    def clean(self):
        super().clean()
        if not self.rationale.strip():
            raise ValidationError(
                {"rationale": gettext("Record why: the decision must be explainable later.")}
            )
        target = self.actor or self.contact
        if target is not None and self.operation_id and target.operation_id != self.operation_id:
            raise ValidationError(gettext("This actor or contact belongs to another operation."))


class ContactUserObjectPermission(UserObjectPermissionBase):
    """Per-object grants: one restricted contact shared with one named person."""

    content_object = models.ForeignKey(Contact, on_delete=models.CASCADE)


class ContactGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Contact, on_delete=models.CASCADE)


class InterlocutorQuestionQuerySet(models.QuerySet):
    def for_user(self, user):
        """Officers ask, the HCT/UNCT answers: both read them; field staff do not."""
        return self.filter(operation__in=operations_where(user, "view_restricted_records"))

    def awaiting_hct(self):
        """Asked and not answered yet, or deferred: what the HCT/UNCT still has to decide."""
        return self.filter(
            status__in=[InterlocutorQuestion.Status.ASKED, InterlocutorQuestion.Status.DEFERRED]
        )

    def answered(self):
        return self.filter(status=InterlocutorQuestion.Status.ANSWERED)


class InterlocutorQuestion(models.Model):
    """An officer asks the HCT/UNCT to decide on an actor or a contact as interlocutor.

    The HCT/UNCT approves or rejects (an ``InterlocutorDecision``, through ``interlocutor_decide``)
    or defers with its rationale; a deferred question stays open.
    """

    in_operation_history = True  # its changes show on the operation's history page

    class Status(models.TextChoices):
        ASKED = "asked", _("Awaiting the HCT/UNCT")
        DEFERRED = "deferred", _("Deferred by the HCT/UNCT")
        ANSWERED = "answered", pgettext_lazy("interlocutor question", "Decided")

    operation = models.ForeignKey(
        Operation,
        on_delete=models.CASCADE,
        related_name="interlocutor_questions",
        verbose_name=_("operation"),
    )
    actor = models.ForeignKey(
        Actor, null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("actor")
    )
    contact = models.ForeignKey(
        Contact, null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name=_("contact")
    )
    question = models.TextField(_("question"))
    evidence = models.TextField(_("evidence"), blank=True)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("asked by"),
    )
    asked_at = models.DateTimeField(_("asked at"), auto_now_add=True, validators=[validate_calendar_range])
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.ASKED)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("answered by"),
    )
    answered_at = models.DateTimeField(
        _("answered at"), null=True, blank=True, validators=[validate_calendar_range]
    )
    answer_rationale = models.TextField(_("answer rationale"), blank=True)
    decision = models.OneToOneField(
        InterlocutorDecision,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="question",
        verbose_name=_("decision"),
    )
    history = HistoricalRecords()

    objects = InterlocutorQuestionQuerySet.as_manager()

    class Meta:
        verbose_name = _("interlocutor question")
        verbose_name_plural = _("interlocutor questions")
        ordering = ["-asked_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(actor__isnull=False) & models.Q(contact__isnull=True))
                | (models.Q(actor__isnull=True) & models.Q(contact__isnull=False)),
                name="question_on_actor_or_contact",
            ),
            models.CheckConstraint(condition=~models.Q(question=""), name="question_is_asked"),
            models.CheckConstraint(
                condition=models.Q(status="asked") | ~models.Q(answer_rationale=""),
                name="question_answer_has_rationale",
            ),
        ]
        indexes = [models.Index(fields=["operation", "status"])]

    def __str__(self):
        return gettext("Interlocutor question on %(target)s") % {"target": self.target}

    @property
    def target(self):
        return self.actor or self.contact
