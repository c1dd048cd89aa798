"""Who reads and writes the HNS: the most sensitive data the cell holds.

- CMCoord officers (and the administrator): every notification of their operation; they check,
  relay, record acknowledgements and incidents, and say who notifies for which organisation.
- An organisation's staff (``OrganisationStaff``): their organisation's notifications; they
  notify, change and cancel them.
- HCT/UNCT members: counts per area and type (``summary``), never a site, a route or a name.
- Other field staff: nothing. Partner tokens: nothing, ever. Outsiders: 404.
"""

from collections import defaultdict

from django.db.models import Count, Q, QuerySet

from cmcoord import permissions
from cmcoord.permissions import ADMINISTRATOR
from cmcoord.roles import Role

CELL_ROLES = {Role.OFFICER, ADMINISTRATOR}


def cell_operations(principal) -> list[int]:
    """Operations where the principal runs the HNS (officers, the administrator)."""
    return [op for op, role in permissions.memberships(principal).items() if role in CELL_ROLES]


def organisations_of(principal) -> dict[int, int]:
    """{operation id: organisation (actor) id} the principal notifies for, in operations they belong to."""
    if permissions.is_partner(principal) or not getattr(principal, "is_authenticated", False):
        return {}
    cached = getattr(principal, "_hns_organisations", None)
    if cached is not None:
        return cached
    from hns.models import OrganisationStaff

    ops = [op for op, role in permissions.memberships(principal).items() if role in Role.values]
    result = dict(
        OrganisationStaff.objects.filter(user=principal, operation__in=ops).values_list(
            "operation_id", "organisation_id"
        )
    )
    principal._hns_organisations = result
    return result


def forget(principal) -> None:
    if hasattr(principal, "_hns_organisations"):
        del principal._hns_organisations


def _notifications_q(principal, *, prefix: str = "") -> Q | None:
    if permissions.is_partner(principal) or not permissions.memberships(principal):
        return None
    q = Q(**{f"{prefix}operation__in": cell_operations(principal)})
    for operation_id, organisation_id in organisations_of(principal).items():
        q |= Q(**{f"{prefix}operation_id": operation_id, f"{prefix}organisation_id": organisation_id})
    return q


def scope_notifications(qs: QuerySet, principal) -> QuerySet:
    q = _notifications_q(principal)
    return qs.none() if q is None else qs.filter(q)


def _through_notification(qs: QuerySet, principal) -> QuerySet:
    """Relays and incidents follow the site or movement they are about."""
    if permissions.is_partner(principal) or not permissions.memberships(principal):
        return qs.none()
    q = Q(operation__in=cell_operations(principal))
    for operation_id, organisation_id in organisations_of(principal).items():
        q |= Q(operation_id=operation_id, site__organisation_id=organisation_id)
        q |= Q(operation_id=operation_id, movement__organisation_id=organisation_id)
    return qs.filter(q)


def scope_relays(qs: QuerySet, principal) -> QuerySet:
    """Relays name the parties and their contacts: the cell's alone (staff read counts on the page)."""
    if permissions.is_partner(principal):
        return qs.none()
    return qs.filter(operation__in=cell_operations(principal))


def scope_incidents(qs: QuerySet, principal) -> QuerySet:
    return _through_notification(qs, principal)


def scope_staff(qs: QuerySet, principal) -> QuerySet:
    """Officers read who notifies for which organisation; a person reads their own line."""
    if permissions.is_partner(principal) or not permissions.memberships(principal):
        return qs.none()
    return qs.filter(Q(operation__in=cell_operations(principal)) | Q(user=principal))


# --- What a person may do ----------------------------------------------------------------------


def runs_hns(principal, operation_id: int) -> bool:
    return permissions.role_in(principal, operation_id) in CELL_ROLES


def reads_summary(principal, operation_id: int) -> bool:
    return permissions.role_in(principal, operation_id) == Role.HCT


def organisation_in(principal, operation_id: int) -> int | None:
    return organisations_of(principal).get(operation_id)


def may_notify(principal, operation_id: int) -> bool:
    """Officers (for any organisation, e.g. a notification that came by e-mail) and staff of one."""
    return runs_hns(principal, operation_id) or organisation_in(principal, operation_id) is not None


def may_change(principal, notification) -> bool:
    """Change or cancel: the cell, or the notifying organisation's staff."""
    return runs_hns(principal, notification.operation_id) or (
        organisation_in(principal, notification.operation_id) == notification.organisation_id
    )


# --- The HCT/UNCT's summary: counts, no details ------------------------------------------------


def summary(operation_id: int) -> tuple[list[dict], dict]:
    """Active sites and open movements per area (P-code) and type: counts only, for the HCT/UNCT.

    Movements have no area of their own; they are counted per mode. Nothing names a site,
    an organisation, a route or a person.
    """
    from hns.models import OPEN_MOVEMENT, Movement, SiteStatus, SiteType, StaticSite

    rows = (
        StaticSite.objects.filter(operation_id=operation_id, status=SiteStatus.ACTIVE)
        .values("area__pcode", "area__name", "site_type")
        .annotate(n=Count("pk"))
        .order_by("area__pcode", "site_type")
    )
    per_area: dict[tuple, dict] = defaultdict(dict)
    for row in rows:
        per_area[(row["area__pcode"] or "", row["area__name"] or "")][row["site_type"]] = row["n"]
    movements = dict(
        Movement.objects.filter(operation_id=operation_id, status__in=OPEN_MOVEMENT)
        .values_list("mode")
        .annotate(n=Count("pk"))
        .order_by()
    )
    areas = [
        {"pcode": pcode, "area": name, "cells": [counts.get(value, 0) for value in SiteType.values]}
        for (pcode, name), counts in sorted(per_area.items())
    ]
    return areas, movements
