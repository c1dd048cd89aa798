"""Writes of the HNS: notify, change, cancel, check, relay, acknowledge, record an incident.

Each decision is taken once: the notification is locked and its version (or status) compared
with the one the person read (``lock_unchanged``); an acknowledgement is a conditional UPDATE
of a relay not yet acknowledged; a relay of one version to one party exists once (a unique
constraint). Nothing here approves anything: a notification is passed on and acknowledged.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from cmcoord.services import based_on, lock_unchanged
from cmcoord.validators import validate_calendar_range
from hns import rules
from hns.models import (
    HnsSettings,
    Incident,
    Movement,
    MovementStatus,
    OrganisationStaff,
    Relay,
    RelayKind,
    SiteStatus,
    StaticSite,
    hours_between,
)


def _refuse() -> None:
    raise PermissionDenied(_("Your role in this operation does not allow this."))


# --- Who notifies for which organisation ---------------------------------------------------------


@transaction.atomic
def staff_set(*, operation, user, organisation, by) -> OrganisationStaff:
    """Say that ``user`` notifies for ``organisation`` in ``operation`` (replacing any earlier one)."""
    from cmcoord.permissions import role_in

    if not rules.runs_hns(by, operation.pk):
        _refuse()
    if role_in(user, operation.pk) is None:
        raise ValidationError({"user": _("Only members of this operation can notify for an organisation.")})
    if organisation.operation_id != operation.pk:
        raise ValidationError(
            {"organisation": _("This belongs to another operation; choose one of this operation's.")}
        )
    staff, _created = OrganisationStaff.objects.update_or_create(
        operation=operation, user=user, defaults={"organisation": organisation, "added_by": by}
    )
    rules.forget(user)
    return staff


@transaction.atomic
def staff_remove(*, staff: OrganisationStaff, by) -> None:
    if not rules.runs_hns(by, staff.operation_id):
        _refuse()
    staff.delete()
    rules.forget(staff.user)


@transaction.atomic
def settings_save(*, settings: HnsSettings, by) -> HnsSettings:
    """The operation's lead times and acknowledgement delay, set by its officers."""
    if not rules.runs_hns(by, settings.operation_id):
        _refuse()
    settings.full_clean()
    settings.save()
    return settings


# --- Notifying ---------------------------------------------------------------------------------


def required_lead_hours(movement: Movement) -> int:
    settings = HnsSettings.of(movement.operation_id)
    return settings.emergency_lead_hours if movement.emergency else settings.lead_hours


def lead_time_shortfall(movement: Movement, now: dt.datetime) -> int | None:
    """The lead time (hours) the movement misses if notified ``now``; None if it is in time.

    Real hours, not wall-clock ones: across a change to or from summer time, 48 hours before
    10:00 is 11:00 or 09:00 two days earlier on the clock of the operation's time zone.
    """
    required = required_lead_hours(movement)
    return required if hours_between(now, movement.starts_at) < required else None


@transaction.atomic
def notification_save(*, instance, by, version: int | None = None, now: dt.datetime | None = None):
    """Create or change a notified site or movement.

    Staff notify for their own organisation only; officers for any. A movement's lead time is
    checked when it is first notified and whenever its start moves: a late one needs its reason,
    and is kept, flagged. A change to what was relayed makes it due to be relayed again.
    """
    now = now or timezone.now()
    operation_id = instance.operation_id
    creating = instance.pk is None
    if creating:
        if not rules.may_notify(by, operation_id):
            _refuse()
        own = rules.organisation_in(by, operation_id)
        if not rules.runs_hns(by, operation_id):
            instance.organisation_id = own
        instance.submitted_by, instance.submitted_at = by, now
    else:
        stored = type(instance)._default_manager.get(pk=instance.pk)
        if not rules.may_change(by, stored) or not rules.may_change(by, instance):
            _refuse()
        if not stored.is_open:
            raise ValidationError(
                _("A cancelled or removed notification cannot be changed; notify a new one.")
            )
    if isinstance(instance, Movement):
        _check_lead_time(instance, creating, now)
    based_on(instance, version)
    instance._history_user = by
    instance.full_clean()
    instance.save()
    return instance


