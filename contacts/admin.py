from urllib.parse import urlencode

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from actors.forms import InterlocutorDecisionForm
from actors.models import Actor, InterlocutorStatus
from cmcoord.admin_base import DecisionFieldsReadOnly
from cmcoord.views_base import form_errors_from
from contacts.models import Contact, InterlocutorDecision, InterlocutorQuestion
from contacts.services import interlocutor_decide

INTERLOCUTOR_FIELDS = (
    "interlocutor_status",
    "interlocutor_decided_by",
    "interlocutor_decided_on",
    "interlocutor_rationale",
)
# What the decision page decides on: query parameter -> model.
TARGETS = {"actors": Actor, "contacts": Contact}


def decide_url(kind: str, ids, decision: str = "") -> str:
    query = {kind: ",".join(str(pk) for pk in ids)}
    if decision:
        query["decision"] = decision
    return f"{reverse('admin:contacts_interlocutordecision_decide')}?{urlencode(query)}"


@admin.register(Contact)
class ContactAdmin(DecisionFieldsReadOnly, SimpleHistoryAdmin):
    list_display = (
        "full_name",
        "rank_or_title",
        "position",
        "actor",
        "operation",
        "interlocutor_status",
        "last_verified_on",
        "sensitivity",
    )
    list_filter = ("operation", "position", "interlocutor_status", "sensitivity")
    search_fields = ("full_name", "actor__name", "email", "radio_call_sign")
    autocomplete_fields = ("actor",)
    decision_fields = INTERLOCUTOR_FIELDS
    readonly_fields = ("decide_as_interlocutor",)
    actions = ["approve_as_interlocutor", "reject_as_interlocutor"]

    @admin.display(description=_("Interlocutor decision"))
    def decide_as_interlocutor(self, obj):
        if obj is None or obj.pk is None:
            return _("Decided once the contact is saved.")
        return format_html(
            '<a href="{}">{}</a>', decide_url("contacts", [obj.pk]), _("Approve or reject as interlocutor…")
        )

    @admin.action(description=_("Approve as interlocutor…"))
    def approve_as_interlocutor(self, request, queryset):
        ids = queryset.values_list("pk", flat=True)
        return HttpResponseRedirect(decide_url("contacts", ids, InterlocutorStatus.APPROVED))

    @admin.action(description=_("Reject as interlocutor…"))
    def reject_as_interlocutor(self, request, queryset):
        ids = queryset.values_list("pk", flat=True)
        return HttpResponseRedirect(decide_url("contacts", ids, InterlocutorStatus.REJECTED))


@admin.register(InterlocutorDecision)
class InterlocutorDecisionAdmin(admin.ModelAdmin):
    """The record of decisions: read here, written only by ``interlocutor_decide``.

    Its decision page takes the administrator's decision on actors or contacts through that
    service, so each one leaves its record, its rationale and its history user.
    """

    list_display = ("decided_at", "decision", "actor", "contact", "decided_by", "operation")
    list_filter = ("operation", "decision")
    raw_id_fields = ("actor", "contact", "decided_by")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        # Django's delete page of an actor, contact or operation asks this too: one with recorded
        # decisions cannot be deleted from the admin (the officers' delete still cascades).
        return False

    def get_urls(self):
        own = [
            path(
                "decide/",
                self.admin_site.admin_view(self.decide_view),
                name="contacts_interlocutordecision_decide",
            ),
        ]
        return own + super().get_urls()

    def decide_view(self, request):
        """Approve or reject the actors or contacts named in the query, with one rationale."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        kind, targets = self._targets(request)
        if not targets:
            messages.warning(request, _("Choose the actors or contacts to decide on in their list first."))
            return redirect("admin:actors_actor_changelist")
        form = InterlocutorDecisionForm(
            request.POST if request.method == "POST" else None,
            initial={"decision": request.GET.get("decision")},
        )
        if request.method == "POST" and form.is_valid():
            try:
                with transaction.atomic():
                    for target in targets:
                        interlocutor_decide(target=target, by=request.user, **form.cleaned_data)
            except ValidationError as exc:
                form_errors_from(exc, form)
            except PermissionDenied as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(
                    request,
                    ngettext(
                        "%(count)d interlocutor decision recorded.",
                        "%(count)d interlocutor decisions recorded.",
                        len(targets),
                    )
                    % {"count": len(targets)},
                )
                return redirect(self._return_url(kind, targets))
        model = TARGETS[kind]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "target_opts": model._meta,
            "title": _("Interlocutor decision"),
            "targets": targets,
            "form": form,
            "return_url": self._return_url(kind, targets),
        }
        return TemplateResponse(request, "admin/contacts/interlocutordecision/decide.html", context)

    @staticmethod
    def _targets(request):
        for kind, model in TARGETS.items():
            raw = request.GET.get(kind, "")
            ids = [int(pk) for pk in raw.split(",") if pk.strip().isdigit()]
            if ids:
                return kind, list(model._default_manager.filter(pk__in=ids).select_related("operation"))
        return None, []

    @staticmethod
    def _return_url(kind, targets) -> str:
        opts = TARGETS[kind]._meta
        if len(targets) == 1:
            return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[targets[0].pk])
        return reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")


@admin.register(InterlocutorQuestion)
class InterlocutorQuestionAdmin(DecisionFieldsReadOnly, SimpleHistoryAdmin):
    """Asked and answered through contacts.services (which tell both sides): shown, never decided here."""

    decision_fields = ("status", "answered_by", "answered_at", "answer_rationale", "decision")
    list_display = ("__str__", "operation", "status", "asked_by", "asked_at")
    list_filter = ("operation", "status")
    raw_id_fields = ("actor", "contact", "asked_by")
