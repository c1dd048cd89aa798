"""Writes of meetings: action points, a sitting's participants and its minutes."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cmcoord.i18n import override_for
from cmcoord.models import Notification, NotificationKind
from cmcoord.permissions import ensure
from cmcoord.services import based_on, lock_unchanged, record_save
from meetings.models import ActionPoint, Meeting, Participant
from meetings.rules import can_update_action_point


def _save(instance, by, **extra):
    instance._history_user = by
    instance.full_clean()
    instance.save(**extra)
    return instance


@transaction.atomic
def action_point_save(
    *, instance: ActionPoint, by, m2m: dict | None = None, version: int | None = None
) -> ActionPoint:
    """Create or edit an action point (``record_save``); whoever is newly given it is told at once."""
    previous_owner = _stored_owner_id(instance)
    record_save(instance=instance, by=by, m2m=m2m, version=version)
    _tell_new_owner(instance, previous_owner, by)
    return instance


def _stored_owner_id(instance):
    """The owner as stored before this save."""
    if instance.pk is None:
        return None
    return type(instance).objects.filter(pk=instance.pk).values_list("owner_id", flat=True).first()


def _tell_new_owner(instance, previous_owner, by) -> None:
    """Whoever is given an action point hears of it at once, not only when it falls due."""
    owner_id = instance.owner_id
    if owner_id is None or owner_id == previous_owner or owner_id == getattr(by, "pk", None):
        return
    owner = get_user_model().objects.get(pk=owner_id)
    with override_for(owner, instance.operation):  # in the owner's language, not the officer's
        title = _("Action point for you, due %(date)s: %(title)s") % {
            "date": f"{instance.due_date:%Y-%m-%d}",
            "title": instance.title,
        }
    Notification.objects.create(
        recipient=owner,
        operation_id=instance.operation_id,
        kind=NotificationKind.ACTION_POINT_ASSIGNED,
        title=title[:300],
        url=instance.get_absolute_url(),
    )


@transaction.atomic
def action_point_update(
    *,
    action_point: ActionPoint,
    by,
    status: str | None = None,
    progress_note=None,
    seen_status: str | None = None,
    version: int | None = None,
):
    """Its owner or an officer moves an action point along; done/cancelled stamps closed_at.

    Of two people changing its status at the same moment (the owner marks it done while an
    officer cancels it), one change stands and the other is told who made it (``seen_status``:
    the status their page showed). ``version``: the one the person read; a save based on an
    older one is refused (RecordChanged), so a progress note is not overwritten either.
    """
    if not can_update_action_point(by, action_point):
        raise PermissionDenied(_("Only the owner or a CMCoord officer can update this action point."))
    lock_unchanged(action_point, "status", seen_status)
    based_on(action_point, version)
    if status is not None:
        if status not in ActionPoint.Status.values:
            raise ValidationError({"status": _("Unknown status %(status)r.") % {"status": status}})
        action_point.status = status
    if progress_note is not None:
        action_point.progress_note = progress_note
    closed = action_point.status in {ActionPoint.Status.DONE, ActionPoint.Status.CANCELLED}
    if closed and action_point.closed_at is None:
        action_point.closed_at = timezone.now()
    elif not closed:
        action_point.closed_at = None
    return _save(action_point, by)


@transaction.atomic
def meeting_invite_forum_members(*, meeting: Meeting, by) -> int:
    """A new sitting of a forum starts with its standing members as participants."""
    ensure(by, "manage_registry", meeting.operation_id)
    if meeting.forum_id is None:
        return 0
    invited = set(meeting.participants.values_list("actor_id", flat=True))
    added = 0
    for seat in meeting.forum.members.select_related("actor", "representative"):
        if seat.actor_id in invited:
            continue
        _save(Participant(meeting=meeting, actor=seat.actor, contact=seat.representative), by)
        added += 1
    return added
