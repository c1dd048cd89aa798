"""Writes of meetings: action points, a sitting's participants and its minutes."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cmcoord.i18n import override_for
from cmcoord.models import Notification, NotificationKind
from cmcoord.permissions import ensure
from cmcoord.reminders.events import tell
from cmcoord.services import based_on, lock_unchanged, record_save
from meetings.models import ActionPoint, Meeting, Participant
from meetings.record import local
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


# --- "Send summary to participants" -------------------------------------------------------------

SUMMARY_RECORD = "meeting_summary"  # the reminder source's name: deliveries' subject "meeting_summary:<pk>"


def summary_recipients(meeting: Meeting) -> list:
    """The participants with a user account who may read the meeting (active members of its
    operation; a restricted meeting only for those who may read it or were given it)."""
    users = {
        p.user
        for p in meeting.participants.filter(user__isnull=False, user__is_active=True).select_related("user")
    }
    readable = [user for user in users if Meeting.objects.for_user(user).filter(pk=meeting.pk).exists()]
    return sorted(readable, key=lambda user: str(user).lower())


@transaction.atomic
def meeting_summary_send(*, meeting: Meeting, by) -> list:
    """Send the summary, the decisions and the action points to the participants, once.

    Taken once by a conditional update (a double submit, or two officers at the same moment: the
    second finds it sent and sends nothing). Each recipient is told in the app at once and by
    e-mail through the reminder delivery (after the commit, retried until the server accepts it);
    the e-mail is composed at send time in the recipient's language and for what they may read
    (``meetings.reminders.summary_message``). Returns the recipients.
    """
    ensure(by, "manage_registry", meeting.operation_id)
    now = timezone.now()
    taken = Meeting.objects.filter(pk=meeting.pk, summary_sent_at__isnull=True).update(
        summary_sent_at=now, summary_sent_by=by
    )
    if not taken:
        meeting.refresh_from_db(fields=["summary_sent_at", "summary_sent_by"])
        raise SummaryAlreadySent(meeting)
    meeting.summary_sent_at, meeting.summary_sent_by = now, by
    recipients = summary_recipients(meeting)
    for user in recipients:
        with override_for(user, meeting.operation):  # the in-app title in the recipient's language
            title = summary_title(meeting)
        tell(
            recipient=user,
            operation_id=meeting.operation_id,
            kind=NotificationKind.MEETING_SUMMARY,
            subject=f"{SUMMARY_RECORD}:{meeting.pk}",
            title=title,
            url=meeting.get_absolute_url(),
        )
    return recipients


def summary_title(meeting: Meeting) -> str:
    return _("Summary and decisions of the meeting: %(title)s") % {"title": meeting.title}


class SummaryAlreadySent(ValidationError):
    def __init__(self, meeting: Meeting):
        self.meeting = meeting
        super().__init__(
            _("The summary was already sent on %(when)s by %(who)s: it goes out once.")
            % {
                "when": local(meeting.summary_sent_at, meeting.operation.zone).strftime("%Y-%m-%d %H:%M"),
                "who": meeting.summary_sent_by or _("someone"),
            },
            code="already_sent",
        )
