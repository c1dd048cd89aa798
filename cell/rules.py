"""The cell's own rules, each stated once: what an RFA is, its last-resort checklist, who closes.

The model's ``clean()``, the services, the pages, the API and the overview all ask these; none
of them spells a rule out again. This module imports no model of the cell, so ``models.py``
can use it.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cmcoord.permissions import can, is_partner, role_in

# The kind of cell request that is a request for military assistance (``CellRequest.Kind``).
RFA_KIND = "assistance"


def is_rfa(kind: str) -> bool:
    """A request for military assistance: the one kind with RFA details and an HCT/UNCT decision."""
    return kind == RFA_KIND


@dataclass(frozen=True)
class ChecklistItem:
    """One item of the last-resort checklist of the Oslo / MCDA Guidelines.

    ``label`` names what is lacking (to the HCT/UNCT deciding); ``message`` asks the sender for it,
    next to ``field``.
    """

    field: str
    label: str  # lazily translated: shown in the reader's language
    message: str

    def is_met(self, rfa) -> bool:
        value = getattr(rfa, self.field)
        return bool(value.strip()) if isinstance(value, str) else bool(value)


# The last-resort criteria of the Oslo / MCDA Guidelines: military and civil defence assets are
# used only where no comparable civilian alternative exists, to meet a critical need.
LAST_RESORT_CHECKLIST = (
    ChecklistItem(
        "civilian_alternatives_tried",
        gettext_lazy("civilian alternatives tried"),
        gettext_lazy("Say which civilian means were tried."),
    ),
    ChecklistItem(
        "why_alternatives_fail",
        gettext_lazy("why the civilian alternatives fail"),
        gettext_lazy("Say why the civilian means cannot do it."),
    ),
    ChecklistItem(
        "unique_capability",
        gettext_lazy("the unique capability or timeliness"),
        gettext_lazy("Say what only the military can bring, or why time rules out others."),
    ),
    ChecklistItem(
        "complements_civilian_capacity",
        gettext_lazy("confirmation that it complements civilian capacity"),
        gettext_lazy("Military assets may only complement civilian capacity."),
    ),
    ChecklistItem(
        "exit_plan",
        gettext_lazy("the planned duration and exit plan"),
        gettext_lazy("Give the planned duration and how the military hand back."),
    ),
)


def missing_last_resort_items(rfa) -> list[ChecklistItem]:
    """What the RFA's last-resort case still lacks, in checklist order."""
    return [item for item in LAST_RESORT_CHECKLIST if not item.is_met(rfa)]


def last_resort_errors(rfa) -> dict[str, str]:
    """For the sender: each missing item's message, next to its field."""
    return {item.field: item.message for item in missing_last_resort_items(rfa)}


def require_last_resort_case(rfa) -> None:
    """Before the HCT/UNCT endorses: refuse, naming every item the checklist still lacks."""
    missing = missing_last_resort_items(rfa)
    if missing:
        # Translators: separator between items of a list.
        labels = _(", ").join(str(item.label) for item in missing)
        # Translators: %(items)s lists what is missing, e.g. "civilian alternatives tried, the exit plan".
        raise ValidationError(_("The last-resort checklist is incomplete: %(items)s.") % {"items": labels})


def can_close_cell_request(principal, cell_request) -> bool:
    """The cell closes any request; its sender may close (withdraw) their own."""
    if can(principal, "triage_cell_requests", cell_request.operation_id):
        return True
    return (
        role_in(principal, cell_request.operation_id) is not None
        and not is_partner(principal)
        and cell_request.submitted_by_id == getattr(principal, "pk", None)
    )
