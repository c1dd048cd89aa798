"""What every operation page shares: sign-in, the operation resolved for the user, scoped records."""

import re
import secrets
from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import ProhibitNullCharactersValidator
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django.views.generic import DetailView, ListView
from rest_framework.filters import search_smart_split

from cmcoord import permissions, services
from cmcoord.models import Operation
from cmcoord.paginator import BoundedPaginator
from cmcoord.search import SearchFilter


def operation_for(request, op: int) -> Operation:
    """The operation if the user belongs to it; 404 otherwise, naming nothing.

    Its time zone becomes the request's, so times read as people there live them.
    """
    operation = get_object_or_404(Operation.objects.for_user(request.user), pk=op)
    timezone.activate(operation.zone)
    return operation


# --- One record per create form, however often it is sent ----------------------------------------

SUBMISSION_FIELD = "submission_token"
_SUBMISSION_TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")


def submission_token(request) -> str:
    """The create form's one-time token: the one it was sent with (shown again with errors), or new."""
    posted = request.POST.get(SUBMISSION_FIELD, "") if request.method == "POST" else ""
    return posted if _SUBMISSION_TOKEN.fullmatch(posted) else secrets.token_urlsafe(24)


def claim_submission(request):
    """Inside the create's transaction: claim the posted token, or raise ``services.AlreadyDone``
    (with the record the first submission created) when this form was sent before.

    A form without a valid token (opened before tokens existed, a crafted POST) is not deduplicated.
    """
    posted = request.POST.get(SUBMISSION_FIELD, "")
    if not _SUBMISSION_TOKEN.fullmatch(posted):
        return None
    return services.idempotency_claim(user=request.user, kind="form", key=posted)


def earlier_submission(request):
    """Before the form is even checked: ``AlreadyDone`` if this form was sent and saved before.

    (Checked first because the second copy would often fail validation, "already exists",
    instead of leading to the record the first created.)
    """
    posted = request.POST.get(SUBMISSION_FIELD, "")
    if _SUBMISSION_TOKEN.fullmatch(posted):
        earlier = services.idempotency_earlier(user=request.user, kind="form", key=posted)
        if earlier is not None:
            raise services.AlreadyDone(earlier)


def already_submitted(request, done: "services.AlreadyDone", fallback: str):
    """The answer to a form sent again: the record it created the first time, nothing new."""
    messages.info(request, _("This form was already sent: nothing new was created. Here is what it created."))
    return redirect(done.earlier.location or fallback)


def page_context(user, operation) -> dict:
    """What the templates may show this user: decided here, from the permissions module."""
    op = operation.pk
    return {
        "operation": operation,
        "role": permissions.role_in(user, op),
        "may": {
            "manage": permissions.can(user, "manage_registry", op),
            "triage": permissions.can(user, "triage_cell_requests", op),
            "submit": permissions.can(user, "submit_cell_requests", op),
            "decide": permissions.can(user, "decide_interlocutors", op),
            "endorse": permissions.can(user, "endorse_rfas", op),
            "members": permissions.can(user, "manage_members", op),
            "tokens": permissions.can(user, "manage_partner_tokens", op),
            "history": permissions.can_read_history(user, op),
            "restricted": permissions.can(user, "view_restricted_records", op),
            "draft_strategy": permissions.can(user, "draft_strategy", op),
            "approve_strategy": permissions.can(user, "approve_strategy", op),
        },
    }


