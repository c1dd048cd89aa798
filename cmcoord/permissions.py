"""Who may see and do what, per operation: every query and check goes through here.

``memberships(principal)`` maps operation ids to the caller's role, read once per request
from guardian's direct-foreign-key permission tables. The ``scope_*`` functions turn that
into querysets; models' ``for_user`` methods call them, and the HTML views, the API, the
exports and the feeds only ever start from ``Model.objects.for_user(user)``.
"""

from __future__ import annotations

from collections import defaultdict

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from cmcoord.models.base import Sensitivity
from cmcoord.roles import ROLE_MARKERS, ROLE_PERMISSIONS, Role

PARTNER = "partner"
ADMINISTRATOR = "administrator"
FULL_READ = {Role.OFFICER, Role.HCT, ADMINISTRATOR}
MEMBER_SENSITIVITIES = [Sensitivity.SHAREABLE, Sensitivity.INTERNAL]
_CACHE = "_cmcoord_memberships"


class PartnerPrincipal:
    """The caller behind a partner token: reads one operation's shareable records."""

    is_authenticated = True
    is_anonymous = False
    is_active = True
    is_superuser = False
    is_staff = False
    pk = None
    id = None
    username = "partner-token"

    def __init__(self, token):
        self.token = token
        self.operation_id = token.operation_id

    def __str__(self):
        return _("partner token %(name)s") % {"name": self.token.name}

    def has_perm(self, perm, obj=None):
        return False


def is_partner(principal) -> bool:
    return isinstance(principal, PartnerPrincipal)


def memberships(principal) -> dict[int, str]:
    """{operation id: role} for everything the principal belongs to."""
    if principal is None or not getattr(principal, "is_authenticated", False):
        return {}
    if is_partner(principal):
        return {principal.operation_id: PARTNER}
    cached = getattr(principal, _CACHE, None)
    if cached is not None:
        return cached
    if not principal.is_active:
        result = {}
    elif principal.is_superuser:
        from cmcoord.models import Operation

        result = dict.fromkeys(Operation.objects.values_list("pk", flat=True), ADMINISTRATOR)
    else:
        result = _roles_from_grants(principal)
    setattr(principal, _CACHE, result)
    return result


def forget_memberships(user) -> None:
    """Drop the per-request cache after a role changes."""
    if hasattr(user, _CACHE):
        delattr(user, _CACHE)


def _roles_from_grants(user) -> dict[int, str]:
    from cmcoord.models import OperationGroupObjectPermission, OperationUserObjectPermission

    markers = [codename for codename, _ in ROLE_MARKERS]
    held: dict[int, set[str]] = defaultdict(set)
    direct = OperationUserObjectPermission.objects.filter(
        user=user, permission__codename__in=markers
    ).values_list("content_object_id", "permission__codename")
    via_groups = OperationGroupObjectPermission.objects.filter(
        group__user=user, permission__codename__in=markers
    ).values_list("content_object_id", "permission__codename")
    for operation_id, codename in [*direct, *via_groups]:
        held[operation_id].add(codename)
    roles = {}
    for operation_id, codenames in held.items():
        for marker, role in ROLE_MARKERS:
            if marker in codenames:
                roles[operation_id] = role
                break
    return roles


def role_in(principal, operation_id: int) -> str | None:
    return memberships(principal).get(operation_id)


def can(principal, codename: str, operation_id: int) -> bool:
    """Whether the principal's role in the operation carries the Operation permission."""
    role = role_in(principal, operation_id)
    if role == ADMINISTRATOR:
        return True
    if role is None or role == PARTNER:
        return False
    return codename in ROLE_PERMISSIONS[role]


def operations_where(principal, codename: str) -> list[int]:
    return [op for op in memberships(principal) if can(principal, codename, op)]


def ops_by_reach(principal) -> tuple[list[int], list[int], list[int]]:
    """(operations read in full, read as a member, read as a partner)."""
    full, member, partner = [], [], []
    for operation_id, role in memberships(principal).items():
        if role in FULL_READ:
            full.append(operation_id)
        elif role == PARTNER:
            partner.append(operation_id)
        else:
            member.append(operation_id)
    return full, member, partner


def visible_records_q(
    principal,
    *,
    operation: str = "operation",
    sensitivity: str = "sensitivity",
    partners: bool = True,
    parents: tuple[str, ...] = (),
) -> Q:
    """The Q that keeps records a principal may read, by operation role and sensitivity.

    ``parents`` names records this one speaks of (a mandate's actor, an asset's provider):
    a reader must be allowed those too, or the child would leak the parent's name.
    """
    full, member, partner = ops_by_reach(principal)

    def levels(path: str, allowed) -> Q:
        return Q(**{f"{path}__in": allowed}) if isinstance(allowed, list) else Q(**{path: allowed})

    def reach(allowed) -> Q:
        q = levels(sensitivity, allowed)
        for parent in parents:
            q &= levels(f"{parent}__sensitivity", allowed)
        return q

    q = Q(**{f"{operation}__in": full})
    q |= Q(**{f"{operation}__in": member}) & reach(MEMBER_SENSITIVITIES)
    if partners:
        q |= Q(**{f"{operation}__in": partner}) & reach(Sensitivity.SHAREABLE)
    return q


