import datetime as dt

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cmcoord.edit_forms import MemberChoiceField, RecordForm, VersionedFormMixin, date_widgets, text_widgets
from cmcoord.models import GuidelineDocument, GuidelineStatus, Operation, SecurityAssessment, Strategy
from cmcoord.roles import Role
from cmcoord.uploads import ACCEPT, check_upload, max_upload_bytes


class MemberGrantForm(forms.Form):
    username = forms.CharField(
        label=_("Username"),
        help_text=_("The person's CMCoord username (an administrator creates accounts)."),
    )
    role = forms.ChoiceField(label=_("Role"), choices=Role.choices)

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(r, Role(r).label) for r in roles]

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        user = get_user_model().objects.filter(username__iexact=username, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("No active account has this username."))
        self.cleaned_data["user"] = user
        return username


class PartnerTokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=120, help_text=_("Who will use it, e.g. 'OCHA 3W dashboard'.")
    )
    expires_on = forms.DateField(
        label=_("Expires on"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("At most a year ahead."),
    )

    def clean_expires_on(self):
        day = self.cleaned_data["expires_on"]
        if day <= timezone.localdate():
            raise forms.ValidationError(_("The expiry must be in the future."))
        return day

    def expires_at(self, zone):
        """The end of the chosen day where the operation is, so the list shows the same date."""
        return dt.datetime.combine(self.cleaned_data["expires_on"], dt.time(23, 59), tzinfo=zone)


class StrategyForm(VersionedFormMixin, forms.Form):
    """The draft, with the version of the operation it was written on (a hidden field)."""

    strategy = forms.ChoiceField(label=_("Strategy"), choices=Strategy.choices)
    rationale = forms.CharField(label=_("Rationale"), widget=forms.Textarea(attrs={"rows": 5}))


class OperationSettingsForm(VersionedFormMixin, forms.ModelForm):
    """What the officers set for their operation: its phase and end, its clock, its reminders.

    Name, country and start date are the administrator's (they open the operation); the
    strategy has its own page and the HCT/UNCT's approval.
    """

    reminder_lead_days = forms.CharField(
        label=_("Phase-out reminders, days before"),
        help_text=_("Whole days between 1 and 365, separated by commas, e.g. 30, 14, 7, 1."),
        max_length=200,
    )

    class Meta:
        model = Operation
        fields = ["phase", "end_date", "time_zone", "default_language", "answer_within_days"]
        widgets = {"end_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}
        help_texts = {"time_zone": _("A zone of the IANA database, e.g. Africa/Maputo or Asia/Aden.")}

    def __init__(self, *args, operation=None, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.order_fields(["phase", "end_date", "time_zone", "default_language", "reminder_lead_days"])
        if "reminder_lead_days" not in self.initial:
            self.initial["reminder_lead_days"] = ", ".join(str(d) for d in self.instance.reminder_lead_days)

    def clean_reminder_lead_days(self):
        text = self.cleaned_data["reminder_lead_days"]
        parts = [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]
        if not parts or not all(part.isdecimal() and len(part) <= 3 for part in parts):
            raise ValidationError(
                _("Give whole days between 1 and 365, separated by commas, e.g. 30, 14, 7, 1.")
            )
        return [int(part) for part in parts]

    def save(self, commit=True):
        self.instance.reminder_lead_days = self.cleaned_data["reminder_lead_days"]
        return super().save(commit=commit)


# --- Security context and guidelines, kept by officers (cmcoord/edit_views.py) ------------------


class SecurityAssessmentForm(RecordForm):
    class Meta:
        model = SecurityAssessment
        fields = ["area", "level", "association_risks", "assessed_on", "assessed_by", "sensitivity"]
        field_classes = {"assessed_by": MemberChoiceField}
        widgets = {**date_widgets("assessed_on"), **text_widgets("association_risks", rows=5)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope_areas("area")
        self.scope_members("assessed_by")
        self.fields["area"].help_text = _(
            "A new assessment of an area becomes its current one; the earlier ones stay as its history."
        )


class GuidelineForm(RecordForm):
    """A guideline document's details and, on its own field, the file to upload or replace it with."""

    upload = forms.FileField(
        label=_("File"),
        required=False,
        help_text=_("PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG or TXT."),
    )

    class Meta:
        model = GuidelineDocument
        fields = ["title", "issued_on", "url", "summary", "sensitivity"]
        widgets = {**date_widgets("issued_on"), **text_widgets("summary", rows=4)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        upload = self.fields["upload"]
        upload.widget.attrs["accept"] = ACCEPT
        limit = filesizeformat(max_upload_bytes())
        if self.instance.file:
            upload.label = _("Replace the file")
            upload.help_text = _(
                "Now: %(name)s. A new file replaces it (the old one is deleted). PDF, DOCX, XLSX, ODT, "
                "ODS, PNG, JPEG or TXT, at most %(limit)s."
            ) % {"name": self.instance.download_name, "limit": limit}
        else:
            upload.help_text = _("PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG or TXT, at most %(limit)s.") % {
                "limit": limit
            }
        if self.instance.pk and self.instance.status == GuidelineStatus.APPROVED:
            self.fields["url"].help_text = _(
                "The HCT/UNCT approved this document: a new file or link returns it to draft until they "
                "approve it again, and field staff and partners do not see it meanwhile."
            )

    def full_clean(self):
        """A refused upload says why under its field, not also "give a link or a file" on top."""
        super().full_clean()
        if self._errors and "upload" in self._errors and NON_FIELD_ERRORS in self._errors:
            missing = str(GuidelineDocument.MISSING_FILE)
            kept = [message for message in self._errors[NON_FIELD_ERRORS] if message != missing]
            if kept:
                self._errors[NON_FIELD_ERRORS] = self.error_class(kept, error_class="nonfield")
            else:
                del self._errors[NON_FIELD_ERRORS]

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if upload:
            check_upload(upload)  # its sentence shows under the field; the service checks again
            self.instance.file = upload  # so the model's "a link or a file" rule sees it
        return upload or None