def _check_lead_time(movement: Movement, creating: bool, now) -> None:
    if not creating:
        stored = Movement.objects.get(pk=movement.pk)
        if stored.starts_at == movement.starts_at and stored.emergency == movement.emergency:
            return
    shortfall = lead_time_shortfall(movement, now)
    movement.late = shortfall is not None
    if movement.late and not movement.late_reason.strip():
        raise ValidationError(
            {
                "late_reason": _(
                    "This movement starts in less than %(hours)d hours: say why it is notified late. "
                    "It will be kept and flagged as late."
                )
                % {"hours": shortfall}
            }
        )
    if not movement.late:
        movement.late_reason = ""


@transaction.atomic
def notification_cancel(*, notification, by, seen_status=None):
    """Cancel a movement or remove a site; parties it was relayed to are to be told again."""
    if not rules.may_change(by, notification):
        _refuse()
    lock_unchanged(notification, "status", seen_status)
    if not notification.is_open:
        raise ValidationError(_("“%(name)s” is already cancelled or removed.") % {"name": notification})
    notification.status = (
        MovementStatus.CANCELLED if isinstance(notification, Movement) else SiteStatus.REMOVED
    )
    notification._history_user = by
    notification.save()
    return notification


MOVEMENT_STEPS = {
    MovementStatus.UNDER_WAY: [MovementStatus.PLANNED],
    MovementStatus.COMPLETED: [MovementStatus.PLANNED, MovementStatus.UNDER_WAY],
}


@transaction.atomic
def movement_status(*, movement: Movement, status: str, by, seen_status=None) -> Movement:
    """Under way, completed: told by the organisation or the cell (cancelling is ``notification_cancel``)."""
    if not rules.may_change(by, movement):
        _refuse()
    if status not in MOVEMENT_STEPS:
        raise ValidationError({"status": _("Choose under way or completed.")})
    lock_unchanged(movement, "status", seen_status)
    if movement.status not in MOVEMENT_STEPS[status]:
        raise ValidationError(
            _("A movement that is %(status)s cannot become %(new)s.")
            % {"status": movement.get_status_display(), "new": MovementStatus(status).label}
        )
    # Not a change the parties must be told of: the version (what was relayed) stays as it is.
    Movement.objects.filter(pk=movement.pk, status=movement.status).update(
        status=status, updated_at=timezone.now()
    )
    movement.refresh_from_db()
    return movement


# --- The cell: check, relay, acknowledge --------------------------------------------------------


@transaction.atomic
def notification_check(*, notification, by):
    """The cell has read the notification (it verifies nothing): once, by the first to do it."""
    if not rules.runs_hns(by, notification.operation_id):
        _refuse()
    done = (
        type(notification)
        ._default_manager.filter(pk=notification.pk, checked_at__isnull=True)
        .update(checked_at=timezone.now(), checked_by=by)
    )
    notification.refresh_from_db(fields=["checked_at", "checked_by", "version"])
    if not done:
        raise ValidationError(
            _("%(who)s already checked it at %(when)s.")
            % {
                "who": notification.checked_by or _("Someone"),
                "when": _local(notification, notification.checked_at),
            }
        )
    return notification


def _local(record, moment) -> str:
    return timezone.localtime(moment, record.operation.zone).strftime("%Y-%m-%d %H:%M")


@transaction.atomic
def relay(*, notification, parties, by, relayed_at=None, seen_version=None) -> list[Relay]:
    """Record that the cell passed this version of the notification to each party (actor, contact).

    ``seen_version`` is the version the officer read: if it changed since, nothing is recorded
    (they would relay what they have not read). The kind follows from what the party had:
    first relay, a change, or a cancellation.
    """
    if not rules.runs_hns(by, notification.operation_id):
        _refuse()
    lock_unchanged(notification, "version", seen_version)
    relayed_at = relayed_at or timezone.now()
    try:
        validate_calendar_range(relayed_at)
    except ValidationError as exc:
        raise ValidationError({"relayed_at": exc.messages}) from None
    if relayed_at > timezone.now() + dt.timedelta(minutes=5):
        raise ValidationError({"relayed_at": _("A relay cannot be recorded in the future.")})
    if not parties:
        raise ValidationError({"parties": _("Choose at least one party.")})
    field = "site" if isinstance(notification, StaticSite) else "movement"
    earlier = set(Relay.objects.filter(**{field: notification}).values_list("party_id", flat=True))
    made = []
    for party, contact in parties:
        if party.operation_id != notification.operation_id:
            raise ValidationError(
                {"parties": _("This belongs to another operation; choose one of this operation's.")}
            )
        if contact is not None and contact.actor_id != party.pk:
            raise ValidationError(
                {
                    "contact": _("%(contact)s is not a contact of %(party)s.")
                    % {"contact": contact, "party": party}
                }
            )
        if not notification.is_open:
            kind = RelayKind.CANCELLATION
        else:
            kind = RelayKind.CHANGE if party.pk in earlier else RelayKind.NOTIFICATION
        try:
            with transaction.atomic():
                made.append(
                    Relay.objects.create(
                        operation_id=notification.operation_id,
                        party=party,
                        contact=contact,
                        kind=kind,
                        version=notification.version,
                        relayed_at=relayed_at,
                        relayed_by=by,
                        **{field: notification},
                    )
                )
        except IntegrityError:
            raise ValidationError(
                {"parties": _("This version was already relayed to %(party)s.") % {"party": party}}
            ) from None
    return made


