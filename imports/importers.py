"""From a table of rows to a plan of changes, and from a confirmed plan to saved records.

Each kind (actors with where they operate, contacts, MCDA deployments) says which columns it
reads (by HXL hashtag first, the ones its export writes, else by header), how a row finds the
record it updates, and which form validates it. The forms are the edit pages' own
(``ActorForm``, ``PresenceForm``, ``ContactForm``, ``AssetForm``): a row is valid exactly when
the page would accept it, with the model's ``clean()`` and constraints, and the writes go
through ``record_save`` (role check, validation, history) like every page and the API.

Matching, so a second import updates instead of duplicating: a ``#meta+id`` (the exports' id
column) naming a record of this operation first; else actors by name, then acronym; contacts
by e-mail, then phone, then actor and name; deployments by provider and capability (the name
decides between several). A column left out of the file keeps the record's value; a cell left
blank in a column that is there clears it.
"""

import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from django.utils.translation import gettext as _
from django.utils.translation import override

from actors.forms import ActorForm, PresenceForm
from actors.models import TYPES_BY_CATEGORY, Actor, ActorPresence
from assets.forms import AssetForm
from assets.models import AssetDeployment
from cmcoord.formats.tables import Table, normalise_tag
from cmcoord.models import Area, Sector
from cmcoord.services import record_save
from contacts.forms import ContactForm
from contacts.models import Contact

CREATE, UPDATE, UNCHANGED = "create", "update", "unchanged"
LIST_SPLIT = re.compile(r"\s*[;,]\s*")


# --- What a plan is --------------------------------------------------------------------------


@dataclass
class Issue:
    row: int
    column: str  # "" when it concerns the whole row
    message: str


@dataclass
class Change:
    """One record to create or update (or found unchanged), from one or more rows."""

    rows: list[int]
    label: str
    action: str
    form: forms.ModelForm
    parts: list[forms.ModelForm] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)  # labels of the fields that change
    m2m: tuple[str, ...] = ()
    parts_changed: int = 0  # presences to create or update


@dataclass
class Plan:
    kind: str
    changes: list[Change]
    issues: list[Issue]
    ignored_columns: list[str]
    total_rows: int

    @property
    def refused_rows(self) -> list[int]:
        return sorted({issue.row for issue in self.issues})

    def of(self, action: str) -> list[Change]:
        return [change for change in self.changes if change.action == action]

    @property
    def digest(self) -> str:
        """What the officer saw: a confirmation based on a different outcome is shown again."""
        seen = {
            # Field names and positions, not messages: the same outcome in another language is the same.
            "changes": [
                (c.action, c.rows, c.label, sorted(c.form.changed_data), c.parts_changed)
                for c in self.changes
            ],
            "issues": sorted({(i.row, i.column) for i in self.issues}),
        }
        return hashlib.sha256(json.dumps(seen, default=str).encode()).hexdigest()[:32]


# --- Reading the columns ---------------------------------------------------------------------


def _header_key(text: str) -> str:
    text = re.sub(r"[\s_\-:*]+", " ", (text or "").strip().lower())
    return text.strip()


@dataclass(frozen=True)
class Col:
    """A value an importer reads: from any of these hashtags, else any of these headers."""

    key: str
    tags: tuple[str, ...] = ()
    headers: tuple[str, ...] = ()


