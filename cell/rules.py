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


# --- The RFA's way to its end: which step, from which state, by whom -------------------------
#
# submitted -> triaged or tabled (the cell) -> endorsed or declined (the HCT/UNCT) -> sent to the
# military (the cell) -> the military's answer recorded (the cell) -> the MCDA deployment created
# from it (the cell) -> closed with an outcome (the cell; the sender may withdraw their own).
# ``step_refusal`` is the one answer to "may this person take this step now"; the services ask
# it before they write, the pages and the API only show what it allows.

TRIAGE = "triage"
TABLE = "table"
ENDORSE = "endorse"
SEND = "send"
RECORD_ANSWER = "record_answer"
CREATE_DEPLOYMENT = "create_deployment"
CLOSE = "close"

# The Operation permission of the role that owns each step (``cmcoord.roles``).
STEP_PERMISSION = {
    TRIAGE: "triage_cell_requests",
    TABLE: "triage_cell_requests",
    ENDORSE: "endorse_rfas",
    SEND: "triage_cell_requests",
    RECORD_ANSWER: "triage_cell_requests",
    CREATE_DEPLOYMENT: "manage_registry",
    CLOSE: "triage_cell_requests",
}

# The military answers a deployment can come from.
DEPLOYABLE_ANSWERS = ("accepted", "partly")
# The deployment's capability (``assets.models.Capability``) a task type suggests; air transport
# is left for the officer to choose (fixed-wing or helicopter).
CAPABILITY_OF_TASK = {
    "sea_transport": "sealift",
    "land_transport": "ground_transport",
    "engineering": "engineering",
    "medical": "medical",
    "logistics": "logistics_hub",
    "escort": "escort",
}
# States of the cell request (``CellRequest.Status``) from which the HCT/UNCT may decide.
DECIDABLE_STATUSES = ("triaged", "tabled", "answered")


def step_state_refusal(step: str, cell_request) -> str | None:
    """Why the request is not in a state for ``step`` (a sentence), or None when it is."""
    rfa = cell_request.rfa_details
    if cell_request.status == "closed":
        return _("This request is closed.")
    if step == TRIAGE:
        if cell_request.status != "submitted":
            return _("This request was triaged already.")
        return None
    if step in (TABLE, CLOSE):
        return None
    if rfa is None:
        return _("Only a request for military assistance takes this step.")
    if step == ENDORSE:
        if rfa.endorsement != "pending":
            return _("The HCT/UNCT decided on this request already.")
        if cell_request.status not in DECIDABLE_STATUSES:
            return _("The cell triages or tables the request before the HCT/UNCT decides.")
        return None
    if step == SEND:
        if rfa.endorsement != "endorsed":
            return _("Only a request the HCT/UNCT endorsed goes to the military.")
        if rfa.military_response != "not_sent":
            return _("This request was sent to the military already.")
        return None
    if step == RECORD_ANSWER:
        if rfa.military_response != "pending":
            return _("There is no answer of the military to record: it is not awaited.")
        return None
    if step == CREATE_DEPLOYMENT:
        if rfa.military_response not in DEPLOYABLE_ANSWERS:
            return _("A deployment is created only from a request the military accepted, fully or partly.")
        if rfa.resulting_asset_id is not None:
            return _("The deployment for this request exists already.")
        return None
    raise ValueError(step)


def may_take_step(principal, step: str, cell_request) -> bool:
    """Whether the pages offer ``step`` to this person now: their role owns it, the state allows it."""
    if step == CLOSE and not can(principal, STEP_PERMISSION[CLOSE], cell_request.operation_id):
        return can_close_cell_request(principal, cell_request) and cell_request.status != "closed"
    return (
        can(principal, STEP_PERMISSION[step], cell_request.operation_id)
        and step_state_refusal(step, cell_request) is None
    )


def require_step(step: str, cell_request) -> None:
    """Refuse (ValidationError, with why) a step the request's state does not allow."""
    refusal = step_state_refusal(step, cell_request)
    if refusal:
        raise ValidationError(refusal, code="wrong_state")


def close_needs_outcome(cell_request) -> bool:
    """An RFA closes with its outcome recorded (what became of the request)."""
    return cell_request.is_rfa


# The RFA's fields only its steps set (cell.services: who decided, when, what the military
# answered, the deployment, the outcome): read-only in the admin and the API.
RFA_DECISION_FIELDS = (
    "endorsement",
    "endorsed_by",
    "endorsed_at",
    "endorsement_note",
    "military_response",
    "sent_to_actor",
    "sent_to_contact",
    "sent_at",
    "sent_by",
    "military_offer",
    "military_offer_from",
    "military_offer_until",
    "military_answered_at",
    "military_answer_recorded_by",
    "resulting_asset",
    "outcome",
    "outcome_note",
)
