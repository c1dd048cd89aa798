"""Scoping for querysets that have no ``for_user`` of their own, and per-request visibility sets.

Related fields of the API use these so that a choice list, a written id or a shown id never
reaches past what the caller may read.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet

from cmcoord.permissions import scope_users

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


_SCOPES = {"cmcoord.User": scope_users}  # the user model keeps Django's own manager


def visible_ids(request, model) -> set:
    """Ids of ``model`` the caller may read, computed once per request (one query)."""
    cache = getattr(request, _VISIBLE, None)
    if cache is None:
        cache = {}
        setattr(request, _VISIBLE, cache)
    if model not in cache:
        cache[model] = set(scoped(model._default_manager.all(), request.user).values_list("pk", flat=True))
    return cache[model]
