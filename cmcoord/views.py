"""Core pages of an operation: its members and roles, partner tokens, the security context, the
country guidelines (the officers' edit pages are in ``cmcoord/record_views.py``)."""

import re

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import BooleanField, Exists, ExpressionWrapper, F, OuterRef, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView, View

from cmcoord import permissions, services
from cmcoord.edit_views import RecordFormView, RecordWords
from cmcoord.files import guideline_response
from cmcoord.filters import GuidelineFilterSet, SecurityAssessmentFilterSet
from cmcoord.forms import MemberGrantForm, OperationSettingsForm, PartnerTokenForm
from cmcoord.models import GuidelineDocument, Operation, PartnerToken, SecurityAssessment
from cmcoord.roles import Role, role_label
from cmcoord.views_base import (
    OperationDetailView,
    OperationListView,
    OperationMixin,
    form_errors_from,
    operation_post,
)


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


# --- Security context per area and the country guidelines: read by members, kept by officers ------


def superseded_q(user):
    """True for an assessment a newer one of the same area replaces, among those ``user`` reads
    (so nobody learns that a newer assessment they may not read exists)."""
    newer = (
        SecurityAssessment.objects.for_user(user)
        .filter(operation=OuterRef("operation"), area=OuterRef("area"))
        .filter(
            Q(assessed_on__gt=OuterRef("assessed_on"))
            | Q(assessed_on=OuterRef("assessed_on"), pk__gt=OuterRef("pk"))
        )
    )
    return Exists(newer)


class SecurityListView(OperationListView):
    """The current assessment of each area first, then the earlier ones (the areas' history)."""

    model = SecurityAssessment
    template_name = "cmcoord/security_list.html"
    filterset_class = SecurityAssessmentFilterSet
    search_fields = SecurityAssessmentFilterSet.search_fields

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("area", "assessed_by")
            .annotate(superseded=superseded_q(self.request.user))
            .order_by("superseded", "area__pcode", "-assessed_on", "-pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = list(context["object_list"])
        context["current"] = [row for row in rows if not row.superseded]
        context["earlier"] = [row for row in rows if row.superseded]
        return context


class SecurityDetailView(OperationDetailView):
    """One assessment, with the other assessments of its area you may read (newest first)."""

    model = SecurityAssessment
    template_name = "cmcoord/security_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("area", "assessed_by")

    def get_context_data(self, **kwargs):
        area_history = list(
            super()
            .get_queryset()
            .filter(area_id=self.object.area_id)
            .select_related("assessed_by")
            .order_by("-assessed_on", "-pk")[:50]
        )
        current = area_history[0] if area_history else None
        return super().get_context_data(
            area_history=area_history,
            current=current,
            superseded=current is not None and current.pk != self.object.pk,
            **kwargs,
        )


class GuidelineListView(OperationListView):
    """The current documents first, then the archived ones, kept for the record."""

    model = GuidelineDocument
    template_name = "cmcoord/guideline_list.html"
    filterset_class = GuidelineFilterSet
    search_fields = GuidelineFilterSet.search_fields

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .annotate(
                is_archived=ExpressionWrapper(Q(archived_at__isnull=False), output_field=BooleanField())
            )
            .order_by("is_archived", F("issued_on").desc(nulls_last=True), "title", "pk")
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = list(context["object_list"])
        context["current"] = [row for row in rows if not row.archived]
        context["archived"] = [row for row in rows if row.archived]
        return context


class GuidelineDetailView(OperationDetailView):
    model = GuidelineDocument
    template_name = "cmcoord/guideline_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("approved_by", "archived_by")


class GuidelineFileView(OperationMixin, View):
    """The uploaded file of a guideline document, for those who may read the document."""

    model = GuidelineDocument

    def get(self, request, *args, **kwargs):
        document = get_object_or_404(self.get_queryset(), pk=kwargs["pk"])
        return guideline_response(document)


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


def _posted_version(request) -> int | None:
    value = request.POST.get("version", "")
    return int(value) if re.fullmatch(r"[0-9]{1,9}", value) else None


def _guideline_decision(request, operation, pk, decide, done: str):
    document = get_object_or_404(GuidelineDocument.objects.for_user(request.user), operation=operation, pk=pk)
    try:
        decide(document, _posted_version(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, done % {"name": document})
    return redirect(document)


@operation_post
def guideline_approve(request, operation, pk):
    """The HCT/UNCT approves a draft as the page showed it (its version)."""
    permissions.ensure(request.user, "approve_strategy", operation.pk)
    return _guideline_decision(
        request,
        operation,
        pk,
        lambda document, version: services.guideline_approve(
            document=document, by=request.user, version=version
        ),
        _("“%(name)s” approved: field staff read it now (and partners, if it is shareable)."),
    )


@operation_post
def guideline_archive(request, operation, pk):
    """Officers archive a document (kept, listed apart, no longer current) or restore it."""
    permissions.ensure(request.user, "draft_strategy", operation.pk)
    archive = request.POST.get("archive") != "0"
    return _guideline_decision(
        request,
        operation,
        pk,
        lambda document, version: services.guideline_archive(
            document=document, by=request.user, archive=archive, version=version
        ),
        _("“%(name)s” archived: it is listed apart and no longer shown as current.")
        if archive
        else _("“%(name)s” restored: it is current again."),
    )
