from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actors.models import Actor
from cmcoord.edit_forms import (
    LocalDateTimeField,
    MemberChoiceField,
    OperationFormMixin,
    RecordForm,
    VersionedFormMixin,
    date_widgets,
    text_widgets,
)
from cmcoord.services import operation_members
from contacts.models import Contact
from meetings.models import (
    ActionPoint,
    AgendaItem,
    CoordinationForum,
    Decision,
    ForumMember,
    Meeting,
    Participant,
)


class ActionPointUpdateForm(VersionedFormMixin, forms.ModelForm):
    # The status the page showed: a status someone else set meanwhile is not overwritten.
    seen_status = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = ActionPoint
        fields = ["status", "progress_note"]
        widgets = {"progress_note": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and not self.is_bound:
            self.initial["seen_status"] = self.instance.status


# --- The officers' create and edit pages ------------------------------------------------------


class MeetingForm(RecordForm):
    """The meeting's details (the "New meeting" page and the details section). Times are typed and
    shown in the operation's time zone."""

    class Meta:
        model = Meeting
        fields = [
            "title",
            "kind",
            "forum",
            "starts_at",
            "ends_at",
            "location",
            "chair",
            "status",
            "sensitivity",
        ]
        field_classes = {
            "starts_at": LocalDateTimeField,
            "ends_at": LocalDateTimeField,
            "chair": MemberChoiceField,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("starts_at", "ends_at"):
            self.fields[name].zone = self.operation.zone
            self.fields[name].help_text = _("Local time (%(zone)s).") % {"zone": self.operation.time_zone}
        self.scope("forum", CoordinationForum.objects.for_user(self.user).filter(operation=self.operation))
        self.scope_members("chair")


class MeetingSummaryForm(RecordForm):
    """The summary, shared with field staff with the decisions (the decisions section)."""

    class Meta:
        model = Meeting
        fields = ["summary"]
        widgets = text_widgets("summary", rows=5)


class MeetingMinutesForm(RecordForm):
    """The minutes: restricted to officers and HCT/UNCT (the minutes section)."""

    class Meta:
        model = Meeting
        fields = ["minutes"]
        widgets = text_widgets("minutes", rows=14)


class MeetingVersionForm(RecordForm):
    """No field of the meeting itself, only its version: the sections that edit its parts
    (agenda, participants, attendance) save the meeting too, so a page opened before someone
    else's save is refused rather than silently mixed with theirs."""

    class Meta:
        model = Meeting
        fields: list[str] = []


class AgendaItemForm(OperationFormMixin, forms.ModelForm):
    class Meta:
        model = AgendaItem
        fields = ["position", "title", "notes"]
        widgets = text_widgets("notes", rows=2)


class BaseAgendaFormSet(forms.BaseInlineFormSet):
    """An agenda item where a cell request is tabled stays until the request is moved."""

    def clean(self):
        super().clean()
        for form in self.deleted_forms:
            item = form.instance
            if item.pk and item.cell_requests.tabled().exists():
                form.add_error(
                    None, _("A cell request is tabled here: table it elsewhere before removing this item.")
                )
                raise forms.ValidationError(_("Some agenda items cannot be removed."))


class DecisionForm(OperationFormMixin, forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["text", "agenda_item"]
        widgets = text_widgets("text", rows=2)

    def __init__(self, *args, meeting, agenda_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope(
            "agenda_item",
            AgendaItem.objects.filter(meeting=meeting) if meeting.pk else AgendaItem.objects.none(),
        )
        if agenda_choices is not None:  # read once for the whole formset, not once per row
            self.fields["agenda_item"].choices = agenda_choices


def agenda_choices(meeting) -> list:
    items = AgendaItem.objects.filter(meeting=meeting).order_by("position") if meeting.pk else []
    return [("", "---------"), *((item.pk, str(item)) for item in items)]


class ParticipantChoices:
    """What the participant pickers offer, read once for the whole page (not once per row): the
    organisations and contacts the user may see in the operation, and its members."""

    def __init__(self, operation, user):
        self.actors = Actor.objects.for_user(user).filter(operation=operation)
        self.contacts = Contact.objects.for_user(user).filter(operation=operation)
        self.actor_list = list(self.actors.order_by("name", "id"))
        self.actor_ids = {actor.pk for actor in self.actor_list}
        self.contact_list = list(
            self.contacts.select_related("actor").order_by("actor__name", "full_name", "id")
        )
        self.members = operation_members(operation)

    def contact_label(self, contact) -> str:
        if contact.actor_id in self.actor_ids:
            # Translators: a person and the organisation they belong to, in a list to choose from.
            return _("%(person)s — %(organisation)s") % {"person": contact, "organisation": contact.actor}
        return str(contact)

    def actor_choices(self) -> list:
        return [("", "---------"), *((actor.pk, str(actor)) for actor in self.actor_list)]

    def contact_choices(self, actor_id: int | None, keep: int | None = None) -> list:
        """One organisation's people when one is chosen (and the one already chosen, so nothing is
        lost); otherwise everyone, grouped by organisation."""
        if actor_id in self.actor_ids:
            people = [c for c in self.contact_list if c.actor_id == actor_id or c.pk == keep]
            return [("", "---------"), *((c.pk, self.contact_label(c)) for c in people)]
        groups: dict[str, list] = {}
        for contact in self.contact_list:
            organisation = str(contact.actor) if contact.actor_id in self.actor_ids else _("Other")
            groups.setdefault(organisation, []).append((contact.pk, self.contact_label(contact)))
        return [("", "---------"), *groups.items()]


def _as_id(value) -> int | None:
    value = getattr(value, "pk", value)
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None


class ParticipantForm(OperationFormMixin, forms.ModelForm):
    """Who is invited: an organisation, one of its people, or a member of the operation."""

    class Meta:
        model = Participant
        fields = ["actor", "contact", "user"]
        field_classes = {"user": MemberChoiceField}
        labels = {
            "actor": gettext_lazy("Organisation"),
            "contact": gettext_lazy("Person"),
            "user": gettext_lazy("Member of the operation"),
        }

    def __init__(self, *args, choices: ParticipantChoices, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.fields
        fields["actor"].queryset, fields["contact"].queryset = choices.actors, choices.contacts
        fields["actor"].choices = choices.actor_choices()
        actor_id = _as_id(self["actor"].value())
        fields["contact"].choices = choices.contact_choices(actor_id, keep=_as_id(self["contact"].value()))
        if actor_id in choices.actor_ids:
            fields["contact"].help_text = _("Only people of the organisation chosen above are listed.")
        member = fields["user"]
        member.roles = {user.pk: role for user, role in choices.members}
        member.queryset = get_user_model().objects.filter(pk__in=list(member.roles))
        member.choices = [
            ("", "---------"),
            *((u.pk, member.label_from_instance(u)) for u, _r in choices.members),
        ]

    def clean(self):
        cleaned = super().clean()
        actor, contact = cleaned.get("actor"), cleaned.get("contact")
        if actor is not None and contact is not None and contact.actor_id != actor.pk:
            self.add_error(
                "contact", _("This person is not of the organisation chosen; choose one of its people.")
            )
        return cleaned


class AttendanceForm(OperationFormMixin, forms.ModelForm):
    """Whether one participant came."""

    class Meta:
        model = Participant
        fields = ["attended"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attended"].widget.choices = [
            ("unknown", _("Not recorded")),
            ("true", _("Attended")),
            ("false", _("Absent")),
        ]
        if self.instance.pk:  # the row's label names the person (or organisation) it is about
            self.fields["attended"].label = str(self.instance)


AgendaFormSet = forms.inlineformset_factory(
    Meeting, AgendaItem, form=AgendaItemForm, formset=BaseAgendaFormSet, extra=2, can_delete=True
)
DecisionFormSet = forms.inlineformset_factory(Meeting, Decision, form=DecisionForm, extra=3, can_delete=True)
ParticipantFormSet = forms.inlineformset_factory(
    Meeting, Participant, form=ParticipantForm, extra=3, can_delete=True
)
AttendanceFormSet = forms.inlineformset_factory(
    Meeting, Participant, form=AttendanceForm, extra=0, can_delete=False
)


class ActionPointForm(RecordForm):
    """Its status moves on the action point's own page (owner or officer)."""

    class Meta:
        model = ActionPoint
        fields = ["title", "description", "meeting", "owner", "owner_actor", "due_date"]
        field_classes = {"owner": MemberChoiceField}
        widgets = {**date_widgets("due_date"), **text_widgets("description")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope("meeting", Meeting.objects.for_user(self.user).filter(operation=self.operation))
        self.scope("owner_actor", Actor.objects.for_user(self.user).filter(operation=self.operation))
        self.scope_members("owner")


class ForumForm(RecordForm):
    class Meta:
        model = CoordinationForum
        fields = ["name", "kind", "chair", "rhythm", "location", "terms_of_reference", "sensitivity"]
        field_classes = {"chair": MemberChoiceField}
        widgets = text_widgets("terms_of_reference", rows=4)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope_members("chair")


class ForumMemberForm(OperationFormMixin, forms.ModelForm):
    """A standing member: an actor and, where known, one of its contacts as representative."""

    class Meta:
        model = ForumMember
        fields = ["actor", "representative"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope("actor", Actor.objects.for_user(self.user).filter(operation=self.operation))
        self.scope("representative", Contact.objects.for_user(self.user).filter(operation=self.operation))


ForumMemberFormSet = forms.inlineformset_factory(
    CoordinationForum, ForumMember, form=ForumMemberForm, extra=2, can_delete=True
)