def operation_post(view):
    """A POST-only action on an operation's record: signed in, operation resolved (or 404)."""

    @wraps(view)
    @require_POST
    def wrapper(request, op, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return view(request, operation_for(request, op), **kwargs)

    return wrapper


class OperationMixin(LoginRequiredMixin):
    """Resolves ``self.operation`` after sign-in; querysets start from ``for_user``."""

    model = None
    operation_field = "operation"
    required_permission: str | None = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.operation = operation_for(request, kwargs["op"])
        if self.required_permission:
            permissions.ensure(request.user, self.required_permission, self.operation.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        qs = self.model.objects.for_user(self.request.user)
        return qs.filter(**{self.operation_field: self.operation})

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(page_context(self.request.user, self.operation))
        return context


class PageSearch(SearchFilter):
    """``?q=`` on a page: the API's ``?search=``, over the same search fields, the same way."""

    search_param = "q"

    def get_search_terms(self, request):
        value = request.GET.get(self.search_param, "")
        ProhibitNullCharactersValidator()(value)  # the database refuses NUL: say so, as the API does
        return search_smart_split(value)


class OperationListView(OperationMixin, ListView):
    """A list page of the operation's records: scoped, searched and filtered like its API list.

    ``filterset_class`` is the API list's FilterSet (or a subclass with the page's own links,
    such as "mine"); ``search_fields`` are the API's. A filter value that is not valid shows
    its error and no rows, as the API answers 400.
    """

    paginate_by = 50
    paginator_class = BoundedPaginator  # counts a bounded number of rows, never the whole scope
    filterset_class = None
    search_fields: tuple[str, ...] = ()

    def get_queryset(self):
        qs = super().get_queryset()
        self.search_errors = {}
        if self.search_fields:
            try:
                qs = PageSearch().filter_queryset(self.request, qs, self)
            except ValidationError as exc:
                self.search_errors, qs = {PageSearch.search_param: exc.messages}, qs.none()
        self.filterset = None
        if self.filterset_class is not None:
            self.filterset = self.filterset_class(self.request.GET, queryset=qs, request=self.request)
            qs = self.filterset.qs if self.filterset.is_valid() else qs.none()
        return qs

    def get_context_data(self, **kwargs):
        errors = dict(self.filterset.errors) if self.filterset is not None else {}
        return super().get_context_data(filter_errors={**errors, **self.search_errors}, **kwargs)


class OperationDetailView(OperationMixin, DetailView):
    pass


def render_detail(view_class, request, operation, obj, *, status=400, **context):
    """Show a record's page again with a refused form bound, so nothing typed is lost."""
    view = view_class()
    view.setup(request, op=operation.pk, pk=obj.pk)
    view.operation, view.object = operation, obj
    return view.render_to_response(view.get_context_data(object=obj, **context), status=status)


def query_id(request, name: str) -> int | None:
    """A record id from the query string (?asset=12), or None for anything that is not one."""
    value = request.GET.get(name, "")
    return int(value) if re.fullmatch(r"[0-9]{1,18}", value) else None


class ShareForm(forms.Form):
    """Pick a member of the operation to share one restricted record with."""

    user = forms.TypedChoiceField(coerce=int, label=_("Share with"))

    def __init__(self, *args, operation, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = {user.pk: user for user, _ in services.operation_members(operation)}
        self.fields["user"].choices = [(pk, str(user)) for pk, user in self.members.items()]


def share_record(request, operation, record):
    form = ShareForm(request.POST, operation=operation)
    if form.is_valid():
        user = form.members[form.cleaned_data["user"]]
        try:
            services.record_share(record=record, user=user, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, _("%(user)s can now read “%(record)s”.") % {"user": user, "record": record}
            )
    else:
        messages.error(request, _("Choose a member of the operation."))
    return redirect(record)


def form_errors_from(exc: ValidationError, form, *more_forms) -> None:
    """Put a service's ValidationError onto the form that has the field, so the user sees it
    next to that field; anything else goes on top of the first form."""
    if not hasattr(exc, "error_dict"):
        form.add_error(None, exc.messages)
        return
    for field, errors in exc.error_dict.items():
        owner = next((f for f in (form, *more_forms) if field in f.fields), None)
        (owner or form).add_error(field if owner else None, errors)


__all__ = [
    "OperationDetailView",
    "OperationListView",
    "OperationMixin",
    "PermissionDenied",
    "form_errors_from",
    "operation_for",
    "operation_post",
]