class Columns:
    """Which column of the table feeds which value; unknown columns are reported, not read."""

    def __init__(self, table: Table, spec: list[Col], ignored_tags: tuple[str, ...] = ()):
        self.table = table
        self.sources: dict[str, list[int]] = defaultdict(list)
        self.ignored: list[str] = []
        by_tag = {normalise_tag(tag): col.key for col in spec for tag in col.tags}
        ignored_tags = {normalise_tag(tag) for tag in ignored_tags}
        by_header = {_header_key(h): col.key for col in spec for h in (col.key, *col.headers)}
        for index, header in enumerate(table.headers):
            tag = table.tags[index]
            key = by_tag.get(tag) if tag else None
            if key is None and not (tag and tag in ignored_tags):
                key = by_header.get(_header_key(header))
            if key is None:
                if header or tag:
                    self.ignored.append(table.column_name(index))
                continue
            self.sources[key].append(index)

    def has(self, key: str) -> bool:
        return key in self.sources

    def get(self, cells: list[str], key: str) -> tuple[str, int | None]:
        """(the first non-blank value among the key's columns, its column index)."""
        indexes = self.sources.get(key, [])
        for index in indexes:
            if cells[index].strip():
                return cells[index].strip(), index
        return "", (indexes[0] if indexes else None)

    def name(self, index: int | None) -> str:
        return "" if index is None else self.table.column_name(index)


def _choice(field: forms.Field, text: str) -> str:
    """A choice's stored value from its value or its label (English or the reader's language)."""
    wanted = _header_key(text)
    if not wanted:
        return ""
    for value, label in getattr(field, "choices", ()):
        labels = {_header_key(str(value)), _header_key(str(label)), _header_key(str(label).split(" (")[0])}
        with override("en"):
            labels |= {_header_key(str(label)), _header_key(str(label).split(" (")[0])}
        if wanted in labels:
            return value
    return text  # the form says it is not one of the choices


def _record_id(text: str) -> int | None:
    return int(text) if re.fullmatch(r"[0-9]{1,18}", text) else None  # not "¹" nor a 30-digit id


def _phone_key(text: str) -> str:
    digits = re.sub(r"[^0-9]", "", text or "")
    return digits if len(digits) >= 6 else ""


# --- The importer every kind shares ----------------------------------------------------------


