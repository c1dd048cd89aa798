from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminFileWidget
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from cmcoord.admin_base import DecisionFieldsReadOnly
from cmcoord.models import (
    Area,
    GuidelineDocument,
    Heartbeat,
    IdempotencyKey,
    Notification,
    NotificationPreference,
    Operation,
    PartnerToken,
    ReminderDelivery,
    Sector,
    SecurityAssessment,
    User,
    UserToken,
)
from cmcoord.permissions import memberships
from cmcoord.roles import Role, role_label
from cmcoord.services import (
    guideline_save,
    operation_members,
    partner_token_revoke,
    role_grant,
    role_revoke,
    strategy_approve,
)
from cmcoord.uploads import check_upload


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """People. Their roles are shown here and given per operation on its members page.

    Django's groups and global permissions are left out: the permission engine reads neither
    (a role is object permissions on one operation, written only by ``role_grant``), so ticking
    "Approve the CMCoord strategy" here would look like a grant and be none.
    """

    fieldsets = (
        (None, {"fields": ("username", "password")}),
        (_("Personal info"), {"fields": ("first_name", "last_name", "email")}),
        (_("Organisation"), {"fields": ("organisation", "phone")}),
        (_("Access"), {"fields": ("is_active", "is_staff", "is_superuser", "roles")}),
        (_("Important dates"), {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = DjangoUserAdmin.add_fieldsets + (
        (_("Organisation"), {"fields": ("email", "first_name", "last_name", "organisation")}),
    )
    readonly_fields = ("roles",)
    list_display = ("username", "get_full_name", "organisation", "email", "is_active", "is_staff")
    list_filter = ("is_staff", "is_superuser", "is_active")
    filter_horizontal = ()

    @admin.display(description=_("Roles"))
    def roles(self, obj):
        if obj is None or obj.pk is None:
            return "-"
        if obj.is_superuser:
            return _("Administrator of every operation.")
        held = memberships(obj)
        if not held:
            return _("No role yet: roles are given on each operation's members page.")
        operations = Operation.objects.in_bulk(list(held))
        return format_html_join(
            mark_safe("<br>"),
            '<a href="{}">{}</a>: {}',
            (
                (reverse("admin:cmcoord_operation_members", args=[pk]), operations[pk], role_label(role))
                for pk, role in sorted(held.items())
            ),
        )


class GuidelineInline(admin.TabularInline):
    """The operation's documents, listed: each is uploaded and changed on its own page, where its
    file is checked (``GuidelineDocumentAdmin``)."""

    model = GuidelineDocument
    extra = 0
    max_num = 0
    can_delete = False
    fields = ("title", "issued_on", "sensitivity", "status", "archived_at")
    readonly_fields = fields
    show_change_link = True


class RoleGrantForm(forms.Form):
    user = forms.ModelChoiceField(label=_("User"), queryset=get_user_model().objects.filter(is_active=True))
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)


class OperationForm(forms.ModelForm):
    def clean(self):
        cleaned = super().clean()
        # The rule of ``strategy_draft``: the HCT/UNCT approves a strategy with its rationale.
        if cleaned.get("strategy_draft") and not (cleaned.get("strategy_draft_rationale") or "").strip():
            self.add_error("strategy_draft_rationale", _("Give the rationale the HCT/UNCT will approve."))
        return cleaned


@admin.register(Operation)
class OperationAdmin(DecisionFieldsReadOnly, SimpleHistoryAdmin):
    """Operations; roles on the members page and the strategy approval go through the services."""

    form = OperationForm
    list_display = ("name", "country", "emergency_type", "phase", "start_date", "strategy", "strategy_status")
    list_filter = ("emergency_type", "phase", "strategy_status", "country")
    search_fields = ("name", "country")
    inlines = [GuidelineInline]
    # The strategy in force is the one the HCT/UNCT approved: the draft is edited here, and
    # approved only by the action below, which calls ``strategy_approve``.
    decision_fields = (
        "strategy",
        "strategy_rationale",
        "strategy_status",
        "strategy_approved_by",
        "strategy_approved_on",
        "strategy_return_comments",
        "strategy_returned_by",
        "strategy_returned_at",
    )
    actions = ["approve_strategy_draft"]
    change_form_template = "admin/cmcoord/operation/change_form.html"

    @admin.action(description=_("Approve the strategy draft"))
    def approve_strategy_draft(self, request, queryset):
        for operation in queryset:
            try:
                strategy_approve(operation=operation, by=request.user)
            except ValidationError as exc:
                self.message_user(
                    request,
                    _("%(operation)s: %(problem)s")
                    % {"operation": operation, "problem": " ".join(exc.messages)},
                    messages.ERROR,
                )
            else:
                self.message_user(
                    request,
                    _("%(operation)s: the strategy is now %(strategy)s.")
                    % {"operation": operation, "strategy": operation.get_strategy_display()},
                    messages.SUCCESS,
                )

    def get_urls(self):
        own = [
            path(
                "<int:pk>/members/",
                self.admin_site.admin_view(self.members_view),
                name="cmcoord_operation_members",
            ),
        ]
        return own + super().get_urls()

    def members_view(self, request, pk):
        """Grant and revoke roles, through the same service the officers' members page uses."""
        operation = get_object_or_404(Operation, pk=pk)
        if not self.has_change_permission(request, operation):
            return redirect("admin:index")
        form = RoleGrantForm(request.POST if request.method == "POST" and "grant" in request.POST else None)
        if request.method == "POST":
            if "revoke" in request.POST:
                user = get_object_or_404(get_user_model(), pk=request.POST["revoke"])
                role_revoke(user=user, operation=operation, by=request.user)
                messages.success(
                    request,
                    _("%(user)s no longer has a role in %(operation)s.")
                    % {"user": user, "operation": operation},
                )
                return redirect(request.path)
            if form.is_valid():
                role_grant(
                    user=form.cleaned_data["user"],
                    operation=operation,
                    role=form.cleaned_data["role"],
                    by=request.user,
                )
                messages.success(
                    request,
                    _("%(user)s is now %(role)s.")
                    % {"user": form.cleaned_data["user"], "role": Role(form.cleaned_data["role"]).label},
                )
                return redirect(request.path)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "original": operation,
            "title": _("Members of %(operation)s") % {"operation": operation},
            "members": [(user, Role(role).label) for user, role in operation_members(operation)],
            "form": form,
            "change_url": reverse("admin:cmcoord_operation_change", args=[operation.pk]),
        }
        return TemplateResponse(request, "admin/cmcoord/operation/members.html", context)


class _ServedFile:
    """What the admin's file widget shows for a stored file: the app's download page (after its
    permission check), never the storage's address under MEDIA_URL or a bucket's signed URL."""

    def __init__(self, url: str, name: str):
        self.url, self.name = url, name

    def __str__(self):
        return self.name


class AppFileWidget(AdminFileWidget):
    """The admin's file input whose "Currently:" link is the app's file view of the record."""

    def __init__(self, *args, url_of, name_of=None, **kwargs):
        self.url_of, self.name_of = url_of, name_of
        super().__init__(*args, **kwargs)

    def is_initial(self, value):
        instance = getattr(value, "instance", None)
        return bool(value) and instance is not None and instance.pk is not None

    def format_value(self, value):
        if self.is_initial(value):
            name = self.name_of(value.instance) if self.name_of else str(value)
            return _ServedFile(self.url_of(value.instance), name)
        return None


def guideline_file_url(document) -> str:
    return reverse("cmcoord:guideline-file", args=[document.operation_id, document.pk])


class GuidelineDocumentAdminForm(forms.ModelForm):
    def clean_file(self):
        value = self.cleaned_data.get("file")
        if isinstance(value, UploadedFile):
            check_upload(value)  # the officers' form's check: type from the content, size
        return value


@admin.register(GuidelineDocument)
class GuidelineDocumentAdmin(DecisionFieldsReadOnly, SimpleHistoryAdmin):
    """Documents; the file goes through ``guideline_save`` (checked, random name), the HCT/UNCT's
    approval and the archiving through their pages, shown here read-only."""

    form = GuidelineDocumentAdminForm
    list_display = ("title", "operation", "issued_on", "sensitivity", "status", "archived_at")
    list_filter = ("operation", "sensitivity", "status")
    search_fields = ("title",)
    decision_fields = ("status", "approved_by", "approved_on", "archived_at", "archived_by")
    readonly_fields = ("file_name", "content_type")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "file":
            kwargs["widget"] = AppFileWidget(url_of=guideline_file_url, name_of=lambda d: d.download_name)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        self.keep_stored_decisions(obj)
        upload = form.cleaned_data.get("file")
        guideline_save(
            instance=obj, by=request.user, new_file=upload if isinstance(upload, UploadedFile) else None
        )


@admin.register(Area)
class AreaAdmin(admin.ModelAdmin):
    list_display = ("pcode", "name", "level", "country", "parent")
    list_filter = ("country", "level")
    search_fields = ("pcode", "name")
    autocomplete_fields = ("parent",)


@admin.register(Sector)
class SectorAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "kind", "parent")
    list_filter = ("kind",)
    search_fields = ("code", "name")


