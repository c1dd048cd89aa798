"""Writes of the core: granting and revoking roles in an operation."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from cmcoord.models import Operation, OperationUserObjectPermission
from cmcoord.permissions import forget_memberships
from cmcoord.roles import ALL_ROLE_PERMISSIONS, ROLE_PERMISSIONS, Role, role_from_permissions


@transaction.atomic
def role_grant(*, user, operation: Operation, role: str) -> None:
    """Give ``user`` exactly ``role`` in ``operation``, replacing any role held there."""
    role = Role(role)
    _role_grants(user, operation).delete()
    permissions = Permission.objects.filter(
        content_type=ContentType.objects.get_for_model(Operation),
        codename__in=ROLE_PERMISSIONS[role],
    )
    OperationUserObjectPermission.objects.bulk_create(
        OperationUserObjectPermission(user=user, permission=p, content_object=operation) for p in permissions
    )
    forget_memberships(user)


@transaction.atomic
def role_revoke(*, user, operation: Operation) -> None:
    _role_grants(user, operation).delete()
    forget_memberships(user)


def _role_grants(user, operation):
    return OperationUserObjectPermission.objects.filter(
        user=user, content_object=operation, permission__codename__in=ALL_ROLE_PERMISSIONS
    )


def operation_members(operation: Operation) -> list[tuple[object, str]]:
    """(user, role) for everyone holding a role in the operation, sorted by name."""
    rows = OperationUserObjectPermission.objects.filter(
        content_object=operation, permission__codename__in=ALL_ROLE_PERMISSIONS
    ).values_list("user_id", "permission__codename")
    held: dict[int, set[str]] = {}
    for user_id, codename in rows:
        held.setdefault(user_id, set()).add(codename)
    users = get_user_model().objects.in_bulk(list(held))
    members = [(users[uid], role_from_permissions(codes)) for uid, codes in held.items()]
    return sorted(((u, r) for u, r in members if r), key=lambda pair: str(pair[0]).lower())
