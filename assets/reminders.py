"""Phase-out reminders of MCDA deployments, registered with the core's reminder machinery.

Officers, HCT/UNCT members, the asset's focal point and the people responsible for the activities
that depend on it hear of a phase-out at each of the
operation's lead times (30/14/7/1 days by default: only the most urgent whose day has come), then
once a week while the asset is past its date and still deployed. The reminder lists the
activities that depend on the asset and which have no ready civilian alternative.
"""

import datetime as dt

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from assets.models import ACTIVE_STATUSES, AssetDeployment, Dependency, Readiness
from cmcoord import reminders
from cmcoord.i18n import override_for
from cmcoord.models import NotificationKind, Operation
from cmcoord.permissions import visible_related
from cmcoord.reminders.due import MAX_LEAD_DAYS, Due, lead_days_of, local_today, overdue_lead, phase_out_lead
from cmcoord.reminders.messages import Message, render_message
from cmcoord.roles import Role
from cmcoord.services import operation_members

ASSET_AUDIENCE = {Role.OFFICER, Role.HCT}


def asset_recipients(
    asset, members: list[tuple[object, str]], responsible_ids: tuple[int, ...] = ()
) -> tuple[int, ...]:
    """Officers and HCT members, the focal point and the people responsible for the activities
    that depend on the asset, while they still hold a role in the operation."""
    ids = [user.pk for user, role in members if role in ASSET_AUDIENCE and user.is_active]
    active_members = {user.pk for user, _ in members if user.is_active}
    for named in (asset.focal_point_id, *responsible_ids):
        if named in active_members:
            ids.append(named)
    return tuple(dict.fromkeys(ids))


def responsible_for(asset_ids: list[int]) -> dict[int, tuple[int, ...]]:
    """{asset id: the users responsible for activities depending on it}, in one query."""
    found: dict[int, list[int]] = {}
    rows = Dependency.objects.filter(asset_id__in=asset_ids, responsible__isnull=False).order_by("pk")
    for asset_id, user_id in rows.values_list("asset_id", "responsible_id"):
        found.setdefault(asset_id, []).append(user_id)
    return {asset_id: tuple(users) for asset_id, users in found.items()}


def due_for_asset(asset, today: dt.date, recipient_ids: tuple[int, ...]) -> Due | None:
    days_left = (asset.phase_out_on - today).days
    lead, superseded = phase_out_lead(days_left, lead_days_of(asset.operation))
    kind = NotificationKind.PHASE_OUT
    if lead is None:
        lead, superseded, kind = overdue_lead(-days_left), (), NotificationKind.PHASE_OUT_OVERDUE
    if lead is None:
        return None
    return Due(
        kind, f"asset:{asset.pk}", asset.phase_out_on, lead, asset.operation_id, recipient_ids, superseded
    )


def due_assets(now: dt.datetime) -> list[Due]:
    """Assets whose next lead time (or weekly overdue day) has come.

    One query for the operations (their lead times, local day and members), one for the assets
    inside the largest lead time: the rows read grow with what may be due, not with all assets.
    """
    operations = {op.pk: op for op in Operation.objects.filter(pk__in=_operations_with_active_assets())}
    if not operations:
        return []
    furthest = max(max(lead_days_of(op)) for op in operations.values())
    # +1: a local day in a time zone ahead of UTC may already be tomorrow.
    horizon = now.date() + dt.timedelta(days=min(furthest, MAX_LEAD_DAYS) + 1)
    assets = (
        AssetDeployment.objects.active()
        .filter(phase_out_on__isnull=False, phase_out_on__lte=horizon)
        .only("pk", "operation_id", "phase_out_on", "focal_point_id")
        .order_by("pk")
    )
    assets = list(assets)
    responsible = responsible_for([asset.pk for asset in assets])
    members: dict[int, list] = {}
    today: dict[int, dt.date] = {}
    due = []
    for asset in assets:
        operation = operations[asset.operation_id]
        asset.operation = operation  # shared, not one copy per row
        if operation.pk not in members:
            members[operation.pk] = operation_members(operation)
            today[operation.pk] = local_today(operation, now)
        recipients = asset_recipients(asset, members[operation.pk], responsible.get(asset.pk, ()))
        item = due_for_asset(asset, today[operation.pk], recipients)
        if item and recipients:
            due.append(item)
    return due


def _operations_with_active_assets():
    return AssetDeployment.objects.active().filter(phase_out_on__isnull=False).values("operation_id")


def asset_message(pk: int, delivery, now) -> Message | None:
    user = delivery.recipient
    asset = (
        AssetDeployment.objects.for_user(user).select_related("provider", "operation").filter(pk=pk).first()
    )
    if asset is None or asset.status not in ACTIVE_STATUSES or asset.phase_out_on != delivery.occasion:
        return None
    days_left = (asset.phase_out_on - local_today(asset.operation, now)).days
    dependencies = list(Dependency.objects.for_user(user).filter(asset=asset).order_by("activity"))
    provider = visible_related(user, asset, "provider")
    context = {
        "asset": asset,
        "provider": provider,
        "days_left": days_left,
        "days_over": -days_left,
        "overdue": days_left < 0,
        "dependencies": dependencies,
        "not_ready": [d for d in dependencies if d.alternative_readiness != Readiness.READY],
        "user": user,
    }
    with override_for(user, asset.operation):  # in the recipient's language, not the sender's
        title = asset_title(
            asset, provider, days_left, overdue=delivery.kind == NotificationKind.PHASE_OUT_OVERDUE
        )
        return render_message("email/reminders/asset.txt", title, asset.get_absolute_url(), context)


def asset_title(asset, provider, days_left: int, *, overdue: bool) -> str:
    """The notification title and e-mail subject, one whole sentence for the translator."""
    named = asset.name
    if provider:
        named = _("%(asset)s (%(provider)s)") % {"asset": asset.name, "provider": provider}
    if overdue:
        days = -days_left
        return ngettext(
            "%(asset)s is %(days)d day past its phase-out date",
            "%(asset)s is %(days)d days past its phase-out date",
            days,
        ) % {"asset": named, "days": days}
    if days_left == 0:
        return _("%(asset)s phases out today") % {"asset": named}
    if days_left == 1:
        return _("%(asset)s phases out tomorrow") % {"asset": named}
    return ngettext(
        "%(asset)s phases out in %(days)d day", "%(asset)s phases out in %(days)d days", days_left
    ) % {"asset": named, "days": days_left}


def register() -> None:
    reminders.register("asset", due=due_assets, message=asset_message)