def scope_records(
    qs: QuerySet, principal, *, operation="operation", sensitivity="sensitivity", partners=True, parents=()
) -> QuerySet:
    """Records of the caller's operations, by sensitivity: the rule of most of the registry."""
    if not memberships(principal):
        return qs.none()
    return qs.filter(
        visible_records_q(
            principal, operation=operation, sensitivity=sensitivity, partners=partners, parents=parents
        )
    )


def granted_q(qs: QuerySet, principal) -> Q:
    """Per-object grants (guardian): one restricted record shared with one named person."""
    if is_partner(principal) or not getattr(principal, "is_authenticated", False):
        return Q(pk__in=[])
    from guardian.utils import get_user_obj_perms_model

    model = qs.model
    codename = f"view_{model._meta.model_name}"
    grants = (
        get_user_obj_perms_model(model)
        .objects.filter(user=principal, permission__codename=codename)
        .values("content_object_id")
    )
    return Q(pk__in=grants, operation__in=list(memberships(principal)))


def scope_records_with_grants(qs: QuerySet, principal) -> QuerySet:
    """Records members read when shareable or internal, partners never, plus per-person grants."""
    if not memberships(principal):
        return qs.none()
    q = visible_records_q(principal, partners=False) | granted_q(qs, principal)
    return qs.filter(q)


def scope_owned(qs: QuerySet, principal, *, owner: str) -> QuerySet:
    """Action points and cell requests: field staff read their own; officers and HCT all."""
    if not memberships(principal) or is_partner(principal):
        return qs.none()
    full, member, _ = ops_by_reach(principal)
    return qs.filter(Q(operation__in=full) | Q(operation__in=member, **{owner: principal}))


def scope_users(qs: QuerySet, principal) -> QuerySet:
    """People holding a role in one of the caller's operations (partners see no one)."""
    from cmcoord.models import OperationGroupObjectPermission, OperationUserObjectPermission

    ops = list(memberships(principal))
    if not ops or is_partner(principal):
        return qs.none()
    direct = OperationUserObjectPermission.objects.filter(content_object_id__in=ops).values("user_id")
    groups = OperationGroupObjectPermission.objects.filter(content_object_id__in=ops).values("group_id")
    return qs.filter(Q(pk__in=direct) | Q(groups__in=groups)).distinct()


def scoped(qs: QuerySet, principal) -> QuerySet:
    """``qs`` limited to what ``principal`` may read; fails loudly for a model with no scope."""
    if hasattr(qs, "for_user"):
        return qs.for_user(principal)
    if qs.model._meta.label == settings.AUTH_USER_MODEL:  # the user model keeps Django's manager
        return scope_users(qs, principal)
    raise ImproperlyConfigured(f"No scope for {qs.model._meta.label}: give its QuerySet a for_user().")


def visible_pks(principal, model, pks) -> set:
    """Which of these records the principal may read: to show or hide a reference to one."""
    wanted = {pk for pk in pks if pk is not None}
    if not wanted:
        return set()
    return set(model.objects.for_user(principal).filter(pk__in=wanted).values_list("pk", flat=True))


def visible_related(principal, obj, field: str):
    """``obj.<field>`` if the principal may read that record, else None (name nothing hidden)."""
    related_id = getattr(obj, f"{field}_id")
    if related_id is None:
        return None
    model = obj._meta.get_field(field).related_model
    return getattr(obj, field) if visible_pks(principal, model, [related_id]) else None


def scope_operations(qs: QuerySet, principal) -> QuerySet:
    ops = list(memberships(principal))
    return qs.filter(pk__in=ops) if ops else qs.none()


def scope_areas(qs: QuerySet, principal) -> QuerySet:
    """Areas are shared reference data: those of the countries of the caller's operations."""
    from cmcoord.models import Operation

    ops = list(memberships(principal))
    if not ops:
        return qs.none()
    countries = Operation.objects.filter(pk__in=ops).values("country")
    return qs.filter(country__in=countries)


# --- Checks used by services, views and the API alike ---------------------------------------


def ensure(principal, codename: str, operation_id: int) -> None:
    """Raise PermissionDenied unless the principal's role carries ``codename`` there.

    Callers have already fetched the object through ``for_user``, so the principal can see
    it: a 403 here names nothing they could not already read.
    """
    from django.core.exceptions import PermissionDenied

    if not can(principal, codename, operation_id):
        raise PermissionDenied(_("Your role in this operation does not allow this."))


def can_read_history(principal, operation_id: int) -> bool:
    return can(principal, "view_history", operation_id)


def grantable_roles(principal, operation_id: int) -> list[str]:
    """Officers add field staff and fellow officers; HCT/UNCT seats are the administrator's to give."""
    role = role_in(principal, operation_id)
    if role == ADMINISTRATOR:
        return list(Role.values)
    if can(principal, "manage_members", operation_id):
        return [Role.FIELD_STAFF, Role.OFFICER]
    return []


def scope_reference(qs: QuerySet, principal) -> QuerySet:
    """Shared reference data (IASC sectors): readable by anyone who belongs to an operation."""
    return qs if memberships(principal) else qs.none()


def scope_through(qs: QuerySet, principal, parent: str, parent_qs: QuerySet) -> QuerySet:
    """Parts of a record (agenda items, decisions, RFA details) follow their record's visibility."""
    if not memberships(principal):
        return qs.none()
    return qs.filter(**{f"{parent}__in": parent_qs.for_user(principal).values("pk")})
