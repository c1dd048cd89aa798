from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect

from actors.views import InterlocutorDecisionForm, decide_interlocutor
from cmcoord.permissions import contact_channels
from cmcoord.services import operation_members
from cmcoord.views_base import OperationDetailView, OperationListView, operation_post
from contacts.models import Contact
from contacts.services import record_share


class ContactListView(OperationListView):
    model = Contact
    template_name = "contacts/contact_list.html"

    def get_queryset(self):
        qs = super().get_queryset().select_related("actor")
        query = self.request.GET.get("q")
        if query:
            qs = qs.filter(Q(full_name__icontains=query) | Q(actor__name__icontains=query))
        return qs

    def get_context_data(self, **kwargs):
        channels = contact_channels(self.request.user, self.operation.pk)
        return super().get_context_data(channels=channels, **kwargs)


class ContactDetailView(OperationDetailView):
    model = Contact
    template_name = "contacts/contact_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("actor")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            channels=contact_channels(self.request.user, self.operation.pk),
            decision_form=kwargs.pop("decision_form", None) or InterlocutorDecisionForm(),
            share_form=ShareForm(operation=self.operation),
            **kwargs,
        )


class ShareForm(forms.Form):
    """Pick a member of the operation to share one restricted record with."""

    user = forms.TypedChoiceField(coerce=int, label="Share with")

    def __init__(self, *args, operation, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = {user.pk: user for user, _ in operation_members(operation)}
        self.fields["user"].choices = [(pk, str(user)) for pk, user in self.members.items()]


def share_record(request, operation, record):
    form = ShareForm(request.POST, operation=operation)
    if form.is_valid():
        user = form.members[form.cleaned_data["user"]]
        try:
            record_share(record=record, user=user, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, f"{user} can now read “{record}”.")
    else:
        messages.error(request, "Choose a member of the operation.")
    return redirect(request.path.rsplit("share/", 1)[0])


def _contact(request, operation, pk):
    return get_object_or_404(Contact.objects.for_user(request.user), operation=operation, pk=pk)


@operation_post
def contact_decide(request, operation, pk):
    return decide_interlocutor(request, operation, _contact(request, operation, pk), ContactDetailView)


@operation_post
def contact_share(request, operation, pk):
    return share_record(request, operation, _contact(request, operation, pk))
