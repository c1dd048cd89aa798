from django import forms
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from actors.models import Actor, ActorLink, ActorPresence, Category, InterlocutorStatus, Mandate
from cmcoord.edit_forms import OfferedChoiceField, OperationFormMixin, RecordForm, date_widgets, text_widgets


def descendant_ids(actor: Actor) -> set[int]:
    """The actor's subordinates at every level, from one query of the operation's tree."""
    children: dict[int, list[int]] = {}
    for pk, parent_id in Actor.objects.filter(operation_id=actor.operation_id).values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    found, todo = set(), [actor.pk]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.add(child)
                todo.append(child)
    return found


class ActorForm(RecordForm):
    class Meta:
        model = Actor
        fields = [
            "name",
            "acronym",
            "category",
            "actor_type",
            "parent",
            "echelon",
            "contributing_state",
            "relationship",
            "association_risk",
            "association_risk_reason",
            "operating_methods",
            "government_coordination",
            "iati_org_id",
            "hdx_org_type",
            "sensitivity",
            "notes",
        ]
        field_classes = {"parent": OfferedChoiceField}
        widgets = text_widgets(
            "association_risk_reason", "operating_methods", "government_coordination", "notes"
        )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        actors = Actor.objects.for_user(self.user).filter(operation=self.operation)
        offered = actors
        if self.instance.pk:
            offered = actors.exclude(pk__in={self.instance.pk, *descendant_ids(self.instance)})
        self.fields["parent"].offer(actors, offered)


class MandateForm(RecordForm):
    class Meta:
        model = Mandate
        fields = [
            "actor",
            "title",
            "authority",
            "reference",
            "scope",
            "in_force_from",
            "in_force_until",
            "source_url",
            "sensitivity",
        ]
        widgets = {**date_widgets("in_force_from", "in_force_until"), **text_widgets("scope", rows=4)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope("actor", Actor.objects.for_user(self.user).filter(operation=self.operation))


class _ByCategoryIterator(ModelChoiceIterator):
    """The actors in one group per category (one query), so "Armed forces" of a state and an NGO
    of a similar name are told apart at a glance."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        groups: dict[str, list] = {value: [] for value in Category.values}
        for actor in self.queryset.order_by("name", "id"):
            groups.setdefault(actor.category, []).append(self.choice(actor))
        labels = dict(Category.choices)
        for category, choices in groups.items():
            if choices:
                yield (labels.get(category, category), choices)


class ActorChoiceField(forms.ModelChoiceField):
    """Pick an actor by name: grouped by category, each with its type (never an id to type)."""

    iterator = _ByCategoryIterator

    def label_from_instance(self, obj):
        # Translators: an actor in a list to choose from, e.g. "Joint Task Force South (JTF) — Armed forces".
        return gettext("%(actor)s — %(type)s") % {"actor": obj, "type": obj.get_actor_type_display()}


class ActorLinkForm(RecordForm):
    """A link between two actors of the operation, chosen by name from those the officer may see."""

    class Meta:
        model = ActorLink
        fields = ["source", "kind", "target", "mechanism", "since", "notes", "sensitivity"]
        field_classes = {"source": ActorChoiceField, "target": ActorChoiceField}
        labels = {"source": _("From actor"), "target": _("To actor")}
        help_texts = {
            "kind": _("How the first actor relates to the second."),
            "mechanism": _("How they coordinate, e.g. joint operations centre, daily call at 07:00."),
        }
        widgets = {**date_widgets("since"), **text_widgets("notes")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        actors = Actor.objects.for_user(self.user).filter(operation=self.operation)
        self.scope("source", actors)
        self.scope("target", actors)


class PresenceForm(OperationFormMixin, forms.ModelForm):
    class Meta:
        model = ActorPresence
        fields = ["area", "sector", "activities", "start_date", "end_date"]
        widgets = {**date_widgets("start_date", "end_date"), **text_widgets("activities", rows=2)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope_areas("area")
        self.scope_sectors("sector")


PresenceFormSet = forms.inlineformset_factory(
    Actor, ActorPresence, form=PresenceForm, extra=3, can_delete=True
)


class InterlocutorDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[
            (InterlocutorStatus.APPROVED, _("Approve as interlocutor")),
            (InterlocutorStatus.REJECTED, _("Reject")),
        ],
        label=_("Decision"),
        widget=forms.RadioSelect,
    )
    rationale = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Rationale"),
        help_text=_("Why: recorded with the decision."),
    )
    # What the member's page showed: a decision someone else took meanwhile is not overwritten.
    seen_status = forms.CharField(widget=forms.HiddenInput, required=False)
