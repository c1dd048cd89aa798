"""The HNS forms: notify a site or a movement, relay, acknowledge, record an incident, staff."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from actors.models import MILITARY_CATEGORIES, Actor, Category
from cmcoord.edit_forms import (
    LocalDateTimeField,
    MemberChoiceField,
    OfferedChoiceField,
    RecordForm,
    date_widgets,
    limit_to_members,
    text_widgets,
)
from contacts.models import Contact
from hns import rules
from hns.models import MAX_WAYPOINTS, HnsSettings, Movement, MovementStatus, StaticSite


class SettingsForm(forms.ModelForm):
    class Meta:
        model = HnsSettings
        fields = ["lead_hours", "emergency_lead_hours", "acknowledgement_overdue_hours"]


class _PageForm(forms.Form):
    """A plain form of an HNS page: knows the operation and the person filling it in."""

    def __init__(self, *args, operation, user, **kwargs):
        self.operation, self.user = operation, user
        super().__init__(*args, **kwargs)


CIVILIAN = [Category.DOMESTIC_CIVILIAN, Category.INTERNATIONAL_CIVILIAN]


def _organisation_field(form) -> None:
    """Officers choose the organisation; its staff notify for their own (no field)."""
    if rules.runs_hns(form.user, form.operation.pk):
        actors = Actor.objects.for_user(form.user).filter(operation=form.operation)
        form.fields["organisation"].offer(actors, actors.filter(category__in=CIVILIAN))
    else:
        del form.fields["organisation"]


class SiteForm(RecordForm):
    class Meta:
        model = StaticSite
        fields = [
            "organisation",
            "name",
            "site_type",
            "latitude",
            "longitude",
            "area",
            "valid_from",
            "valid_until",
            "focal_point_name",
            "focal_point_phone",
            "notes",
        ]
        field_classes = {"organisation": OfferedChoiceField}
        widgets = {**date_widgets("valid_from", "valid_until"), **text_widgets("notes")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _organisation_field(self)
        self.scope_areas("area")


def parse_waypoints(text: str) -> list[list[float]]:
    """One waypoint a line, "latitude, longitude" in decimal degrees -> [[lon, lat], ...]."""
    points = []
    lines = [line.strip() for line in (text or "").splitlines() if line.strip()]
    if len(lines) > MAX_WAYPOINTS:
        raise ValidationError(_("A route has at most %(max)d waypoints.") % {"max": MAX_WAYPOINTS})
    for number, line in enumerate(lines, start=1):
        parts = [p.strip() for p in line.replace(";", ",").split(",")]
        try:
            lat, lon = (Decimal(p) for p in parts) if len(parts) == 2 else (None, None)
        except InvalidOperation:
            lat = lon = None
        if lat is None or not lat.is_finite() or not lon.is_finite():
            raise ValidationError(
                _("Line %(number)d: write the latitude, a comma, then the longitude, e.g. -19.8342, 34.8389.")
                % {"number": number}
            )
        if not -90 <= lat <= 90:
            raise ValidationError(
                _("Line %(number)d: the latitude must be between -90 and 90.") % {"number": number}
            )
        if not -180 <= lon <= 180:
            raise ValidationError(
                _("Line %(number)d: the longitude must be between -180 and 180.") % {"number": number}
            )
        points.append([round(float(lon), 5), round(float(lat), 5)])
    return points


class WaypointsField(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 4})

    def to_python(self, value):
        return parse_waypoints(super().to_python(value))

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(f"{lat}, {lon}" for lon, lat in value)
        return value


class MovementForm(RecordForm):
    class Meta:
        model = Movement
        fields = [
            "organisation",
            "title",
            "mode",
            "emergency",
            "starts_at",
            "ends_at",
            "origin",
            "origin_latitude",
            "origin_longitude",
            "destination",
            "destination_latitude",
            "destination_longitude",
            "waypoints",
            "vehicles",
            "cargo_class",
            "people",
            "focal_point_name",
            "focal_point_phone",
            "late_reason",
            "notes",
        ]
        field_classes = {"organisation": OfferedChoiceField}
        widgets = text_widgets("vehicles", "late_reason", "notes")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _organisation_field(self)
        zone = self.operation.zone
        for name in ("starts_at", "ends_at"):
            old = self.fields[name]
            self.fields[name] = LocalDateTimeField(
                zone=zone,
                label=old.label,
                help_text=_("In the operation's time zone (%(zone)s).") % {"zone": zone},
            )
        self.fields["waypoints"] = WaypointsField(
            required=False,
            label=_("Route waypoints"),
            help_text=_(
                "One waypoint a line, in travel order, between the origin and the destination: "
                "latitude, longitude in decimal degrees (e.g. -19.8342, 34.8389)."
            ),
        )
        self.fields["late_reason"].help_text = _(
            "Needed only if the movement starts within the lead time "
            "(%(normal)d hours, %(emergency)d in an emergency)."
        ) % _lead_hours(self.operation)


def _lead_hours(operation) -> dict:
    settings = HnsSettings.of(operation.pk)
    return {"normal": settings.lead_hours, "emergency": settings.emergency_lead_hours}


class RelayForm(_PageForm):
    """Which parties the cell passed this version to, through which contact, and when."""

    parties = forms.ModelMultipleChoiceField(
        queryset=Actor.objects.none(), label=_("Parties"), widget=forms.CheckboxSelectMultiple
    )
    contact = forms.ModelChoiceField(
        queryset=Contact.objects.none(),
        required=False,
        label=_("Through contact"),
        help_text=_("The party's focal point it went to (when relaying to one party)."),
    )
    relayed_at = LocalDateTimeField(label=_("Relayed at"), required=False, help_text=_("Empty: now."))
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1, max_value=2**31 - 1)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        actors = Actor.objects.for_user(self.user).filter(operation=self.operation)
        self.fields["parties"].queryset = actors.filter(category__in=MILITARY_CATEGORIES)
        self.fields["contact"].queryset = (
            Contact.objects.for_user(self.user)
            .filter(operation=self.operation, actor__category__in=MILITARY_CATEGORIES)
            .select_related("actor")
        )
        self.fields["contact"].label_from_instance = lambda c: f"{c} ({c.actor})"
        self.fields["relayed_at"].zone = self.operation.zone

    def clean(self):
        data = super().clean()
        contact, parties = data.get("contact"), data.get("parties") or []
        if contact is not None and contact.actor not in parties:
            self.add_error("contact", _("Choose a contact of one of the parties chosen."))
        return data

    def pairs(self):
        contact = self.cleaned_data.get("contact")
        return [
            (p, contact if contact and contact.actor_id == p.pk else None)
            for p in self.cleaned_data["parties"]
        ]


class AcknowledgeForm(_PageForm):
    acknowledged_at = LocalDateTimeField(
        label=_("Acknowledged at"), required=False, help_text=_("Empty: now.")
    )
    reference = forms.CharField(label=_("Their reference"), max_length=200, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["acknowledged_at"].zone = self.operation.zone


class IncidentForm(_PageForm):
    occurred_at = LocalDateTimeField(label=_("When it happened"))
    description = forms.CharField(
        label=_("What happened"), widget=forms.Textarea(attrs={"rows": 3}), max_length=5000
    )
    party = forms.ModelChoiceField(queryset=Actor.objects.none(), required=False, label=_("Party concerned"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["occurred_at"].zone = self.operation.zone
        actors = Actor.objects.for_user(self.user).filter(operation=self.operation)
        self.fields["party"].queryset = actors.filter(category__in=MILITARY_CATEGORIES)


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        choices=[
            (MovementStatus.UNDER_WAY, MovementStatus.UNDER_WAY.label),
            (MovementStatus.COMPLETED, MovementStatus.COMPLETED.label),
        ]
    )
    seen_status = forms.CharField(required=False, max_length=20)


class StaffForm(_PageForm):
    user = MemberChoiceField(queryset=None, label=_("Person"))
    organisation = forms.ModelChoiceField(queryset=Actor.objects.none(), label=_("Organisation"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_to_members(self.fields["user"], self.operation)
        actors = Actor.objects.for_user(self.user).filter(operation=self.operation, category__in=CIVILIAN)
        self.fields["organisation"].queryset = actors
