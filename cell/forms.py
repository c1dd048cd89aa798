"""The cell's forms: a request or concern (with the RFA details), tabling, answering, deciding."""

from django import forms
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cell.models import AssistanceRequest, CellRequest
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
