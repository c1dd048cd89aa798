"""Scoping for querysets that have no ``for_user`` of their own, and per-request visibility sets.

Related fields of the API use these so that a choice list, a written id or a shown id never
reaches past what the caller may read.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db.models import Q, QuerySet

from cmcoord.permissions import is_partner, memberships, scope_records

_VISIBLE = "_api_visible_ids"


def scoped(qs: QuerySet, principal) -> QuerySet:
    """``qs`` limited to what ``principal`` may read; fails loudly for an unknown model."""
    if hasattr(qs, "for_user"):
        return qs.for_user(principal)
    label = qs.model._meta.label
    scope = _SCOPES.get(label)
    if scope is None:
        raise ImproperlyConfigured(f"No API scope for {label}: give its QuerySet a for_user().")
    return scope(qs, principal)


def _members(qs, principal):
    """Users holding a role in one of the caller's operations (partners see no users)."""
    from cmcoord.models import OperationGroupObjectPermission, OperationUserObjectPermission

    if is_partner(principal):
        return qs.none()
    ops = list(memberships(principal))
    if not ops:
        return qs.none()
    direct = OperationUserObjectPermission.objects.filter(content_object_id__in=ops).values("user_id")
    groups = OperationGroupObjectPermission.objects.filter(content_object_id__in=ops).values("group_id")
    return qs.filter(Q(pk__in=direct) | Q(groups__in=groups)).distinct()


def _reference(qs, principal):
    """Shared reference data (IASC sectors): readable by anyone who belongs to an operation."""
    return qs if memberships(principal) else qs.none()


def _through_meeting(qs, principal):
    from meetings.models import Meeting

    return qs.filter(meeting__in=Meeting.objects.for_user(principal))


def _records(qs, principal):
    return scope_records(qs, principal)


_SCOPES = {
    "cmcoord.User": _members,
    "cmcoord.Sector": _reference,
    "cmcoord.GuidelineDocument": _records,
    "cmcoord.SecurityAssessment": _records,
    "meetings.AgendaItem": _through_meeting,
}


def visible_ids(request, model) -> set:
    """Ids of ``model`` the caller may read, computed once per request (one query)."""
    cache = getattr(request, _VISIBLE, None)
    if cache is None:
        cache = {}
        setattr(request, _VISIBLE, cache)
    if model not in cache:
        cache[model] = set(scoped(model._default_manager.all(), request.user).values_list("pk", flat=True))
    return cache[model]
