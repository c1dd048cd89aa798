from django import forms

from meetings.models import ActionPoint, AgendaItem, AssistanceRequest, CellRequest


class CellRequestForm(forms.ModelForm):
    class Meta:
        model = CellRequest
        fields = ["kind", "title", "description", "area", "sensitivity"]
        widgets = {"description": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, operation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = self.fields["area"].queryset.filter(country=operation.country)


class AssistanceRequestForm(forms.ModelForm):
    """The RFA details, with the last-resort checklist of the Oslo / MCDA Guidelines."""

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


class ActionPointUpdateForm(forms.ModelForm):
    class Meta:
        model = ActionPoint
        fields = ["status", "progress_note"]
        widgets = {"progress_note": forms.Textarea(attrs={"rows": 3})}


class TableForm(forms.Form):
    agenda_item = forms.ModelChoiceField(queryset=AgendaItem.objects.none(), label="Agenda item")

    def __init__(self, *args, operation, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["agenda_item"].queryset = (
            AgendaItem.objects.filter(meeting__operation=operation, meeting__status="scheduled")
            .select_related("meeting")
            .order_by("meeting__starts_at", "position")
        )


class AnswerForm(forms.Form):
    response = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}))


class EndorseForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("endorse", "Endorse"), ("decline", "Decline")], widget=forms.RadioSelect
    )
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False)
