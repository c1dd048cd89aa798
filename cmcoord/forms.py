import datetime as dt

from django import forms
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cmcoord.edit_forms import VersionedFormMixin
from cmcoord.models import Strategy
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
