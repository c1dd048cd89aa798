from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext

from actors.forms import InterlocutorDecisionForm
from actors.models import Actor
from actors.views import ActorDetailView
from cmcoord.masking import attach_visible
from cmcoord.permissions import ensure
from cmcoord.views_base import (
    OperationDetailView,
    OperationListView,
    ShareForm,
    form_errors_from,
    operation_post,
    render_detail,
    share_record,
)
from contacts.filters import ContactFilterSet
from contacts.models import Contact
from contacts.rules import contact_channels
from contacts.services import interlocutor_decide


class ContactListView(OperationListView):
    model = Contact
    template_name = "contacts/contact_list.html"
    filterset_class = ContactFilterSet
    search_fields = ContactFilterSet.search_fields

    def get_queryset(self):
        return super().get_queryset().select_related("actor")

    def get_context_data(self, **kwargs):
        channels = contact_channels(self.request.user, self.operation.pk)
        context = super().get_context_data(channels=channels, **kwargs)
        # A contact shared with one person does not name an actor they may not see.
        attach_visible(self.request.user, context["object_list"], "actor")
        return context


class ContactDetailView(OperationDetailView):
    model = Contact
    template_name = "contacts/contact_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("actor")

    def get_context_data(self, **kwargs):
        attach_visible(self.request.user, [self.object], "actor")
        return super().get_context_data(
            channels=contact_channels(self.request.user, self.operation.pk),
            decision_form=kwargs.pop("decision_form", None)
            or InterlocutorDecisionForm(initial={"seen_status": self.object.interlocutor_status}),
            share_form=ShareForm(operation=self.operation),
            **kwargs,
        )


def _contact(request, operation, pk):
    return get_object_or_404(Contact.objects.for_user(request.user), operation=operation, pk=pk)


@operation_post
def contact_decide(request, operation, pk):
    return decide_interlocutor(request, operation, _contact(request, operation, pk), ContactDetailView)


@operation_post
def contact_share(request, operation, pk):
    return share_record(request, operation, _contact(request, operation, pk))


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
                request,
                gettext("Decision recorded: %(target)s — %(status)s.")
                % {"target": target, "status": target.get_interlocutor_status_display()},
            )
            return redirect(target)
    return render_detail(detail_view, request, operation, target, decision_form=form, decision_open=True)


@operation_post
def actor_decide(request, operation, pk):
    actor = get_object_or_404(Actor.objects.for_user(request.user), operation=operation, pk=pk)
    return decide_interlocutor(request, operation, actor, ActorDetailView)
