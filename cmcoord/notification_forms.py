from django import forms

from cmcoord.models import NotificationKind
from cmcoord.models.notifications import EMAILED_KINDS
from cmcoord.reminders.inbox import DIGEST_SUFFIX


class EmailPreferencesForm(forms.Form):
    """Per kind of notification: e-mail on or off (in-app is always on), and, when on, one e-mail
    each or gathered in the daily digest (``<kind>__digest``)."""

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
        for kind in EMAILED_KINDS:
            label = NotificationKind(kind).label
            self.fields[kind + DIGEST_SUFFIX] = forms.BooleanField(
                label=label,
                required=False,
                initial=False,
                widget=forms.CheckboxInput(attrs={"style": "width:auto"}),
            )

    def email_fields(self):
        return [self[kind] for kind in EMAILED_KINDS]

    def digest_fields(self):
        return [self[kind + DIGEST_SUFFIX] for kind in EMAILED_KINDS]
