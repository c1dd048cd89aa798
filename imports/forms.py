from django import forms
from django.utils.translation import gettext_lazy as _

from imports.models import Kind
from imports.services import MAX_UPLOAD_BYTES


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("The file holds"), choices=Kind.choices, widget=forms.RadioSelect)
    file = forms.FileField(
        label=_("Spreadsheet"),
        help_text=_(
            "XLSX or CSV, with a header row (and, as the exports have, an HXL hashtag row under it). "
            "At most 5 MB and 5,000 rows."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xlsx,.csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB."))
        return upload


class ConfirmForm(forms.Form):
    # What the preview showed: a confirmation of an outcome that changed since is refused.
    digest = forms.CharField(widget=forms.HiddenInput, max_length=64)
    skip_invalid = forms.BooleanField(required=False, label=_("Skip the invalid rows listed above"))
