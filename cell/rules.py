"""The cell's own rules, each stated once: what an RFA is, its last-resort checklist, who closes.

The model's ``clean()``, the services, the pages, the API and the overview all ask these; none
of them spells a rule out again. This module imports no model of the cell, so ``models.py``
can use it.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError

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
    label: str
    message: str

    def is_met(self, rfa) -> bool:
        value = getattr(rfa, self.field)
        return bool(value.strip()) if isinstance(value, str) else bool(value)


LAST_RESORT_CHECKLIST = (
    ChecklistItem(
        "civilian_alternatives_tried",
        "civilian alternatives tried",
        "Say which civilian means were tried.",
    ),
    ChecklistItem(
        "why_alternatives_fail",
        "why the civilian alternatives fail",
        "Say why the civilian means cannot do it.",
    ),
    ChecklistItem(
        "unique_capability",
        "the unique capability or timeliness",
        "Say what only the military can bring, or why time rules out others.",
    ),
    ChecklistItem(
        "complements_civilian_capacity",
        "confirmation that it complements civilian capacity",
        "Military assets may only complement civilian capacity.",
    ),
    ChecklistItem(
        "exit_plan",
        "the planned duration and exit plan",
        "Give the planned duration and how the military hand back.",
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
        labels = ", ".join(item.label for item in missing)
        raise ValidationError(f"The last-resort checklist is incomplete: {labels}.")


def can_close_cell_request(principal, cell_request) -> bool:
    """The cell closes any request; its sender may close (withdraw) their own."""
    if can(principal, "triage_cell_requests", cell_request.operation_id):
        return True
    return (
        role_in(principal, cell_request.operation_id) is not None
        and not is_partner(principal)
        and cell_request.submitted_by_id == getattr(principal, "pk", None)
    )
