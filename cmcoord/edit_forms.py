"""Form pieces the officers' create and edit pages share: scoped choices, dates, local times.

Every choice of a related record is built from ``for_user(user)`` and the page's operation,
so an id from another operation (or one the user may not see) is "not a valid choice":
the form refuses it before anything reaches ``record_save``.
"""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import BaseConstraint
from django.forms.models import ModelChoiceIterator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cmcoord.models import Area, Sector
from cmcoord.roles import Role
from cmcoord.services import operation_members


def date_widgets(*names: str) -> dict:
    return {name: forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d") for name in names}


def text_widgets(*names: str, rows: int = 3) -> dict:
    return {name: forms.Textarea(attrs={"rows": rows}) for name in names}


class _OfferedIterator(ModelChoiceIterator):
    def __init__(self, field):
        super().__init__(field)
        if field.offered is not None:
            self.queryset = field.offered


class OfferedChoiceField(forms.ModelChoiceField):
    """Accepts any record of ``queryset`` but lists only the sensible ones (``offered``).

    A record that is accepted but not offered (a civilian actor as MCDA provider, a
    subordinate as parent) can still arrive from a page opened before a change or from a
    crafted POST: the model's ``clean()`` then says why it is wrong, next to the field.
    Anything outside ``queryset`` (another operation's record) is refused by the form.
    """

    iterator = _OfferedIterator

    def __init__(self, queryset, *, offered=None, **kwargs):
        self.offered = offered
        super().__init__(queryset, **kwargs)

    def offer(self, queryset, offered) -> None:
        self.offered = offered
        self.queryset = queryset  # the setter refreshes the widget's choices


class RecordsChoiceField(forms.ModelMultipleChoiceField):
    """Several records by id. An id no database integer can hold is "not a valid value": the
    database would fail on it in the ``pk__in`` query (one id alone is already safe)."""

    def _check_values(self, value):
        for pk in value or ():
            text = str(pk).strip().lstrip("-")
            if text.isdigit() and (len(text) > 19 or int(text) >= 2**63):
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                )
        return super()._check_values(value)


class MemberChoiceField(forms.ModelChoiceField):
    """A person holding a role in the operation, shown with that role."""

    def __init__(self, *args, **kwargs):
        self.roles: dict[int, str] = {}
        super().__init__(*args, **kwargs)

    def label_from_instance(self, obj):
        role = self.roles.get(obj.pk)
        if role not in Role.values:
            return str(obj)
        return _("%(person)s (%(role)s)") % {"person": obj, "role": Role(role).label}


def limit_to_members(field: forms.ModelChoiceField, operation) -> None:
    """Restrict a user choice to the operation's members (the model cannot check this)."""
    members = operation_members(operation)
    if isinstance(field, MemberChoiceField):
        field.roles = {user.pk: role for user, role in members}
    field.queryset = get_user_model().objects.filter(pk__in=[user.pk for user, _ in members])


class LocalDateTimeField(forms.DateTimeField):
    """A date and time typed and shown in the operation's time zone (``datetime-local``)."""

    widget = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")

    def __init__(self, *args, zone=None, **kwargs):
        self.zone = zone
        super().__init__(*args, **kwargs)

    def _zone(self):
        return self.zone or timezone.get_current_timezone()

    def to_python(self, value):
        with timezone.override(self._zone()):
            return super().to_python(value)

    def prepare_value(self, value):
        with timezone.override(self._zone()):
            return super().prepare_value(value)


class OperationFormMixin:
    """For the model forms of the edit pages: ``operation`` and ``user``, scoped choices, and
    the model's own explanations in place of the database constraints' generic ones."""

    def __init__(self, *args, operation, user, **kwargs):
        self.operation = operation
        self.user = user
        super().__init__(*args, **kwargs)

    def full_clean(self):
        """Drop "Constraint “x” is violated." when the model's ``clean()`` already said why."""
        super().full_clean()
        generic = {
            BaseConstraint.default_violation_error_message % {"name": constraint.name}
            for constraint in self._meta.model._meta.constraints
        }
        general = self._errors.get(NON_FIELD_ERRORS) if self._errors else None
        if not general:
            return
        kept = [message for message in general if message not in generic]
        explained = kept or any(field != NON_FIELD_ERRORS for field in self._errors)
        if explained and len(kept) < len(general):
            if kept:
                self._errors[NON_FIELD_ERRORS] = self.error_class(kept, error_class="nonfield")
            else:
                del self._errors[NON_FIELD_ERRORS]

    def scope(self, name: str, queryset) -> None:
        if name in self.fields:
            self.fields[name].queryset = queryset

    def scope_areas(self, *names: str) -> None:
        areas = Area.objects.for_user(self.user).filter(country=self.operation.country)
        for name in names:
            self.scope(name, areas)

    def scope_sectors(self, *names: str) -> None:
        for name in names:
            self.scope(name, Sector.objects.for_user(self.user))

    def scope_members(self, *names: str) -> None:
        for name in names:
            if name in self.fields:
                limit_to_members(self.fields[name], self.operation)


class VersionedFormMixin:
    """A hidden ``version``: the version of the record the form was filled from.

    The save sends it to the record's service, which refuses the save if the record moved on
    since (``RecordChanged``); ``show_record_changed`` then puts the stored values next to the
    fields where they differ from what the user typed, and keeps what the user typed.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"] = forms.IntegerField(
            widget=forms.HiddenInput, required=False, min_value=1, max_value=2**31 - 1
        )
        instance = getattr(self, "instance", None)
        if instance is not None and instance.pk and "version" not in self.initial:
            self.initial["version"] = instance.version

    def based_on(self) -> int | None:
        """The version the user edited (None from a page opened before versions existed)."""
        return self.cleaned_data.get("version") if hasattr(self, "cleaned_data") else None

    def show_record_changed(self, exc, stored_form) -> None:
        """The other person's values next to each field that now differs, and the new version."""
        self.add_error(None, exc.messages)
        data = self.data.copy()
        data[self.add_prefix("version")] = str(exc.current_version)
        self.data = data  # a second Save, once the user has compared, is based on the new version
        for name, stored in self.differences(stored_form).items():
            shown = shown_value(self.fields[name], stored)
            self.add_error(name, _("Now saved as: %(value)s") % {"value": shown})

    def differences(self, stored_form) -> dict:
        """Field -> stored value, for each field where what the user sent differs from what is stored."""
        differing = {}
        for name, field in self.fields.items():
            if name == "version" or field.disabled:
                continue
            stored = stored_form.get_initial_for_field(stored_form.fields[name], name)
            if field.has_changed(stored, self[name].data):
                differing[name] = stored
        return differing


def shown_value(field, value) -> str:
    """A stored value as the person reads it: labels of choices and records, not codes or ids."""
    if value in field.empty_values or value == []:
        return str(_("(empty)"))
    if isinstance(field, forms.ModelChoiceField):
        values = value if isinstance(value, list | tuple) else [value]
        ids = [getattr(v, "pk", v) for v in values]
        names = [str(obj) for obj in field.queryset.filter(pk__in=ids)]
        return ", ".join(names) or str(_("(a record you cannot choose)"))
    if isinstance(field, forms.BooleanField | forms.NullBooleanField):
        return str(_("yes") if value else _("no"))
    if getattr(field, "choices", None):
        labels = dict(getattr(field, "flatchoices", None) or field.choices)
        return str(labels.get(value, value))
    return str(field.prepare_value(value))


class RecordForm(VersionedFormMixin, OperationFormMixin, forms.ModelForm):
    """A registry record's form: the operation comes from the URL, never from a field."""