@admin.register(SecurityAssessment)
class SecurityAssessmentAdmin(SimpleHistoryAdmin):
    list_display = ("area", "operation", "level", "assessed_on", "sensitivity")
    list_filter = ("operation", "level")
    autocomplete_fields = ("area", "assessed_by")


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("title", "recipient", "kind", "created_at", "read_at")
    list_filter = ("kind",)
    search_fields = ("title", "recipient__username")
    raw_id_fields = ("recipient",)


@admin.register(NotificationPreference)
class NotificationPreferenceAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "email")
    list_filter = ("kind", "email")


@admin.register(ReminderDelivery)
class ReminderDeliveryAdmin(admin.ModelAdmin):
    list_display = (
        "kind",
        "subject",
        "occasion",
        "lead_days",
        "recipient",
        "status",
        "email_state",
        "attempts",
        "next_attempt_at",
        "sent_at",
    )
    list_filter = ("kind", "status", "email_state")
    search_fields = ("subject", "recipient__username")
    raw_id_fields = ("recipient", "notification")


@admin.register(Heartbeat)
class HeartbeatAdmin(admin.ModelAdmin):
    """When the reminder dispatcher last completed, as /healthz/ reads it."""

    list_display = ("name", "completed_at", "watched_since")


@admin.register(IdempotencyKey)
class IdempotencyKeyAdmin(admin.ModelAdmin):
    """Create requests remembered for a day (one-time form tokens, API Idempotency-Key): read only."""

    list_display = ("kind", "key", "user", "status_code", "location", "created_at")
    list_filter = ("kind",)
    search_fields = ("key", "user__username")

    def has_add_permission(self, request):
        return False  # made by the create they protect

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(PartnerToken)
class PartnerTokenAdmin(DecisionFieldsReadOnly, admin.ModelAdmin):
    """A token's reach is decided when an officer creates it; here it is read and revoked."""

    list_display = ("name", "operation", "key_prefix", "expires_at", "revoked_at", "last_used_at")
    list_filter = ("operation",)
    # Moving a key to another operation, stretching it past the year partner_token_create
    # allows, or clearing its revocation would each reopen or widen a partner's access.
    decision_fields = ("operation", "expires_at", "revoked_at")
    readonly_fields = ("key_prefix", "created_by", "created_at", "last_used_at")
    actions = ["revoke"]

    def has_add_permission(self, request):
        # Keys are created where they can be shown once: the officers' partner-token page.
        return False

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request, queryset):
        for token in queryset.select_related("operation"):
            partner_token_revoke(token=token, by=request.user)
        self.message_user(request, _("Revoked: partner systems using these keys are refused from now on."))


@admin.register(UserToken)
class UserTokenAdmin(admin.ModelAdmin):
    """Users' API tokens: read and deleted (revoked) here; issued only by the API, shown once."""

    list_display = ("token_key", "user", "created", "expiry", "last_used")
    search_fields = ("token_key", "user__username")
    readonly_fields = ("token_key", "user", "created", "expiry", "last_used")
    exclude = ("digest",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
