"""The operation's history: who changed which record, when, and what (each field before → after).

Read by officers and HCT/UNCT (``view_history``) on the history page and at GET /api/v1/history/.
Each app marks the models whose changes the page lists (``in_operation_history = True``); their
history tables (django-simple-history) hold the operation's id, directly or (parts of a record:
agenda items, presences) in the column ``cmcoord.models.OperationHistory`` adds.

A page costs the same however long the history: one query lists the page's rows across every
table (a UNION, newest first), then per kind of record on the page one query reads its rows with
the id of the version before each (a subquery) and one reads those versions; one query per kind
of related record names what the changed fields point at, only the records the reader may see.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django import forms
from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import CharField, F, OuterRef, Q, Subquery, Value
from django.utils import formats, timezone
from django.utils.text import Truncator
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from cmcoord.permissions import ops_by_reach, scoped
from cmcoord.validators import validate_calendar_range
from meetings.rules import can_read_minutes

# Our own words for django-simple-history's "+", "~", "-" (its catalogs lack Arabic and
# Portuguese), each its own sentence so no language has to glue a verb to a noun.
CHANGE_LABELS = {
    "+": pgettext_lazy("history of a record", "Created"),
    "~": pgettext_lazy("history of a record", "Changed"),
    "-": pgettext_lazy("history of a record", "Deleted"),
}
CHANGE_CODES = {"+": "created", "~": "changed", "-": "deleted"}

# Bookkeeping columns: a save moves them on, nobody reads them as a change.
NOT_SHOWN = {"id", "version", "created_at", "updated_at", "operation", "operation_id"}
# The record a part of another is read on (an agenda item on its meeting's page).
LINK_VIA = {
    "mandate": "actor",
    "actorpresence": "actor",
    "actorlink": "source",
    "agendaitem": "meeting",
    "decision": "meeting",
    "participant": "meeting",
    "forummember": "forum",
    "assistancerequest": "cell_request",
}
# Fields with a rule of their own on top of the record's: (model label, field) -> may(reader, op id).
FIELD_READERS = {("meetings.meeting", "minutes"): can_read_minutes}
LABEL_FIELDS = ("name", "full_name", "title", "activity", "text")
LABEL_RELATIONS = ("user", "contact", "actor", "cell_request", "area", "meeting")
TEXT_LIMIT = 300


def history_models() -> list:
    """The models whose changes the history page shows: each app marks its own
    (``in_operation_history = True`` on the model)."""
    return [m for m in apps.get_models() if getattr(m, "in_operation_history", False)]


def kinds() -> dict[str, type]:
    """{kind key: model}, in the order of their names as people read them."""
    found = {m._meta.model_name: m for m in history_models()}
    return dict(sorted(found.items(), key=lambda item: str(item[1]._meta.verbose_name)))


def _operation_q(model, operation_id: int) -> Q:
    return Q(**{getattr(model, "history_operation_lookup", "operation_id"): operation_id})


# --- What the reader asks for --------------------------------------------------------------------


RECORD = re.compile(r"^(?P<kind>[a-z_]{1,60}):(?P<pk>\d{1,18})$")


class HistoryFilterForm(forms.Form):
    """The filters of the history page and of the API (same names, same refusals)."""

    kind = forms.ChoiceField(label=_("Kind of record"), required=False)
    person = forms.ModelChoiceField(
        label=_("Changed by"), queryset=get_user_model().objects.none(), required=False
    )
    since = forms.DateField(label=_("From (date)"), required=False, validators=[validate_calendar_range])
    until = forms.DateField(
        label=_("Until (date, included)"), required=False, validators=[validate_calendar_range]
    )
    record = forms.CharField(
        label=_("Record"),
        required=False,
        max_length=80,
        help_text=_("kind:id, as the History link of a record page gives it."),
    )

    def __init__(self, data=None, *, operation, members, **kwargs):
        super().__init__(data, **kwargs)
        self.operation = operation
        choices = [(key, str(model._meta.verbose_name).capitalize()) for key, model in kinds().items()]
        self.fields["kind"].choices = [("", _("All kinds"))] + choices
        self.fields["person"].queryset = members
        self.fields["person"].empty_label = _("Anyone")

    def clean_record(self):
        raw = self.cleaned_data.get("record", "")
        if not raw:
            return None
        match = RECORD.match(raw)
        if match is None or match["kind"] not in kinds():
            raise forms.ValidationError(_("Give a record as kind:id, e.g. actor:12."))
        return match["kind"], int(match["pk"])

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            self.add_error("until", _("The end date cannot be before the start date."))
        return data


@dataclass
class Query:
    operation: object
    kind: str | None = None
    person: object = None
    since: dt.date | None = None
    until: dt.date | None = None
    record: tuple[str, int] | None = None

    @classmethod
    def from_form(cls, form: HistoryFilterForm) -> Query:
        data = form.cleaned_data
        return cls(
            operation=form.operation,
            kind=data.get("kind") or None,
            person=data.get("person"),
            since=data.get("since"),
            until=data.get("until"),
            record=data.get("record"),
        )


def members_of(operation):
    """The people who hold a role in the operation: whom the "changed by" filter offers."""
    from cmcoord.models import OperationUserObjectPermission

    grants = OperationUserObjectPermission.objects.filter(content_object=operation).values("user_id")
    return get_user_model().objects.filter(pk__in=grants).order_by("username")


def _day_start(day: dt.date, zone) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=zone)


def _record_q(key: str, model, record: tuple[str, int]) -> Q | None:
    """Rows of the record asked for, and of its parts (a meeting's agenda items)."""
    kind, pk = record
    if key == kind:
        return Q(**{model._meta.pk.attname: pk})
    via = LINK_VIA.get(key)
    if via and model._meta.get_field(via).related_model is kinds().get(kind):
        return Q(**{f"{via}_id": pk})
    return None


def history_rows(query: Query):
    """The matching rows of every history table, newest first: (moment, history id, kind)."""
    zone = getattr(query.operation, "zone", timezone.get_current_timezone())
    parts = []
    for key, model in kinds().items():
        if query.kind and key != query.kind:
            continue
        rows = model.history.filter(_operation_q(model, query.operation.pk))
        if query.record is not None:
            only = _record_q(key, model, query.record)
            if only is None:
                continue
            rows = rows.filter(only)
        if query.person is not None:
            rows = rows.filter(history_user=query.person)
        if query.since:
            rows = rows.filter(history_date__gte=_day_start(query.since, zone))
        if query.until:
            rows = rows.filter(history_date__lt=_day_start(query.until + dt.timedelta(days=1), zone))
        parts.append(
            rows.annotate(h_moment=F("history_date"), h_row=F("history_id"), h_kind=Value(key, CharField()))
            .values("h_moment", "h_row", "h_kind")
            .order_by()
        )
    if not parts:  # a record filter no kind relates to: nothing, in the same shape
        model = next(iter(kinds().values()))
        return (
            model.history.none()
            .annotate(h_moment=F("history_date"), h_row=F("history_id"), h_kind=Value("", CharField()))
            .values("h_moment", "h_row", "h_kind")
        )
    if len(parts) == 1:
        return parts[0].order_by("-h_moment", "-h_row")
    return parts[0].union(*parts[1:], all=True).order_by("-h_moment", "-h_row")


# --- What the reader is shown --------------------------------------------------------------------


@dataclass
class FieldChange:
    field: str
    label: str
    before: str
    after: str


@dataclass
class Change:
    when: dt.datetime
    who: object
    change: str  # created / changed / deleted
    change_label: str
    kind: str
    kind_label: str
    record_id: int
    label: str | None
    url: str | None
    exists: bool
    fields: list[FieldChange] = field(default_factory=list)


class _Names:
    """Names of related records for the rows of one page: one query per related model, only the
    records the reader may see; None for a record hidden from them, a word for a deleted one."""

    def __init__(self, principal):
        self.principal = principal
        self.wanted: dict[type, set] = defaultdict(set)
        self.names: dict[type, dict] = {}
        self.hidden: dict[type, set] = {}

    def want(self, model, pk) -> None:
        if pk is not None:
            self.wanted[model].add(pk)

    def resolve(self) -> None:
        user_model = get_user_model()
        for model, pks in self.wanted.items():
            if model is user_model:  # people: named as the "who" column names them
                shown = {u.pk: str(u) for u in model._default_manager.filter(pk__in=pks)}
                self.names[model], self.hidden[model] = shown, set()
                continue
            shown = {
                obj.pk: str(obj)
                for obj in scoped(model._default_manager.all(), self.principal).filter(pk__in=pks)
            }
            missing = pks - shown.keys()
            hidden = set()
            if missing:
                hidden = set(model._default_manager.filter(pk__in=missing).values_list("pk", flat=True))
            self.names[model], self.hidden[model] = shown, hidden

    def is_hidden(self, model, pk) -> bool:
        return pk is not None and pk in self.hidden.get(model, set())

    def name(self, model, pk) -> str:
        if pk is None:
            return gettext("(empty)")
        found = self.names.get(model, {}).get(pk)
        return found if found is not None else gettext("(deleted record)")


def _shown_fields(model) -> list:
    return [
        f
        for f in model._meta.concrete_fields
        if f.editable and f.name not in NOT_SHOWN and not f.primary_key and f.attname not in NOT_SHOWN
    ]


def _display(field, value, names: _Names) -> str:
    """A value as people read it: choice labels, names, local dates, Yes/No."""
    if field.is_relation:
        return names.name(field.related_model, value)
    if value is None or value == "":
        return gettext("(empty)")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return gettext("Yes") if value else gettext("No")
    if isinstance(field, models.DateTimeField):
        return formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
    if isinstance(field, models.DateField):
        return formats.date_format(value, "SHORT_DATE_FORMAT")
    if isinstance(field, models.FileField):
        return str(getattr(value, "name", value))
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    if isinstance(value, int | float):
        return formats.localize(value)
    return Truncator(str(value)).chars(TEXT_LIMIT)


def _label(model, row, names: _Names) -> str:
    for name in LABEL_FIELDS:
        value = getattr(row, name, None)
        if value:
            return Truncator(str(value)).chars(80)
    for name in LABEL_RELATIONS:
        relation = next((f for f in model._meta.concrete_fields if f.name == name), None)
        if relation is None:
            continue
        related_id = getattr(row, relation.attname, None)
        if (
            relation.is_relation
            and related_id is not None
            and not names.is_hidden(relation.related_model, related_id)
        ):
            return names.name(relation.related_model, related_id)
    return f"#{getattr(row, model._meta.pk.attname)}"


def _load(model, history_ids):
    """This page's rows of one kind, each with the version before it: two queries."""
    history = model.history.model
    pk_name = model._meta.pk.attname
    before = history.objects.filter(
        **{pk_name: OuterRef(pk_name)},
        history_date__lte=OuterRef("history_date"),
        history_id__lt=OuterRef("history_id"),
    ).order_by("-history_date", "-history_id")
    rows = list(
        history.objects.filter(history_id__in=history_ids)
        .select_related("history_user")
        .annotate(before_id=Subquery(before.values("history_id")[:1]))
    )
    wanted = [r.before_id for r in rows if r.before_id is not None]
    previous = {r.history_id: r for r in history.objects.filter(history_id__in=wanted)} if wanted else {}
    return rows, previous


def _visible_records(principal, model, pks) -> tuple[set, set]:
    """(pks the reader may see, pks that exist but are hidden from them)."""
    shown = set(
        scoped(model._default_manager.all(), principal).filter(pk__in=pks).values_list("pk", flat=True)
    )
    missing = set(pks) - shown
    hidden = (
        set(model._default_manager.filter(pk__in=missing).values_list("pk", flat=True)) if missing else set()
    )
    return shown, hidden


def _record_url(key, model, row, operation, shown_parents) -> str | None:
    via = LINK_VIA.get(key)
    if via:
        parent = model._meta.get_field(via).related_model
        parent_id = getattr(row, f"{via}_id")
        if parent_id not in shown_parents.get(parent, set()) or not hasattr(parent, "get_absolute_url"):
            return None
        stand_in = parent(pk=parent_id)
        stand_in.operation_id = operation.pk
        return stand_in.get_absolute_url()
    if not hasattr(model, "get_absolute_url"):
        return None
    instance = row.instance
    if getattr(model, "history_operation_lookup", None) is None:
        instance.operation_id = operation.pk
    return instance.get_absolute_url()


def build_changes(principal, operation, page_rows) -> list[Change]:
    """The page's rows as changes the reader may see, each field before → after."""
    by_kind: dict[str, list[int]] = defaultdict(list)
    for entry in page_rows:
        by_kind[entry["h_kind"]].append(entry["h_row"])
    models_by_kind = kinds()
    loaded, names = {}, _Names(principal)
    records: dict[type, set] = defaultdict(set)
    parents: dict[type, set] = defaultdict(set)
    for key, ids in by_kind.items():
        model = models_by_kind[key]
        rows, previous = _load(model, ids)
        loaded[key] = (model, {r.history_id: r for r in rows}, previous)
        fields = [f for f in _shown_fields(model) if f.is_relation]
        fields += [f for f in model._meta.concrete_fields if f.is_relation and f.name in LABEL_RELATIONS]
        for row in [*rows, *previous.values()]:
            records[model].add(getattr(row, model._meta.pk.attname))
            for f in fields:
                names.want(f.related_model, getattr(row, f.attname))
            if key in LINK_VIA:
                relation = model._meta.get_field(LINK_VIA[key])
                parents[relation.related_model].add(getattr(row, relation.attname))
    names.resolve()
    full_read = operation.pk in ops_by_reach(principal)[0]
    visibility = {model: _visible_records(principal, model, pks) for model, pks in records.items()}
    shown_parents = {
        model: _visible_records(principal, model, {pk for pk in pks if pk is not None})[0]
        for model, pks in parents.items()
    }
    changes = []
    for entry in page_rows:
        model, rows, previous = loaded[entry["h_kind"]]
        row = rows.get(entry["h_row"])
        if row is None:
            continue
        change = _change(
            principal, operation, entry["h_kind"], model, row, previous, names, visibility, full_read
        )
        if change is None:
            continue
        if change.exists:
            change.url = _record_url(entry["h_kind"], model, row, operation, shown_parents)
        changes.append(change)
    return changes


def _change(principal, operation, key, model, row, previous, names, visibility, full_read) -> Change | None:
    pk = getattr(row, model._meta.pk.attname)
    shown, hidden = visibility[model]
    if pk in hidden:
        return None  # a record the reader may not see: its history is not theirs either
    exists = pk in shown
    if not exists and not full_read:
        return None  # deleted: named only to those who could read every record of the operation
    change = Change(
        when=row.history_date,
        who=row.history_user,
        change=CHANGE_CODES.get(row.history_type, row.history_type),
        change_label=str(CHANGE_LABELS.get(row.history_type, row.history_type)),
        kind=key,
        kind_label=str(model._meta.verbose_name).capitalize(),
        record_id=pk,
        label=_label(model, row, names),
        url=None,
        exists=exists,
    )
    before = previous.get(row.before_id) if row.history_type == "~" else None
    if before is None:
        return change
    shown_fields = {f.name: f for f in _shown_fields(model)}
    delta = row.diff_against(before, included_fields=list(shown_fields))
    for item in delta.changes:
        f = shown_fields[item.field]
        rule = FIELD_READERS.get((model._meta.label_lower, f.name))
        if rule is not None and not rule(principal, operation.pk):
            continue
        if f.is_relation and (
            names.is_hidden(f.related_model, item.old) or names.is_hidden(f.related_model, item.new)
        ):
            continue  # it points at a record the reader may not see: neither side is shown
        change.fields.append(
            FieldChange(
                field=f.name,
                label=str(f.verbose_name).capitalize(),
                before=_display(f, item.old, names),
                after=_display(f, item.new, names),
            )
        )
    return change
