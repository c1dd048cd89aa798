"""What the apps' Django admins share: decision fields are shown there, never written; versions."""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import flatten_fieldsets
from django.http import HttpResponseRedirect

from cmcoord.models import RecordChanged


class DecisionFieldsReadOnly:
    """ModelAdmin mixin: ``decision_fields`` are read-only, and no save through the admin changes them.

    Decisions (an interlocutor approval, the strategy the HCT/UNCT approved) are taken through
    the services, which keep the decision's record and its history user. The change form leaves
    these fields out; ``save_model`` also puts back what is stored, because simple-history's
    "revert" page saves a whole past version of the record, decision fields included.
    """

    decision_fields: tuple[str, ...] = ()

    def get_readonly_fields(self, request, obj=None):
        return (*self.decision_fields, *super().get_readonly_fields(request, obj))

    def save_model(self, request, obj, form, change):
        self.keep_stored_decisions(obj)
        super().save_model(request, obj, form, change)

    def keep_stored_decisions(self, obj) -> None:
        fields = [obj._meta.get_field(name) for name in self.decision_fields]
        stored = None
        if obj.pk is not None:
            stored = type(obj)._default_manager.filter(pk=obj.pk).values(*[f.attname for f in fields]).first()
        for field in fields:
            setattr(obj, field.attname, stored[field.attname] if stored else field.get_default())


class VersionedAdminForm(forms.ModelForm):
    """The admin's change form of a versioned record: the version it was filled from travels with it."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1, max_value=2**31 - 1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None:
            # The stored version, not the instance's: simple-history's revert page fills the
            # form from a past version of the record, and reverting is a save like any other.
            self.initial["version"] = self._stored_version()

    def _stored_version(self) -> int | None:
        stored = type(self.instance)._default_manager.filter(pk=self.instance.pk)
        return stored.values_list("version", flat=True).first()

    def clean(self):
        cleaned = super().clean()
        posted = cleaned.get("version")
        if self.instance.pk is not None and posted is not None:
            current = self._stored_version()
            if current is not None and current != posted:
                raise RecordChanged(self.instance, current)
        return cleaned


class VersionedAdmin:
    """ModelAdmin mixin (added by the admin site to every versioned model's admin): a save based
    on an old version is refused on the form, like on the officers' pages and in the API."""

    def get_form(self, request, obj=None, change=False, **kwargs):
        base = kwargs.get("form") or self.form
        if not issubclass(base, VersionedAdminForm):
            kwargs["form"] = type(f"Versioned{base.__name__}", (VersionedAdminForm, base), {})
        if "fields" not in kwargs:
            kwargs["fields"] = flatten_fieldsets(self.get_fieldsets(request, obj))
        if kwargs["fields"] is not None:
            # ``version`` is the form's own (hidden) field, not one of the model's editable ones.
            kwargs["fields"] = [name for name in kwargs["fields"] if name != "version"]
        return super().get_form(request, obj, change, **kwargs)

    def save_model(self, request, obj, form, change):
        if change and form.cleaned_data.get("version") is not None:
            obj.version = form.cleaned_data["version"]
        super().save_model(request, obj, form, change)

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except RecordChanged as exc:  # saved by someone else between the form's check and the save
            messages.error(request, exc.messages[0])
            return HttpResponseRedirect(request.get_full_path())
