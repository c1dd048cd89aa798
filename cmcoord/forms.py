import datetime as dt

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cmcoord.edit_forms import VersionedFormMixin
from cmcoord.models import Operation, Strategy
from cmcoord.roles import Role


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
