"""The cell's pages: the list of requests, sending one, its page, and the cell's and HCT's actions."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from assets.forms import AssetForm
from assets.models import AssetDeployment
from cell import queues, rules, services
from cell.filters import CellRequestFilterSet
from cell.forms import (
    AnswerForm,
    AssistanceRequestForm,
    CellRequestForm,
    CloseForm,
    EndorseForm,
    MilitaryAnswerForm,
    SendToMilitaryForm,
    TableForm,
    TriageForm,
)
from cell.models import AssistanceRequest, CellRequest
from cmcoord.edit_views import RecordFormView
from cmcoord.permissions import ensure, visible_related
from cmcoord.services import AlreadyDone, idempotency_done
from cmcoord.views_base import (
    OperationDetailView,
    OperationListView,
    already_submitted,
    claim_submission,
    earlier_submission,
    form_errors_from,
    operation_for,
    operation_post,
    page_context,
    render_detail,
    submission_token,
)


class CellRequestListView(OperationListView):
    model = CellRequest
    template_name = "cell/cell_request_list.html"
    filterset_class = CellRequestFilterSet
    search_fields = CellRequestFilterSet.search_fields

    def get_queryset(self):
        return super().get_queryset().select_related("submitted_by", "rfa")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            statuses=CellRequest.Status.choices, kinds=CellRequest.Kind.choices, **kwargs
        )


STEPS = (
    rules.TRIAGE,
    rules.TABLE,
    rules.ENDORSE,
    rules.SEND,
    rules.RECORD_ANSWER,
    rules.CREATE_DEPLOYMENT,
    rules.CLOSE,
)


class CellRequestDetailView(OperationDetailView):
    """The request, where it stands, and the one next step the reader's role may take."""

    model = CellRequest
    template_name = "cell/cell_request_detail.html"

    def get_context_data(self, **kwargs):
        queues.mark_answer_seen(self.request.user, self.object)  # it leaves the sender's queue
        user, request, rfa = self.request.user, self.object, self.object.rfa_details
        seen = {"seen_status": request.status}
        seen_response = {"seen_response": rfa.military_response if rfa else ""}
        return super().get_context_data(
            step={step: rules.may_take_step(user, step, request) for step in STEPS},
            may_close=self.object.status != CellRequest.Status.CLOSED
            and rules.can_close_cell_request(self.request.user, self.object),
            tabled_meeting=self._tabled_meeting(),  # only if the reader may see that meeting
            table_form=TableForm(operation=self.operation, initial=seen),
            triage_form=TriageForm(initial=seen),
            answer_form=AnswerForm(),
            endorse_form=kwargs.pop("endorse_form", None) or EndorseForm(),
            send_form=kwargs.pop("send_form", None)
            or SendToMilitaryForm(operation=self.operation, user=user, initial=seen_response),
            military_answer_form=kwargs.pop("military_answer_form", None)
            or MilitaryAnswerForm(initial=seen_response),
            close_form=kwargs.pop("close_form", None) or CloseForm(initial=seen),
            rfa=rfa,
            military=_military_facts(user, rfa),
            **kwargs,
        )

    def _tabled_meeting(self):
        item = self.object.tabled_at
        return visible_related(self.request.user, item, "meeting") if item else None


def _is_rfa(form) -> bool:
    return rules.is_rfa(form.data.get("kind", ""))


def _military_facts(user, rfa) -> dict:
    """Whom the RFA went to and what it became, naming only what the reader may see."""
    if rfa is None:
        return {}
    return {
        "actor": visible_related(user, rfa, "sent_to_actor"),
        "contact": visible_related(user, rfa, "sent_to_contact"),
        "asset": visible_related(user, rfa, "resulting_asset"),
    }


class CellRequestPrintView(CellRequestDetailView):
    """The RFA on paper for the military focal point: no navigation, no forms, no script."""

    template_name = "cell/cell_request_print.html"

    def get_object(self, queryset=None):
        request = super().get_object(queryset)
        if request.rfa_details is None:
            raise Http404(_("Not a request for military assistance."))
        return request


