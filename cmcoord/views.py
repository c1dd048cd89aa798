"""Core pages of an operation: its members and roles, partner tokens, the security context."""

import re

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View

from cmcoord import permissions, services
from cmcoord.edit_views import RecordFormView, RecordWords
from cmcoord.files import file_response
from cmcoord.filters import SecurityAssessmentFilterSet
from cmcoord.forms import MemberGrantForm, OperationSettingsForm, PartnerTokenForm
from cmcoord.models import GuidelineDocument, Operation, PartnerToken, SecurityAssessment
from cmcoord.roles import Role, role_label
from cmcoord.views_base import OperationListView, OperationMixin, form_errors_from, operation_post


class MembersView(OperationMixin, TemplateView):
    """Officers grant and revoke roles here, through the same service the admin uses."""

    template_name = "cmcoord/members.html"
    required_permission = "manage_members"

    def get_context_data(self, **kwargs):
        members = [(u, role_label(r)) for u, r in services.operation_members(self.operation)]
        kwargs.setdefault("form", self._form())
        return super().get_context_data(members=members, **kwargs)

    def post(self, request, *args, **kwargs):
        if "revoke" in request.POST:
            return self._revoke(request)
        form = self._form(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        user = form.cleaned_data["user"]
        services.role_grant(
            user=user, operation=self.operation, role=form.cleaned_data["role"], by=request.user
        )
        messages.success(
            request,
            _("%(user)s is now %(role)s in this operation.")
            % {"user": user, "role": Role(form.cleaned_data["role"]).label},
        )
        return redirect(request.path)

    def _form(self, data=None):
        return MemberGrantForm(data, roles=permissions.grantable_roles(self.request.user, self.operation.pk))

    def _revoke(self, request):
        member_ids = {u.pk for u, _role in services.operation_members(self.operation)}
        if not re.fullmatch(r"[0-9]{1,18}", request.POST["revoke"]):
            raise Http404(_("No such member."))
        user = get_object_or_404(get_user_model(), pk=request.POST["revoke"], pk__in=member_ids)
        services.role_revoke(user=user, operation=self.operation, by=request.user)
        messages.success(request, _("%(user)s no longer has a role in this operation.") % {"user": user})
        return redirect(request.path)


class PartnerTokensView(OperationMixin, TemplateView):
    """Named, read-only partner tokens: the key is shown once, on the page that creates it."""

    template_name = "cmcoord/partner_tokens.html"
    required_permission = "manage_partner_tokens"

    def get_context_data(self, **kwargs):
        kwargs.setdefault("form", PartnerTokenForm())
        tokens = PartnerToken.objects.filter(operation=self.operation).select_related("created_by")
        return super().get_context_data(tokens=tokens, now=timezone.now(), **kwargs)

    def post(self, request, *args, **kwargs):
        form = PartnerTokenForm(request.POST)
        if form.is_valid():
            try:
                token, raw = services.partner_token_create(
                    operation=self.operation,
                    name=form.cleaned_data["name"],
                    expires_at=form.expires_at(self.operation.zone),
                    by=request.user,
                )
            except ValidationError as exc:
                form_errors_from(exc, form)
            else:
                context = self.get_context_data(new_key=raw, new_token=token)
                return self.render_to_response(context)
        return self.render_to_response(self.get_context_data(form=form))


@operation_post
def partner_token_revoke(request, operation, pk):
    permissions.ensure(request.user, "manage_partner_tokens", operation.pk)
    token = get_object_or_404(PartnerToken, operation=operation, pk=pk)
    services.partner_token_revoke(token=token, by=request.user)
    messages.success(
        request, _("Token “%(name)s” revoked: it no longer opens anything.") % {"name": token.name}
    )
    return redirect("cmcoord:partner-token-list", op=operation.pk)


class SecurityListView(OperationListView):
    model = SecurityAssessment
    template_name = "cmcoord/security_list.html"
    filterset_class = SecurityAssessmentFilterSet
    search_fields = SecurityAssessmentFilterSet.search_fields

    def get_queryset(self):
        return super().get_queryset().select_related("area", "assessed_by")


class GuidelineFileView(OperationMixin, View):
    """The uploaded file of a guideline document, for those who may read the document."""

    model = GuidelineDocument

    def get(self, request, *args, **kwargs):
        document = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
        return file_response(document.file)


class OperationSettingsView(RecordFormView):
    """The operation's own settings, kept by its officers (the admin opens operations)."""

    model = Operation
    form_class = OperationSettingsForm
    words = RecordWords(
        new=gettext_lazy("Operation settings"),
        edit=gettext_lazy("Settings of %(name)s"),
        created=gettext_lazy("Settings of “%(name)s” saved."),
        saved=gettext_lazy("Settings of “%(name)s” saved."),
        delete_link="",
        delete_question="",
        deleted="",
    )

    @property
    def creating(self) -> bool:
        return False

    def get_object(self):
        record = Operation.objects.get(pk=self.operation.pk)  # OperationMixin already checked the role
        self.saved_name = str(record)
        return record

    def success_url(self):
        return reverse("cmcoord:settings", args=[self.operation.pk])

    def cancel_url(self):
        return self.operation.get_absolute_url()