class Importer:
    kind = ""
    form_class: type[forms.ModelForm]
    spec: list[Col] = []
    ignored_tags: tuple[str, ...] = ("#country+code", "#date+updated", "#status+interlocutor")
    # Values a row may set, by form field name (the spec's keys that are form fields).
    form_fields: tuple[str, ...] = ()
    choice_fields: tuple[str, ...] = ()
    m2m: tuple[str, ...] = ()

    def __init__(self, *, operation, user):
        self.operation, self.user = operation, user
        self.areas = {
            a.pcode: a for a in Area.objects.for_user(user).filter(country=operation.country, level__gte=1)
        }
        self.sectors = {s.code.upper(): s for s in Sector.objects.for_user(user)}
        self.actors = list(Actor.objects.for_user(user).filter(operation=operation))

    # -- helpers for the kinds

    def form(self, form_class, instance, values: dict):
        """The page's form for ``instance``, filled from the record then from the row."""
        blank = form_class(instance=instance, operation=self.operation, user=self.user)
        data = {}
        for name, form_field in blank.fields.items():
            value = form_field.prepare_value(blank.get_initial_for_field(form_field, name))
            data[name] = "" if value is None else value
        data.update(values)
        return form_class(data=data, instance=instance, operation=self.operation, user=self.user)

    def row_values(self, cols: Columns, cells, form_class) -> tuple[dict, dict]:
        """(form values from the row's columns, {form field: column index})."""
        values, origin = {}, {}
        for name in self.form_fields:
            if not cols.has(name):
                continue
            text, index = cols.get(cells, name)
            if name in self.choice_fields:
                text = _choice(form_class.base_fields[name], text)
            values[name], origin[name] = text, index
        return values, origin

    def actor_named(self, name: str, acronym: str) -> Actor | None:
        by_name = [a for a in self.actors if a.name.casefold() == name.casefold()] if name else []
        if by_name:
            return by_name[0]
        if acronym:
            by_acronym = [a for a in self.actors if a.acronym and a.acronym.casefold() == acronym.casefold()]
            if len(by_acronym) == 1:
                return by_acronym[0]
        return None

    def form_issues(self, form, rows: list[int], cols: Columns, origin: dict) -> list[Issue]:
        issues = []
        for name, messages in form.errors.items():
            column = "" if name == NON_FIELD_ERRORS else cols.name(origin.get(name))
            label = "" if name == NON_FIELD_ERRORS else str(form.fields[name].label or name)
            for message in messages:
                text = message
                if label and not column:  # a field the file has no column for: name it
                    # Translators: a field and what is wrong with it, e.g. "Actor: This field is required."
                    text = _("%(field)s: %(message)s") % {"field": label, "message": message}
                issues.extend(Issue(row, column, text) for row in rows)
        return issues

    @staticmethod
    def changed_labels(form) -> list[str]:
        return [str(form.fields[name].label) for name in form.changed_data if name != "version"]

    def unknown_pcode(self, pcode):
        return _("No area of %(country)s has the P-code “%(pcode)s”.") % {
            "country": self.operation.country,
            "pcode": pcode,
        }

    @staticmethod
    def unknown_sector(code):
        return _("No IASC sector has the code “%(code)s”.") % {"code": code}

    # -- the plan

    def plan(self, table: Table) -> Plan:
        cols = Columns(table, self.spec, self.ignored_tags)
        changes, issues = self.build(table, cols)
        issues.sort(key=lambda i: (i.row, i.column))
        refused = {i.row for i in issues}
        changes = [c for c in changes if not refused.intersection(c.rows)]
        return Plan(self.kind, changes, issues, cols.ignored, len(table.rows))

    def build(self, table: Table, cols: Columns) -> tuple[list[Change], list[Issue]]:
        raise NotImplementedError

    def missing_key_columns(self, cols: Columns, keys: tuple[str, ...]) -> list[Issue]:
        if any(cols.has(k) for k in keys):
            return []
        return [Issue(0, "", _("The file has no column this import needs: %(what)s.") % {"what": self.needs})]

    # -- the writes

    def apply(self, plan: Plan) -> dict:
        counts = {CREATE: 0, UPDATE: 0, UNCHANGED: 0}
        for change in plan.changes:
            counts[change.action] += 1
            if change.action == UNCHANGED:
                continue
            m2m = {name: change.form.cleaned_data[name] for name in change.m2m}
            record = record_save(
                instance=change.form.save(commit=False),
                by=self.user,
                m2m=m2m,
                version=change.form.based_on(),
            )
            for part in change.parts:
                if part.instance.pk and not part.has_changed():
                    continue
                instance = part.save(commit=False)
                instance.actor = record
                record_save(instance=instance, by=self.user)
        return counts


ACTOR_COLUMNS = [
    Col("org_name", ("#org+name",), ("organisation", "organization", "actor", "actor name")),
    Col("group_name", ("#group+name",), ("military group",)),
    Col("acronym", ("#org+code", "#group+code"), ("organisation acronym", "military acronym", "short name")),
    Col("actor_type", ("#org+type", "#group+type"), ("type", "organisation type", "military type")),
]


