""" "Waiting for you" (cmcoord/queues.py) and the HNS reminders, which are its notices:

- officers: movements starting within 24 hours that some party has not had (never relayed, or
  changed since); notifications to relay (new, changed or cancelled since relayed);
- officers: relays no party acknowledged after the operation's ``acknowledgement_overdue_hours``;
- officers and the organisation's staff: active sites whose validity ends within 7 days.

Each queue starts from the model's ``for_user``: nothing of another organisation is counted.
"""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cmcoord import queues
from cmcoord.models import NotificationKind
from cmcoord.roles import Role
from hns.models import Movement, Relay, SiteStatus, StaticSite
from hns.services import needing_relay_q, overdue_relays

RELAY_SOON_HOURS = 24
EXPIRY_DAYS = 7


def movements_starting_unrelayed(user, operation_ids, now):
    return (
        Movement.objects.for_user(user)
        .filter(operation__in=operation_ids, starts_at__lte=now + dt.timedelta(hours=RELAY_SOON_HOURS))
        .filter(ends_at__gt=now)
        .filter(needing_relay_q(Movement))
        .select_related("operation")
        .order_by("starts_at", "pk")
    )


def movement_label(movement) -> str:
    start = timezone.localtime(movement.starts_at, movement.operation.zone)
    return _("%(movement)s, starting %(start)s") % {"movement": movement, "start": f"{start:%Y-%m-%d %H:%M}"}


def sites_to_relay(user, operation_ids, now):
    return (
        StaticSite.objects.for_user(user)
        .filter(operation__in=operation_ids)
        .filter(needing_relay_q(StaticSite))
        .order_by("name", "pk")
    )


def acknowledgements_overdue(user, operation_ids, now):
    relays = Relay.objects.for_user(user).filter(operation__in=operation_ids)
    return (
        overdue_relays(relays, now).select_related("party", "site", "movement").order_by("relayed_at", "pk")
    )


def relay_label(relay) -> str:
    return _("%(party)s has not acknowledged %(notification)s") % {
        "party": relay.party,
        "notification": relay.notification,
    }


def sites_expiring(user, operation_ids, now):
    today = timezone.localdate(now)
    return (
        StaticSite.objects.for_user(user)
        .filter(operation__in=operation_ids, status=SiteStatus.ACTIVE)
        .filter(valid_until__gte=today, valid_until__lte=today + dt.timedelta(days=EXPIRY_DAYS))
        .order_by("valid_until", "pk")
    )


def site_expiry_label(site) -> str:
    return _("%(site)s, valid until %(date)s") % {"site": site, "date": f"{site.valid_until:%Y-%m-%d}"}


def register() -> None:
    queues.register(
        "hns_relay_soon",
        roles={Role.OFFICER},
        title=gettext_lazy("Notified movements starting within 24 hours, not relayed to every party"),
        items=movements_starting_unrelayed,
        label=movement_label,
        notice=gettext_lazy("Relay this movement to the parties: %(item)s"),
        notify=NotificationKind.HNS_MOVEMENT_NOT_RELAYED,
        entered=lambda movement: movement.starts_at - dt.timedelta(hours=RELAY_SOON_HOURS),
    )
    queues.register(
        "hns_sites_to_relay",
        roles={Role.OFFICER},
        title=gettext_lazy("Notified sites to relay to the parties (new, changed or removed)"),
        items=sites_to_relay,
    )
    queues.register(
        "hns_ack_overdue",
        roles={Role.OFFICER},
        title=gettext_lazy("Parties' acknowledgements overdue"),
        items=acknowledgements_overdue,
        label=relay_label,
        notice=gettext_lazy("Acknowledgement overdue: %(item)s"),
        notify=NotificationKind.HNS_ACKNOWLEDGEMENT_OVERDUE,
        entered=lambda relay: relay.relayed_at,
    )
    queues.register(
        "hns_site_expiring",
        roles={Role.OFFICER, Role.FIELD_STAFF},
        title=gettext_lazy("Notified sites whose validity ends within 7 days"),
        items=sites_expiring,
        label=site_expiry_label,
        notice=gettext_lazy("A notified site's validity ends soon: %(item)s"),
        notify=NotificationKind.HNS_SITE_EXPIRING,
        entered=lambda site: site.valid_until - dt.timedelta(days=EXPIRY_DAYS),
        per_person=True,
    )
