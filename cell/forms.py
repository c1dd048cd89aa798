"""The cell's forms: a request or concern (with the RFA details), tabling, answering, deciding."""

from django import forms
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actors.models import Actor
from cell.models import AssistanceRequest, CellRequest
from cmcoord.validators import validate_calendar_range
from contacts.models import Contact
from meetings.models import AgendaItem


class CellRequestForm(forms.ModelForm):
    class Meta:
        model = CellRequest
        fields = ["kind", "title", "description", "area", "sensitivity"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, operation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = self.fields["area"].queryset.filter(country=operation.country)


class AssistanceRequestForm(forms.ModelForm):
    """The RFA details, with the last-resort checklist of the Oslo / MCDA Guidelines.

    Checked on the server only when the request is an RFA: the browser must not demand these
    fields for an access or security concern sent from the same page (no JavaScript needed).
    """

    use_required_attribute = False

    class Meta:
        model = AssistanceRequest
        fields = [
            "requesting_organisation",
            "requesting_person",
            "task_type",
            "priority",
            "cargo_or_passengers",
            "pickup_location",
            "delivery_location",
            "needed_by",
            "duration_days",
            "civilian_alternatives_tried",
            "why_alternatives_fail",
            "unique_capability",
            "complements_civilian_capacity",
            "exit_plan",
        ]
        widgets = {
            "needed_by": forms.DateInput(attrs={"type": "date"}),
            **{
                f: forms.Textarea(attrs={"rows": 2})
                for f in [
                    "cargo_or_passengers",
                    "civilian_alternatives_tried",
                    "why_alternatives_fail",
                    "unique_capability",
                    "exit_plan",
                ]
            },
        }


class AgendaItemChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, item):
        meeting = item.meeting
        return _("%(date)s · %(meeting)s — item %(position)s: %(item)s") % {
            "date": formats.date_format(meeting.starts_at, "D Y-m-d"),
            "meeting": meeting.title,
            "position": item.position,
            "item": item.title,
        }


class TableForm(forms.Form):
    agenda_item = AgendaItemChoiceField(
        queryset=AgendaItem.objects.none(),
        label=gettext_lazy("Agenda item"),
        help_text=gettext_lazy(
            "Scheduled meetings, soonest first. Add an agenda item on the meeting page if none fits."
        ),
    )
    # The status the officer's page showed: tabling a request someone just changed is refused.
    seen_status = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, operation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = (
            AgendaItem.objects.filter(meeting__operation=operation, meeting__status="scheduled")
            .select_related("meeting")
            .order_by("meeting__starts_at", "position")
        )


class AnswerForm(forms.Form):
    response = forms.CharField(label=gettext_lazy("Response"), widget=forms.Textarea(attrs={"rows": 4}))


class EndorseForm(forms.Form):
    decision = forms.ChoiceField(
        label=gettext_lazy("Decision"),
        choices=[("endorse", gettext_lazy("Endorse")), ("decline", gettext_lazy("Decline"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=gettext_lazy("Note"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class TriageForm(forms.Form):
    # The status the officer's page showed: triaging a request someone just changed is refused.
    seen_status = forms.CharField(widget=forms.HiddenInput, required=False)


class SendToMilitaryForm(forms.Form):
    """The cell sends an endorsed RFA to a military actor (and one of its contacts)."""

    actor = forms.ModelChoiceField(
        queryset=Actor.objects.none(),
        label=gettext_lazy("Military actor"),
        help_text=gettext_lazy("Military, paramilitary and civil defence actors of this operation."),
    )
    contact = forms.ModelChoiceField(
        queryset=Contact.objects.none(),
        label=gettext_lazy("Contact (focal point)"),
        required=False,
        help_text=gettext_lazy("One of the actor's contacts; leave empty if none."),
    )
    sent_at = forms.DateTimeField(
        label=gettext_lazy("Sent at"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        help_text=gettext_lazy("Leave empty for now."),
        validators=[validate_calendar_range],
    )
    seen_response = forms.CharField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, operation, user, **kwargs):
        super().__init__(*args, **kwargs)
        actors = Actor.objects.for_user(user).filter(operation=operation).mcda_providers()
        self.fields["actor"].queryset = actors.order_by("name")
        self.fields["contact"].queryset = (
            Contact.objects.for_user(user)
            .filter(operation=operation, actor__in=actors)
            .select_related("actor")
            .order_by("actor__name", "full_name")
        )

    def clean(self):
        data = super().clean()
        actor, contact = data.get("actor"), data.get("contact")
        if actor and contact and contact.actor_id != actor.pk:
            self.add_error("contact", _("This contact belongs to another actor."))
        return data


class MilitaryAnswerForm(forms.Form):
    response = forms.ChoiceField(
        label=gettext_lazy("The military's answer"),
        choices=[
            (
                AssistanceRequest.MilitaryResponse.ACCEPTED.value,
                AssistanceRequest.MilitaryResponse.ACCEPTED.label,
            ),
            (
                AssistanceRequest.MilitaryResponse.PARTLY.value,
                AssistanceRequest.MilitaryResponse.PARTLY.label,
            ),
            (
                AssistanceRequest.MilitaryResponse.DECLINED.value,
                AssistanceRequest.MilitaryResponse.DECLINED.label,
            ),
        ],
        widget=forms.RadioSelect,
    )
    offer = forms.CharField(
        label=gettext_lazy("What they offer"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Required when they accept, fully or partly."),
    )
    offer_from = forms.DateField(
        label=gettext_lazy("Offered from"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[validate_calendar_range],
    )
    offer_until = forms.DateField(
        label=gettext_lazy("Offered until"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[validate_calendar_range],
    )
    seen_response = forms.CharField(widget=forms.HiddenInput, required=False)


class CloseForm(forms.Form):
    """Closing a request; an RFA closed by the cell says what became of it."""

    outcome = forms.ChoiceField(
        label=gettext_lazy("Outcome"),
        choices=[("", "—"), *AssistanceRequest.Outcome.choices],
        required=False,
    )
    note = forms.CharField(
        label=gettext_lazy("Outcome note"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    seen_status = forms.CharField(widget=forms.HiddenInput, required=False)
