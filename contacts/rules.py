"""The contacts' own rules: which contacts the HCT/UNCT's interlocutor decisions share with field
staff, and which channels (phone, e-mail, satellite, radio) each role reads.

Every output asks these: the querysets (``Contact.objects.for_user``), the API's
``is_approved_interlocutor``, the HXL and vCard exports and the pages.
"""

from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet

from actors.models import MILITARY_CATEGORIES, InterlocutorStatus
from cmcoord.permissions import (
    FULL_READ,
    MEMBER_SENSITIVITIES,
    PARTNER,
    granted_q,
    memberships,
    ops_by_reach,
    role_in,
)

APPROVED_ANNOTATION = "approved_as_interlocutor"


def interlocutor_approved_q(prefix: str = "") -> Q:
    """Contacts the HCT/UNCT's decisions make interlocutors of the humanitarian community.

    A contact's own decision wins; undecided follows its actor's. Military (and paramilitary)
    contacts need an approval; a civilian organisation's contacts count as approved unless
    rejected, because there is no interlocutor question to settle for them.
    """
    approved, rejected = InterlocutorStatus.APPROVED, InterlocutorStatus.REJECTED
    civilian = ~Q(**{f"{prefix}actor__category__in": MILITARY_CATEGORIES})
    follows_actor = Q(**{f"{prefix}interlocutor_status": InterlocutorStatus.UNDECIDED}) & (
        Q(**{f"{prefix}actor__interlocutor_status": approved})
        | (civilian & ~Q(**{f"{prefix}actor__interlocutor_status": rejected}))
    )
    return Q(**{f"{prefix}interlocutor_status": approved}) | follows_actor


def contacts_shared_with_members_q() -> Q:
    """What field staff read: approved interlocutors, neither they nor their actor restricted."""
    visible = Q(sensitivity__in=MEMBER_SENSITIVITIES, actor__sensitivity__in=MEMBER_SENSITIVITIES)
    return visible & interlocutor_approved_q()


def scope_contacts(qs: QuerySet, principal) -> QuerySet:
    """Contacts: officers and HCT read all; field staff approved interlocutors only; plus grants."""
    if not memberships(principal):
        return qs.none()
    full, member, _ = ops_by_reach(principal)
    q = Q(operation__in=full) | (Q(operation__in=member) & contacts_shared_with_members_q())
    return qs.filter(q | granted_q(qs, principal))


def with_approval(qs: QuerySet) -> QuerySet:
    """Annotate each contact with the interlocutor rule, computed by the database in the same query."""
    return qs.annotate(
        **{APPROVED_ANNOTATION: ExpressionWrapper(interlocutor_approved_q(), output_field=BooleanField())}
    )


def is_approved_interlocutor(contact) -> bool:
    """The rule for one contact: the annotation when the list computed it, else one query."""
    if hasattr(contact, APPROVED_ANNOTATION):
        return bool(getattr(contact, APPROVED_ANNOTATION))
    if contact.pk is None:
        return False
    return type(contact)._default_manager.filter(interlocutor_approved_q(), pk=contact.pk).exists()


# Contact details each reach may read. Radio call-signs and satellite numbers stay with
# officers and HCT: knowing a call-sign is enough to impersonate on the net.
CONTACT_CHANNELS_FULL = ("phone", "email", "satellite_phone", "radio_call_sign")
CONTACT_CHANNELS_MEMBER = ("phone", "email")


def contact_channels(principal, operation_id: int) -> tuple[str, ...]:
    role = role_in(principal, operation_id)
    if role in FULL_READ:
        return CONTACT_CHANNELS_FULL
    if role is None or role == PARTNER:
        return ()
    return CONTACT_CHANNELS_MEMBER