def cell_request_create(request, op):
    """Field staff send a request or concern to the cell; an RFA carries its checklist."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    operation = operation_for(request, op)
    ensure(request.user, "submit_cell_requests", operation.pk)
    if request.method == "POST":
        try:
            earlier_submission(request)
        except AlreadyDone as done:
            return already_submitted(request, done, reverse("cell:request-list", args=[operation.pk]))
    form = CellRequestForm(request.POST or None, operation=operation)
    rfa_form = AssistanceRequestForm(request.POST or None, prefix="rfa")
    if request.method == "POST" and form.is_valid():
        is_rfa = rules.is_rfa(form.cleaned_data["kind"])
        if not is_rfa or rfa_form.is_valid():
            try:
                with transaction.atomic():
                    claim = claim_submission(request)
                    created = services.cell_request_submit(
                        operation=operation,
                        by=request.user,
                        rfa=rfa_form.cleaned_data if is_rfa else None,
                        **form.cleaned_data,
                    )
                    if claim is not None:
                        idempotency_done(claim, location=created.get_absolute_url())
            except AlreadyDone as done:
                return already_submitted(request, done, reverse("cell:request-list", args=[operation.pk]))
            except ValidationError as exc:
                form_errors_from(exc, form, rfa_form)
            else:
                messages.success(
                    request, _("Sent to the UN-CMCoord cell. You will be told when it is answered.")
                )
                return redirect(created)
    context = {
        **page_context(request.user, operation),
        "form": form,
        "rfa_form": rfa_form,
        # The RFA part counts only for an RFA (it is checked only then).
        "error_forms": (form, rfa_form) if form.is_bound and _is_rfa(form) else (form,),
        "submission_token": submission_token(request),
    }
    return render(request, "cell/cell_request_form.html", context)


def _cell_request(request, operation, pk):
    return get_object_or_404(CellRequest.objects.for_user(request.user), operation=operation, pk=pk)


def _back(cell_request):
    return redirect(cell_request)


def _run(request, action, success: str):
    try:
        action()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, success)


@operation_post
def cell_request_table(request, operation, pk):
    cell_request = _cell_request(request, operation, pk)
    ensure(request.user, "triage_cell_requests", operation.pk)
    form = TableForm(request.POST, operation=operation)
    if form.is_valid():
        item = form.cleaned_data["agenda_item"]
        _run(
            request,
            lambda: services.cell_request_table(
                cell_request=cell_request,
                agenda_item=item,
                by=request.user,
                seen_status=form.cleaned_data["seen_status"],
            ),
            _("Tabled at %(meeting)s.") % {"meeting": item.meeting},
        )
    else:
        messages.error(request, _("Choose an agenda item of a scheduled meeting."))
    return _back(cell_request)


@operation_post
def cell_request_answer(request, operation, pk):
    cell_request = _cell_request(request, operation, pk)
    response = request.POST.get("response", "")
    _run(
        request,
        lambda: services.cell_request_answer(cell_request=cell_request, response=response, by=request.user),
        _("Answer sent to the sender."),
    )
    return _back(cell_request)


@operation_post
def cell_request_close(request, operation, pk):
    cell_request = _cell_request(request, operation, pk)
    form = CloseForm(request.POST)
    form.is_valid()  # every field is optional; the service says what is missing
    data = form.cleaned_data
    try:
        services.cell_request_close(
            cell_request=cell_request,
            by=request.user,
            outcome=data.get("outcome", ""),
            note=data.get("note", ""),
            seen_status=data.get("seen_status"),
        )
    except ValidationError as exc:
        if not hasattr(exc, "error_dict"):
            messages.error(request, " ".join(exc.messages))
            return _back(cell_request)
        form_errors_from(exc, form)
        return render_detail(CellRequestDetailView, request, operation, cell_request, close_form=form)
    messages.success(request, _("Closed."))
    return _back(cell_request)


@operation_post
def cell_request_triage(request, operation, pk):
    cell_request = _cell_request(request, operation, pk)
    ensure(request.user, rules.STEP_PERMISSION[rules.TRIAGE], operation.pk)
    form = TriageForm(request.POST)
    form.is_valid()
    _run(
        request,
        lambda: services.cell_request_triage(
            cell_request=cell_request, by=request.user, seen_status=form.cleaned_data.get("seen_status")
        ),
        _("Triaged: the cell is dealing with it."),
    )
    return _back(cell_request)


def _rfa_of(request, operation, pk) -> tuple[CellRequest, AssistanceRequest]:
    cell_request = _cell_request(request, operation, pk)
    rfa = cell_request.rfa_details
    if rfa is None:
        raise Http404(_("Not a request for military assistance."))
    return cell_request, rfa


def _rfa_step(request, operation, cell_request, form, form_name: str, write, done: str):
    """Run one RFA step's service with the form's data. A refusal because the state moved on goes
    back to the page with why (the form is no longer offered); a field error shows on the form."""
    if form.is_valid():
        try:
            write(form.cleaned_data)
        except ValidationError as exc:
            if not hasattr(exc, "error_dict"):
                messages.error(request, " ".join(exc.messages))
                return _back(cell_request)
            form_errors_from(exc, form)
        else:
            messages.success(request, done)
            return _back(cell_request)
    return render_detail(CellRequestDetailView, request, operation, cell_request, **{form_name: form})


@operation_post
def rfa_send(request, operation, pk):
    cell_request, rfa = _rfa_of(request, operation, pk)
    ensure(request.user, rules.STEP_PERMISSION[rules.SEND], operation.pk)
    form = SendToMilitaryForm(request.POST, operation=operation, user=request.user)

    def write(data):
        services.rfa_send(
            rfa=rfa,
            actor=data["actor"],
            contact=data["contact"],
            sent_at=data["sent_at"],
            by=request.user,
            seen_response=data["seen_response"],
        )

    done = _("Recorded as sent to the military.")
    return _rfa_step(request, operation, cell_request, form, "send_form", write, done)


@operation_post
def rfa_record_answer(request, operation, pk):
    cell_request, rfa = _rfa_of(request, operation, pk)
    ensure(request.user, rules.STEP_PERMISSION[rules.RECORD_ANSWER], operation.pk)
    form = MilitaryAnswerForm(request.POST)

    def write(data):
        services.rfa_record_answer(
            rfa=rfa,
            response=data["response"],
            offer=data["offer"],
            offer_from=data["offer_from"],
            offer_until=data["offer_until"],
            by=request.user,
            seen_response=data["seen_response"],
        )

    done = _("The military's answer is recorded.")
    return _rfa_step(request, operation, cell_request, form, "military_answer_form", write, done)


class RfaDeploymentFormView(RecordFormView):
    """The MCDA deployment created from an accepted RFA: the officer reviews a pre-filled form."""

    model = AssetDeployment
    form_class = AssetForm
    m2m_fields = AssetForm.m2m_fields
    noun = gettext_lazy("MCDA deployment")

    def get(self, request, *args, **kwargs):
        refused = self._refusal()
        return refused or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        refused = self._refusal()
        return refused or super().post(request, *args, **kwargs)

    def _rfa(self):
        if not hasattr(self, "_found"):
            self._found = _rfa_of(self.request, self.operation, self.kwargs["request_pk"])
        return self._found

    def _refusal(self):
        cell_request, _rfa = self._rfa()
        refusal = rules.step_state_refusal(rules.CREATE_DEPLOYMENT, cell_request)
        if refusal:
            messages.error(self.request, refusal)
            return redirect(cell_request)
        return None

    def initial(self):
        return services.rfa_deployment_initial(self._rfa()[1])

    def cancel_url(self):
        return self._rfa()[0].get_absolute_url()

    def save_record(self, instance, m2m=None, version=None):
        return services.rfa_create_deployment(
            rfa=self._rfa()[1], asset=instance, by=self.request.user, m2m=m2m
        )


@operation_post
def cell_request_endorse(request, operation, pk):
    cell_request = _cell_request(request, operation, pk)
    rfa = cell_request.rfa_details
    if rfa is None:
        raise Http404(_("Not a request for military assistance."))
    ensure(request.user, "endorse_rfas", operation.pk)
    form = EndorseForm(request.POST)
    if form.is_valid():
        endorse = form.cleaned_data["decision"] == "endorse"
        try:
            services.rfa_decide(rfa=rfa, endorse=endorse, note=form.cleaned_data["note"], by=request.user)
        except ValidationError as exc:
            if not hasattr(exc, "error_dict"):  # the state moved on: the form is no longer offered
                messages.error(request, " ".join(exc.messages))
                return _back(cell_request)
            form_errors_from(exc, form)
        else:
            messages.success(
                request, _("Endorsed: it can go to the military.") if endorse else _("Declined.")
            )
            return _back(cell_request)
    return render_detail(CellRequestDetailView, request, operation, cell_request, endorse_form=form)
