from django import forms

from cmcoord.models import NotificationKind


class EmailPreferencesForm(forms.Form):
    """One checkbox per kind of notification: e-mail on or off (in-app is always on)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for kind, label in NotificationKind.choices:
            self.fields[kind] = forms.BooleanField(
                label=label,
                required=False,
                initial=True,
                widget=forms.CheckboxInput(attrs={"style": "width:auto"}),
            )
