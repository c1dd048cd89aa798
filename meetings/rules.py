"""The meetings' own rules: who reads minutes, who updates an action point, which participants
a reader may see. Pages, the API, exports and reminders ask these."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from cmcoord.permissions import can, is_partner, role_in, scope_through


def can_read_minutes(principal, operation_id: int) -> bool:
    """Minutes are restricted: officers and HCT/UNCT read them; field staff read the summary."""
    return can(principal, "view_restricted_records", operation_id)


def can_update_action_point(principal, action_point) -> bool:
    """Officers update any action point; its owner updates their own."""
    if can(principal, "manage_registry", action_point.operation_id):
        return True
    return (
        role_in(principal, action_point.operation_id) is not None
        and not is_partner(principal)
        and action_point.owner_id is not None
        and action_point.owner_id == getattr(principal, "pk", None)
    )


def scope_participants(qs: QuerySet, principal, *, meetings: QuerySet, actors: QuerySet, contacts: QuerySet):
    """Participants follow their meeting, and name only actors and contacts the reader may see.

    The actor and the contact are checked row by row (a correlated EXISTS on their primary
    keys), so the cost follows the participants read, not everyone the reader may see.
    """
    qs = scope_through(qs, principal, "meeting", meetings)
    actor_seen = Exists(actors.for_user(principal).filter(pk=OuterRef("actor_id")))
    contact_seen = Exists(contacts.for_user(principal).filter(pk=OuterRef("contact_id")))
    return qs.filter(Q(actor__isnull=True) | actor_seen).filter(Q(contact__isnull=True) | contact_seen)