class ActorImporter(Importer):
    kind = "actors"
    form_class = ActorForm
    spec = [
        Col("id", ("#meta+id",), ("actor id",)),
        Col("name", (), ("name", "actor name")),
        *ACTOR_COLUMNS,
        Col("category", ("#meta+category",), ()),
        Col("contributing_state", ("#country+code+contributing",), ("contributing state",)),
        Col("relationship", (), ()),
        Col("association_risk", (), ("association risk", "risk of association")),
        Col("association_risk_reason", (), ("association risk reason", "why")),
        Col("echelon", (), ()),
        Col("operating_methods", (), ("operating methods",)),
        Col("government_coordination", (), ("government coordination",)),
        Col("iati_org_id", ("#org+id",), ("iati organisation id", "iati id")),
        Col("hdx_org_type", (), ("hdx organisation type",)),
        Col("sensitivity", (), ()),
        Col("notes", (), ()),
        Col("sector", ("#sector+cluster+code", "#sector+code"), ("sector", "cluster", "sector code")),
        Col("adm1", ("#adm1+code",), ("admin 1 p code", "adm1 p code", "adm1 pcode", "adm1")),
        Col("adm2", ("#adm2+code",), ("admin 2 p code", "adm2 p code", "adm2 pcode", "adm2")),
        Col("activities", ("#activity+description",), ("activities",)),
        Col("start_date", ("#date+start",), ("start", "start date", "from")),
        Col("end_date", ("#date+end",), ("end", "end date", "until")),
    ]
    form_fields = (
        "acronym",
        "actor_type",
        "category",
        "contributing_state",
        "relationship",
        "association_risk",
        "association_risk_reason",
        "echelon",
        "operating_methods",
        "government_coordination",
        "iati_org_id",
        "hdx_org_type",
        "sensitivity",
        "notes",
    )
    choice_fields = ("actor_type", "category", "relationship", "association_risk", "echelon", "sensitivity")

    @property
    def needs(self):
        return _("the actor's name (#org+name or #group+name, or a “Name” header)")

    def build(self, table, cols):
        issues = self.missing_key_columns(cols, ("name", "org_name", "group_name"))
        if issues:
            return [], issues
        by_id = {a.pk: a for a in self.actors}
        groups: dict[tuple, list] = {}
        for number, cells in table.rows:
            name, name_at = cols.get(cells, "name")
            if not name:
                name, name_at = cols.get(cells, "org_name")
            if not name:
                name, name_at = cols.get(cells, "group_name")
            acronym, _at = cols.get(cells, "acronym")
            record_id = _record_id(cols.get(cells, "id")[0])
            actor = by_id.get(record_id) or self.actor_named(name, acronym)
            if actor is None and not name:
                issues.append(Issue(number, cols.name(name_at), _("Give the actor's name.")))
                continue
            key = ("pk", actor.pk) if actor else ("new", name.casefold())
            groups.setdefault(key, [actor, []])[1].append((number, cells, name, name_at))
        changes = []
        for actor, rows in groups.values():
            change, found = self.actor_change(actor, rows, cols)
            issues.extend(found)
            if change is not None:
                changes.append(change)
        return changes, issues

    def actor_change(self, actor, rows, cols):
        numbers = [number for number, *_rest in rows]
        first_cells, name, name_at = rows[0][1], rows[0][2], rows[0][3]
        values, origin = self.row_values(cols, first_cells, ActorForm)
        if name:
            values["name"], origin["name"] = name, name_at
        if not values.get("category") and values.get("actor_type") and not (actor and actor.category):
            categories = [c for c, types in TYPES_BY_CATEGORY.items() if values["actor_type"] in types]
            if len(categories) == 1:
                values["category"] = categories[0]
        form = self.form(ActorForm, actor or Actor(operation=self.operation), values)
        issues = [] if form.is_valid() else self.form_issues(form, numbers, cols, origin)
        parts, part_issues, seen = [], [], {}
        existing = {(p.area_id, p.sector_id): p for p in actor.presences.all()} if actor else {}
        for number, cells, *_rest in rows:
            part, found = self.presence_form(number, cells, cols, actor, existing)
            part_issues.extend(found)
            if part is None:
                continue
            where = (part.data.get("area") or None, part.data.get("sector") or None)
            if where in seen:
                continue  # the same place and sector twice (the export repeats an actor's rows)
            seen[where] = part
            parts.append(part)
        issues += part_issues
        if issues:
            return None, issues
        changed = self.changed_labels(form)
        new_parts = [p for p in parts if not p.instance.pk or p.has_changed()]
        if new_parts:
            changed.append(str(_("where it operates")))
        action = CREATE if actor is None else (UPDATE if changed else UNCHANGED)
        change = Change(numbers, form.cleaned_data["name"], action, form, parts, changed)
        change.parts_changed = len(new_parts)
        return change, []

    def presence_form(self, number, cells, cols, actor, existing):
        adm1, adm1_at = cols.get(cells, "adm1")
        adm2, adm2_at = cols.get(cells, "adm2")
        code, code_at = cols.get(cells, "sector")
        issues, area, sector = [], None, None
        for pcode, at in ((adm2, adm2_at), (adm1, adm1_at)):
            if pcode:
                area = self.areas.get(pcode.upper())
                if area is None:
                    issues.append(Issue(number, cols.name(at), self.unknown_pcode(pcode)))
                break
        if area is not None and adm1 and adm2 and area.level == 2 and area.parent.pcode != adm1.upper():
            issues.append(
                Issue(
                    number,
                    cols.name(adm1_at),
                    _("%(adm2)s is not in %(adm1)s.") % {"adm2": adm2.upper(), "adm1": adm1.upper()},
                )
            )
        if code:
            sector = self.sectors.get(code.upper())
            if sector is None:
                issues.append(Issue(number, cols.name(code_at), self.unknown_sector(code)))
        if issues or (area is None and sector is None):
            return None, issues
        values = {"area": area.pk if area else "", "sector": sector.pk if sector else ""}
        origin = {"area": adm2_at if adm2 else adm1_at, "sector": code_at}
        for name in ("activities", "start_date", "end_date"):
            if cols.has(name):
                values[name], origin[name] = cols.get(cells, name)
        instance = existing.get((area and area.pk, sector and sector.pk)) or ActorPresence(actor=actor)
        form = self.form(PresenceForm, instance, values)
        if not form.is_valid():
            return None, self.form_issues(form, [number], cols, origin)
        return form, []


