"""Pages that span the apps: the operations home, each operation's dashboard and strategy, the
history of its records, and the health check."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import RequestDataTooBig, ValidationError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from actors.models import Actor
from assets.models import AssetDeployment
from assets.selectors import dependencies_at_risk
from cell.models import CellRequest
from cmcoord import health, permissions, queues, services
from cmcoord.forms import StrategyForm
from cmcoord.models import GuidelineDocument, Operation, RecordChanged
from cmcoord.paginator import BoundedPaginator
from cmcoord.roles import role_label
from cmcoord.views_base import OperationMixin, form_errors_from
from contacts.models import Contact
from meetings.models import ActionPoint, Meeting
from web import history


@login_required
def home(request):
    operations = Operation.objects.for_user(request.user).order_by("name")
    roles = permissions.memberships(request.user)
    waiting = queues.request_counts(request)
    rows = [
        (operation, role_label(roles.get(operation.pk)), waiting.get(operation.pk, 0))
        for operation in operations
    ]
    return render(request, "web/home.html", {"rows": rows})


def _strategy_form(op):
    draft = op.strategy_draft or op.strategy
    rationale = op.strategy_draft_rationale if op.strategy_draft else op.strategy_rationale
    return StrategyForm(initial={"strategy": draft, "rationale": rationale, "version": op.version})


class DashboardView(OperationMixin, TemplateView):
    template_name = "web/operation_detail.html"

    def get_context_data(self, **kwargs):
        user, op, today = self.request.user, self.operation, timezone.localdate()
        return super().get_context_data(
            role_label=role_label(permissions.role_in(user, op.pk)),
            guidelines=GuidelineDocument.objects.for_user(user).filter(operation=op).current()[:10],
            at_risk=dependencies_at_risk(user, op, today=today)[:10],
            upcoming=Meeting.objects.for_user(user).filter(operation=op).upcoming(timezone.now())[:5],
            my_action_points=ActionPoint.objects.for_user(user).filter(operation=op, owner=user).open()[:10],
            my_requests=CellRequest.objects.for_user(user).filter(operation=op, submitted_by=user)[:5],
            waiting=queues.waiting_for(user, op),
            counts={
                "actors": Actor.objects.for_user(user).filter(operation=op).count(),
                "contacts": Contact.objects.for_user(user).filter(operation=op).count(),
                "assets": AssetDeployment.objects.for_user(user).filter(operation=op).active().count(),
            },
            strategy_form=kwargs.pop("strategy_form", None) or _strategy_form(op),
            today=today,
            **kwargs,
        )


class StrategyView(DashboardView):
    """Officers draft the CMCoord strategy; the HCT/UNCT approves the pending draft.

    A refused draft is shown again on the overview with what was typed and why.
    """

    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        operation = self.operation
        form = StrategyForm(request.POST)
        try:
            if "return" in request.POST:
                return self._return(request, operation)
            if "approve" in request.POST:
                approve = StrategyForm({"version": request.POST.get("version")})
                version = approve.based_on() if approve.is_valid() else None
                services.strategy_approve(operation=operation, by=request.user, version=version)
                messages.success(request, _("Strategy approved: it is now the operation's strategy."))
                return redirect(operation)
            if form.is_valid():
                data = {**form.cleaned_data, "version": form.based_on()}
                services.strategy_draft(operation=operation, by=request.user, **data)
                messages.success(request, _("Draft saved: it awaits HCT/UNCT approval."))
                return redirect(operation)
        except RecordChanged as exc:
            if "approve" in request.POST or "return" in request.POST:
                again = _("Read the draft again before you decide.")
                messages.error(request, f"{exc.messages[0]} {again}")
                return redirect(operation)
            form.show_record_changed(exc, _strategy_form(Operation.objects.get(pk=operation.pk)))
        except ValidationError as exc:
            form_errors_from(exc, form)
        return self.render_to_response(self.get_context_data(strategy_form=form, strategy_open=True))

    def _return(self, request, operation):
        """The HCT/UNCT returns the draft with comments; an empty comment is refused, nothing typed."""
        read = StrategyForm({"version": request.POST.get("version")})
        version = read.based_on() if read.is_valid() else None
        comments = request.POST.get("comments", "")[:10000]
        try:
            services.strategy_return(operation=operation, comments=comments, by=request.user, version=version)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Draft returned to the officers with your comments."))
        return redirect(operation)


class StrategyVersionsView(OperationMixin, TemplateView):
    """Every strategy the HCT/UNCT approved in this operation, newest first: all members read them."""

    template_name = "web/strategy_versions.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(versions=services.strategy_versions(self.operation), **kwargs)


class HistoryView(OperationMixin, TemplateView):
    """Who changed what, when: the operation's changes, newest first, each field before → after,
    filtered by kind of record, person, dates or one record (``?record=actor:12``)."""

    template_name = "web/history.html"
    required_permission = "view_history"
    paginate_by = 50

    def get_context_data(self, **kwargs):
        op = self.operation
        form = history.HistoryFilterForm(
            self.request.GET or None, operation=op, members=history.members_of(op)
        )
        changes, page = [], None
        if not form.is_bound or form.is_valid():
            query = history.Query.from_form(form) if form.is_bound else history.Query(operation=op)
            paginator = BoundedPaginator(history.history_rows(query), self.paginate_by)
            page = paginator.get_page(self.request.GET.get("page"))
            changes = history.build_changes(self.request.user, op, list(page.object_list))
        return super().get_context_data(
            form=form,
            changes=changes,
            page_obj=page,
            is_paginated=page is not None and (page.has_next() or page.has_previous()),
            **kwargs,
        )


def _api(request) -> bool:
    return request.path.startswith("/api/")


# Errors Django answers before (or instead of) a viewset: under /api/ they are JSON like the
# viewsets' own, so an API client never has to read an HTML page.
def page_not_found(request, exception):
    """404: an id longer than any record's never reaches a viewset."""
    if _api(request):
        return JsonResponse({"detail": _("Not found.")}, status=404)
    return defaults.page_not_found(request, exception)


def bad_request(request, exception):
    """400: a body over the upload limit (413 under /api/), too many fields, a bad Host."""
    if _api(request):
        if isinstance(exception, RequestDataTooBig):
            return JsonResponse({"detail": _("The request body is too large.")}, status=413)
        return JsonResponse({"detail": _("Bad request.")}, status=400)
    return defaults.bad_request(request, exception)


def permission_denied(request, exception):
    if _api(request):
        return JsonResponse({"detail": _("You do not have permission to perform this action.")}, status=403)
    return defaults.permission_denied(request, exception)


def server_error(request):
    if _api(request):
        return JsonResponse({"detail": _("A server error occurred.")}, status=500)
    return defaults.server_error(request)


@require_GET
@never_cache
def healthz(request):
    """For the container health check and monitoring: 200 when all is well, else 503 naming the
    failed parts (database, broker, reminder dispatch, e-mail backlog); never a 500."""
    failed, body = health.report()
    return JsonResponse(body, status=503 if failed else 200)
