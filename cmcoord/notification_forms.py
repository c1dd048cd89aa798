from django import forms

from cmcoord.models import NotificationKind
from cmcoord.models.notifications import EMAILED_KINDS


class EmailPreferencesForm(forms.Form):
    """One checkbox per kind of notification: e-mail on or off (in-app is always on)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in EMAILED_KINDS:
            label = NotificationKind(kind).label
            self.fields[kind] = forms.BooleanField(
                label=label,
                required=False,
                initial=True,
                widget=forms.CheckboxInput(attrs={"style": "width:auto"}),
            )