class _ActorRefMixin:
    """Contacts and deployments name their actor in the export's actor columns."""

    def actor_of_row(self, number, cells, cols):
        """(the actor, {form field origin}, issues)."""
        name, name_at = cols.get(cells, "org_name")
        if not name:
            name, name_at = cols.get(cells, "group_name")
        acronym, acronym_at = cols.get(cells, "acronym")
        if not name and not acronym:
            return None, None, []
        actor = self.actor_named(name, acronym or name)  # "WFP" in a name column is an acronym
        if actor is None:
            message = _("No actor named “%(name)s” in this operation: import the actors first.") % {
                "name": name or acronym
            }
            return (
                None,
                name_at if name else acronym_at,
                [Issue(number, cols.name(name_at or acronym_at), message)],
            )
        return actor, name_at if name else acronym_at, []


class ContactImporter(_ActorRefMixin, Importer):
    kind = "contacts"
    form_class = ContactForm
    spec = [
        Col("id", ("#meta+id",), ("contact id",)),
        Col("full_name", ("#contact+name",), ("name", "full name")),
        Col("rank_or_title", ("#contact+title",), ("rank", "title", "rank or title")),
        Col("position", ("#contact+role",), ()),
        Col("position_detail", (), ("position detail",)),
        Col("phone", ("#contact+phone",), ("telephone", "mobile")),
        Col("email", ("#contact+email",), ("e mail", "email address")),
        Col("satellite_phone", ("#contact+phone+satellite",), ("satellite phone", "sat phone")),
        Col("radio_call_sign", ("#contact+radio",), ("radio call sign", "call sign")),
        *ACTOR_COLUMNS,
        Col("languages", ("#meta+languages",), ()),
        Col("last_verified_on", ("#date+verified",), ("last verified", "verified on")),
        Col("sensitivity", (), ()),
        Col("notes", (), ()),
    ]
    form_fields = (
        "full_name",
        "rank_or_title",
        "position",
        "position_detail",
        "phone",
        "email",
        "satellite_phone",
        "radio_call_sign",
        "languages",
        "last_verified_on",
        "sensitivity",
        "notes",
    )
    choice_fields = ("position", "sensitivity")

    @property
    def needs(self):
        return _("the contact's name (#contact+name, or a “Name” header)")

    def build(self, table, cols):
        issues = self.missing_key_columns(cols, ("full_name",))
        if issues:
            return [], issues
        contacts = list(Contact.objects.for_user(self.user).filter(operation=self.operation))
        by_id = {c.pk: c for c in contacts}
        by_email = {c.email.casefold(): c for c in contacts if c.email}
        by_phone = {_phone_key(c.phone): c for c in contacts if _phone_key(c.phone)}
        by_name = {(c.actor_id, c.full_name.casefold()): c for c in contacts}
        changes, taken = [], {}
        for number, cells in table.rows:
            values, origin = self.row_values(cols, cells, ContactForm)
            actor, actor_at, found = self.actor_of_row(number, cells, cols)
            if found:
                issues.extend(found)
                continue
            if actor is not None:
                values["actor"], origin["actor"] = actor.pk, actor_at
            email, phone = values.get("email", "").casefold(), _phone_key(values.get("phone", ""))
            name = values.get("full_name", "").casefold()
            contact = (
                by_id.get(_record_id(cols.get(cells, "id")[0]))
                or (email and by_email.get(email))
                or (phone and by_phone.get(phone))
                or by_name.get((actor and actor.pk, name))
                or None
            )
            key = ("pk", contact.pk) if contact else ("new", email or phone or (actor and actor.pk, name))
            if key in taken:
                issues.append(
                    Issue(number, "", _("Row %(row)d already imports this contact.") % {"row": taken[key]})
                )
                continue
            taken[key] = number
            form = self.form(ContactForm, contact or Contact(operation=self.operation), values)
            if not form.is_valid():
                issues.extend(self.form_issues(form, [number], cols, origin))
                continue
            changed = self.changed_labels(form)
            action = CREATE if contact is None else (UPDATE if changed else UNCHANGED)
            changes.append(Change([number], form.cleaned_data["full_name"], action, form, changed=changed))
        return changes, issues