@transaction.atomic
def acknowledge(*, relay_record: Relay, by, acknowledged_at=None, reference: str = "") -> Relay:
    """Record the party's acknowledgement of one relay: once (a second recording is refused)."""
    if not rules.runs_hns(by, relay_record.operation_id):
        _refuse()
    acknowledged_at = acknowledged_at or timezone.now()
    if acknowledged_at < relay_record.relayed_at:
        raise ValidationError({"acknowledged_at": _("A party cannot acknowledge before the relay.")})
    if acknowledged_at > timezone.now() + dt.timedelta(minutes=5):
        raise ValidationError({"acknowledged_at": _("An acknowledgement cannot be recorded in the future.")})
    done = Relay.objects.filter(pk=relay_record.pk, acknowledged_at__isnull=True).update(
        acknowledged_at=acknowledged_at,
        acknowledgement_reference=(reference or "").strip(),
        acknowledgement_recorded_by=by,
        updated_at=timezone.now(),
    )
    relay_record.refresh_from_db()
    if not done:
        raise ValidationError(
            _("%(who)s already recorded %(party)s's acknowledgement.")
            % {"who": relay_record.acknowledgement_recorded_by or _("Someone"), "party": relay_record.party}
        )
    return relay_record


@transaction.atomic
def incident_record(*, notification, by, occurred_at, description, party=None) -> Incident:
    """An incident affecting a notified site or movement, for the cell to raise with the party."""
    if not rules.may_change(by, notification):
        _refuse()
    incident = Incident(
        operation_id=notification.operation_id,
        occurred_at=occurred_at,
        description=(description or "").strip(),
        party=party,
        recorded_by=by,
        **{notification.kind: notification},
    )
    incident._history_user = by
    incident.full_clean()
    incident.save()
    return incident


@transaction.atomic
def incident_raised(*, incident: Incident, by) -> Incident:
    if not rules.runs_hns(by, incident.operation_id):
        _refuse()
    Incident.objects.filter(pk=incident.pk, raised_at__isnull=True).update(raised_at=timezone.now())
    incident.refresh_from_db()
    return incident


# --- Selections the pages, the queues and the reminders share ---------------------------------------


def needing_relay_q(model) -> Q:
    """Open notifications never relayed, or relayed to a party that has not had the current version.

    Closed ones whose cancellation some party has not had yet also count.
    """
    field = "site" if model is StaticSite else "movement"
    relays = Relay.objects.filter(**{field: OuterRef("pk")})
    current = Relay.objects.filter(
        **{field: OuterRef(OuterRef("pk")), "version": OuterRef(OuterRef("version"))}
    )
    behind = relays.exclude(party__in=current.values("party"))
    open_q = (
        Q(status=SiteStatus.ACTIVE)
        if model is StaticSite
        else Q(status__in=[MovementStatus.PLANNED, MovementStatus.UNDER_WAY])
    )
    return (open_q & ~Exists(relays)) | Exists(behind)


def overdue_relays(qs, now: dt.datetime):
    """Relays no party acknowledged within the operation's hours (each operation its own)."""
    custom = dict(HnsSettings.objects.values_list("operation_id", "acknowledgement_overdue_hours"))
    default = HnsSettings._meta.get_field("acknowledgement_overdue_hours").default
    q = Q(relayed_at__lte=now - dt.timedelta(hours=default)) & ~Q(operation_id__in=list(custom))
    for operation_id, hours in custom.items():
        q |= Q(operation_id=operation_id, relayed_at__lte=now - dt.timedelta(hours=hours))
    return qs.unacknowledged().filter(q)
