from django import forms
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
    """Times are typed and shown in the operation's time zone."""

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
            "summary",
            "minutes",
            "sensitivity",
        ]
        field_classes = {
            "starts_at": LocalDateTimeField,
            "ends_at": LocalDateTimeField,
            "chair": MemberChoiceField,
        }
        widgets = {**text_widgets("summary", rows=4), **text_widgets("minutes", rows=8)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("starts_at", "ends_at"):
            self.fields[name].zone = self.operation.zone
            self.fields[name].help_text = _("Local time (%(zone)s).") % {"zone": self.operation.time_zone}
        self.scope("forum", CoordinationForum.objects.for_user(self.user).filter(operation=self.operation))
        self.scope_members("chair")


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

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope(
            "agenda_item",
            AgendaItem.objects.filter(meeting=meeting) if meeting.pk else AgendaItem.objects.none(),
        )


class ParticipantForm(OperationFormMixin, forms.ModelForm):
    """Who was invited (an actor, a contact or a member) and whether they came."""

    class Meta:
        model = Participant
        fields = ["actor", "contact", "user", "attended"]
        field_classes = {"user": MemberChoiceField}
        labels = {"user": gettext_lazy("Member of the operation")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope("actor", Actor.objects.for_user(self.user).filter(operation=self.operation))
        self.scope("contact", Contact.objects.for_user(self.user).filter(operation=self.operation))
        self.scope_members("user")
        self.fields["attended"].widget.choices = [
            ("unknown", _("Not recorded")),
            ("true", _("Attended")),
            ("false", _("Absent")),
        ]


AgendaFormSet = forms.inlineformset_factory(
    Meeting, AgendaItem, form=AgendaItemForm, formset=BaseAgendaFormSet, extra=2, can_delete=True
)
DecisionFormSet = forms.inlineformset_factory(Meeting, Decision, form=DecisionForm, extra=3, can_delete=True)
ParticipantFormSet = forms.inlineformset_factory(
    Meeting, Participant, form=ParticipantForm, extra=4, can_delete=True
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