class AssetImporter(_ActorRefMixin, Importer):
    kind = "assets"
    form_class = AssetForm
    spec = [
        Col("id", ("#meta+id",), ("asset id",)),
        Col("name", ("#item+name",), ("asset", "name")),
        Col("capability", ("#item+type",), ()),
        Col("quantity", ("#capacity",), ()),
        *ACTOR_COLUMNS,
        Col("provider", (), ("provider",)),
        Col("base", ("#loc+name",), ()),
        Col("adm1", ("#adm1+code",), ("admin 1 p codes", "admin 1 p code", "adm1")),
        Col("adm2", ("#adm2+code",), ("admin 2 p codes", "admin 2 p code", "adm2")),
        Col("sectors", ("#sector+cluster+code",), ("sectors", "sector")),
        Col("support_type", ("#activity+type",), ("support type",)),
        Col("deployed_on", ("#date+start",), ("deployed on", "deployed")),
        Col("phase_out_on", ("#date+end",), ("phase out date", "phase out on", "phase out")),
        Col("status", ("#status",), ()),
        Col("phase_out_plan", (), ("phase out plan",)),
        Col("sensitivity", (), ()),
    ]
    form_fields = (
        "name",
        "capability",
        "quantity",
        "base",
        "support_type",
        "deployed_on",
        "phase_out_on",
        "status",
        "phase_out_plan",
        "sensitivity",
    )
    choice_fields = ("capability", "support_type", "status", "sensitivity")
    m2m = ("areas", "sectors")

    @property
    def needs(self):
        return _("the provider (#org+name or #group+name) and the capability (#item+type)")

    def actor_of_row(self, number, cells, cols):
        if (
            cols.has("provider")
            and not cols.get(cells, "org_name")[0]
            and not cols.get(cells, "group_name")[0]
        ):
            name, at = cols.get(cells, "provider")
            if name:
                actor = self.actor_named(name, name)
                if actor is None:
                    message = _("No actor named “%(name)s” in this operation: import the actors first.") % {
                        "name": name
                    }
                    return None, at, [Issue(number, cols.name(at), message)]
                return actor, at, []
        return super().actor_of_row(number, cells, cols)

    def places(self, number, cells, cols):
        """({form values for areas and sectors}, {origin}, issues), for the columns the file has."""
        values, origin, issues = {}, {}, []
        if cols.has("adm1") or cols.has("adm2"):
            adm1, adm1_at = cols.get(cells, "adm1")
            adm2, adm2_at = cols.get(cells, "adm2")
            found, codes = [], [(c, adm2_at) for c in LIST_SPLIT.split(adm2) if c]
            codes += [(c, adm1_at) for c in LIST_SPLIT.split(adm1) if c]
            for code, at in codes:
                area = self.areas.get(code.upper())
                if area is None:
                    issues.append(Issue(number, cols.name(at), self.unknown_pcode(code)))
                else:
                    found.append(area)
            # The export lists each district's province too: a province stands for itself only
            # when none of its districts is listed.
            parents = {a.parent_id for a in found if a.level == 2}
            values["areas"] = sorted({a.pk for a in found if a.level == 2 or a.pk not in parents})
            origin["areas"] = adm2_at if adm2 else adm1_at
        if cols.has("sectors"):
            text, at = cols.get(cells, "sectors")
            picked = []
            for code in (c for c in LIST_SPLIT.split(text) if c):
                sector = self.sectors.get(code.upper())
                if sector is None:
                    issues.append(Issue(number, cols.name(at), self.unknown_sector(code)))
                else:
                    picked.append(sector.pk)
            values["sectors"], origin["sectors"] = sorted(set(picked)), at
        return values, origin, issues

    def build(self, table, cols):
        issues = self.missing_key_columns(cols, ("org_name", "group_name", "provider"))
        issues += [] if issues else self.missing_key_columns(cols, ("capability",))
        if issues:
            return [], issues
        assets = list(
            AssetDeployment.objects.for_user(self.user)
            .filter(operation=self.operation)
            .prefetch_related("areas", "sectors")
        )
        by_id = {a.pk: a for a in assets}
        changes, taken = [], {}
        for number, cells in table.rows:
            values, origin = self.row_values(cols, cells, AssetForm)
            provider, provider_at, found = self.actor_of_row(number, cells, cols)
            places, place_origin, place_issues = self.places(number, cells, cols)
            if found or place_issues:
                issues.extend(found + place_issues)
                continue
            values.update(places)
            origin.update(place_origin)
            if provider is not None:
                values["provider"], origin["provider"] = provider.pk, provider_at
            asset = by_id.get(_record_id(cols.get(cells, "id")[0]))
            if asset is None and provider is not None:
                same = [
                    a
                    for a in assets
                    if a.provider_id == provider.pk and a.capability == values.get("capability")
                ]
                if len(same) > 1:
                    name = values.get("name", "").casefold()
                    same = [a for a in same if a.name.casefold() == name]
                asset = same[0] if len(same) == 1 else None
            key = ("pk", asset.pk) if asset else ("new", values.get("name", "").casefold())
            if key in taken:
                issues.append(
                    Issue(number, "", _("Row %(row)d already imports this deployment.") % {"row": taken[key]})
                )
                continue
            taken[key] = number
            form = self.form(AssetForm, asset or AssetDeployment(operation=self.operation), values)
            if not form.is_valid():
                issues.extend(self.form_issues(form, [number], cols, origin))
                continue
            changed = self.changed_labels(form)
            action = CREATE if asset is None else (UPDATE if changed else UNCHANGED)
            changes.append(
                Change([number], form.cleaned_data["name"], action, form, changed=changed, m2m=self.m2m)
            )
        return changes, issues


IMPORTERS = {cls.kind: cls for cls in (ActorImporter, ContactImporter, AssetImporter)}
