"""The roles of an operation and the permissions each carries: the one place that says so.

A role is granted by giving the user the role's object permissions on the Operation
(django-guardian); ``role_grant``/``role_revoke`` in ``cmcoord.services`` are the only writers.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    # Translators: HCT/UNCT = Humanitarian Country Team / UN Country Team.
    FIELD_STAFF = "field_staff", _("Field staff")
    OFFICER = "officer", _("CMCoord officer")
    HCT = "hct", _("HCT/UNCT member")


# Permission codenames on cmcoord.Operation carried by each role.
ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.FIELD_STAFF: frozenset(
        {
            "view_operation",
            "view_internal_records",
            "submit_cell_requests",
        }
    ),
    Role.OFFICER: frozenset(
        {
            "view_operation",
            "view_internal_records",
            "view_restricted_records",
            "manage_registry",
            "triage_cell_requests",
            "submit_cell_requests",
            "draft_strategy",
            "view_history",
            "manage_members",
            "manage_partner_tokens",
        }
    ),
    Role.HCT: frozenset(
        {
            "view_operation",
            "view_internal_records",
            "view_restricted_records",
            "decide_interlocutors",
            "endorse_rfas",
            "approve_strategy",
            "view_history",
        }
    ),
}

# The permission that tells each role apart, strongest first.
ROLE_MARKERS: list[tuple[str, str]] = [
    ("decide_interlocutors", Role.HCT),
    ("manage_registry", Role.OFFICER),
    ("view_operation", Role.FIELD_STAFF),
]

ALL_ROLE_PERMISSIONS = frozenset().union(*ROLE_PERMISSIONS.values())


def role_from_permissions(codenames: set[str]) -> str | None:
    for marker, role in ROLE_MARKERS:
        if marker in codenames:
            return role
    return None


def role_label(role: str | None) -> str:
    """How a role reads on a page: the role's name, or "Administrator" / "Partner"."""
    if role in Role.values:
        return Role(role).label
    return str(OTHER_ROLE_LABELS.get(role or "", (role or "").capitalize()))


# The people who hold no role but read pages all the same (cmcoord.permissions names them).
OTHER_ROLE_LABELS = {"administrator": _("Administrator"), "partner": _("Partner")}
