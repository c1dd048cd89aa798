"""Interlocutor questions: officers ask the HCT/UNCT for a decision on an actor or a contact; the
HCT/UNCT approves, rejects or defers with its rationale. Officers and HCT/UNCT read them."""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from actors.models import Actor
from cmcoord.permissions import ensure
from cmcoord.views_base import OperationMixin, operation_post
from contacts.models import Contact, InterlocutorQuestion
from contacts.services import interlocutor_question_answer, interlocutor_question_ask


class AskForm(forms.Form):
    actor = forms.ModelChoiceField(queryset=Actor.objects.none(), required=False, label=_("Actor"))
    contact = forms.ModelChoiceField(queryset=Contact.objects.none(), required=False, label=_("or contact"))
    question = forms.CharField(label=_("Question"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2}))
    evidence = forms.CharField(
        label=_("Evidence"), required=False, max_length=10000, widget=forms.Textarea(attrs={"rows": 3})
    )

    def __init__(self, *args, operation, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["actor"].queryset = (
            Actor.objects.for_user(user).filter(operation=operation).order_by("name")
        )
        self.fields["contact"].queryset = (
            Contact.objects.for_user(user).filter(operation=operation).order_by("full_name")
        )

    def clean(self):
        data = super().clean()
        if bool(data.get("actor")) == bool(data.get("contact")):
            raise ValidationError(gettext("Choose either an actor or a contact."))
        return data


class AnswerQuestionForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approved", _("Approve")), ("rejected", _("Reject")), ("deferred", _("Defer"))],
        widget=forms.RadioSelect,
    )
    rationale = forms.CharField(
        label=_("Rationale"), max_length=5000, widget=forms.Textarea(attrs={"rows": 2})
    )
    seen_status = forms.CharField(widget=forms.HiddenInput, required=False)


class QuestionListView(OperationMixin, TemplateView):
    template_name = "contacts/question_list.html"
    required_permission = "view_restricted_records"

    def get_context_data(self, **kwargs):
        questions = (
            InterlocutorQuestion.objects.for_user(self.request.user)
            .filter(operation=self.operation)
            .select_related("actor", "contact", "asked_by", "answered_by")
        )
        return super().get_context_data(
            awaiting=[
                (q, AnswerQuestionForm(initial={"seen_status": q.status})) for q in questions.awaiting_hct()
            ],
            answered=questions.answered()[:50],
            ask_form=kwargs.pop("ask_form", None)
            or AskForm(
                operation=self.operation,
                user=self.request.user,
                initial={"actor": _id_or_none(self.request.GET.get("actor"))},  # from "Waiting for you"
            ),
            **kwargs,
        )


def _id_or_none(value):
    return int(value) if value and value.isdigit() and len(value) < 19 else None


def _list(operation):
    return redirect(reverse("contacts:question-list", args=[operation.pk]))


@operation_post
def question_ask(request, operation):
    ensure(request.user, "manage_registry", operation.pk)
    form = AskForm(request.POST, operation=operation, user=request.user)
    if form.is_valid():
        data = form.cleaned_data
        try:
            interlocutor_question_ask(
                target=data["actor"] or data["contact"],
                question=data["question"],
                evidence=data["evidence"],
                by=request.user,
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, gettext("Asked: the HCT/UNCT is told."))
            return _list(operation)
    view = QuestionListView()
    view.setup(request, op=operation.pk)
    view.operation = operation
    return view.render_to_response(view.get_context_data(ask_form=form), status=400)


@operation_post
def question_answer(request, operation, pk):
    question = get_object_or_404(
        InterlocutorQuestion.objects.for_user(request.user), operation=operation, pk=pk
    )
    ensure(request.user, "decide_interlocutors", operation.pk)
    form = AnswerQuestionForm(request.POST)
    if not form.is_valid():
        messages.error(request, gettext("Choose a decision and give its rationale."))
        return _list(operation)
    try:
        interlocutor_question_answer(question=question, by=request.user, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, gettext("Decision recorded: the officer who asked is told."))
    return _list(operation)
