from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect

from actors.filters import ActorFilterSet
from actors.models import Actor, Category, InterlocutorStatus
from cmcoord.models import Area, Sector
from cmcoord.permissions import contact_channels, ensure, visible_pks
from cmcoord.views_base import (
    OperationDetailView,
    OperationListView,
    attach_visible,
    form_errors_from,
    operation_post,
    render_detail,
)
from contacts.models import Contact
from contacts.services import interlocutor_decide


class ActorListView(OperationListView):
    model = Actor
    template_name = "actors/actor_list.html"

    def get_queryset(self):
        """The API's FilterSet, on the scoped queryset: who operates where, in which sector."""
        qs = super().get_queryset().select_related("parent")
        query = self.request.GET.get("q")
        if query:
            qs = qs.filter(Q(name__icontains=query) | Q(acronym__icontains=query))
        self.filterset = ActorFilterSet(self.request.GET, queryset=qs, request=self.request)
        return self.filterset.qs if self.filterset.is_valid() else qs.none()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            categories=Category.choices,
            areas=Area.objects.filter(country=self.operation.country, level__gte=1).order_by("pcode"),
            sectors=Sector.objects.order_by("code"),
            filter_errors=self.filterset.errors,
            **kwargs,
        )
        attach_visible(self.request.user, context["object_list"], "parent")
        return context


class ActorDetailView(OperationDetailView):
    model = Actor
    template_name = "actors/actor_detail.html"

    def get_context_data(self, **kwargs):
        actor, user = self.object, self.request.user
        return super().get_context_data(
            ancestors=_visible_chain(user, actor),
            children=Actor.objects.for_user(user).filter(parent=actor),
            mandates=actor.mandates.model.objects.for_user(user).filter(actor=actor),
            presences=actor.presences.select_related("area", "sector"),
            contacts=Contact.objects.for_user(user).filter(actor=actor),
            channels=contact_channels(user, actor.operation_id),
            links_out=actor.links_out.model.objects.for_user(user)
            .filter(source=actor)
            .select_related("target"),
            links_in=actor.links_in.model.objects.for_user(user)
            .filter(target=actor)
            .select_related("source"),
            decision_form=kwargs.pop("decision_form", None) or InterlocutorDecisionForm(),
            **kwargs,
        )


def _visible_chain(user, actor):
    """The chain of command above the actor, leaving out levels the reader may not see."""
    chain = actor.ancestors()
    shown = visible_pks(user, Actor, [a.pk for a in chain])
    return [a for a in chain if a.pk in shown]


class InterlocutorDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[
            (InterlocutorStatus.APPROVED, "Approve as interlocutor"),
            (InterlocutorStatus.REJECTED, "Reject"),
        ],
        widget=forms.RadioSelect,
    )
    rationale = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}), help_text="Why: recorded with the decision."
    )


def decide_interlocutor(request, operation, target, detail_view):
    """POST from the HCT/UNCT: approve or reject an actor or contact as interlocutor.

    A refused decision shows the page again with the choice and the text kept.
    """
    ensure(request.user, "decide_interlocutors", operation.pk)
    form = InterlocutorDecisionForm(request.POST)
    if form.is_valid():
        try:
            interlocutor_decide(target=target, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form_errors_from(exc, form)
        else:
            messages.success(
                request, f"Decision recorded: {target} — {target.get_interlocutor_status_display()}."
            )
            return redirect(request.path.rsplit("decide/", 1)[0])
    return render_detail(detail_view, request, operation, target, decision_form=form, decision_open=True)


@operation_post
def actor_decide(request, operation, pk):
    actor = get_object_or_404(Actor.objects.for_user(request.user), operation=operation, pk=pk)
    return decide_interlocutor(request, operation, actor, ActorDetailView)
