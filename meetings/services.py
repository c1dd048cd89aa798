"""Writes of the cell: requests from the field, their triage, RFA endorsement, action points."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from cmcoord.models import Notification, NotificationKind
from cmcoord.permissions import can_close_cell_request, ensure, visible_related
from cmcoord.services import record_save
from meetings.models import ActionPoint, AgendaItem, AssistanceRequest, CellRequest, Meeting, Participant
from meetings.rules import can_update_action_point


def _save(instance, by, **extra):
    instance._history_user = by
    instance.full_clean()
    instance.save(**extra)
    return instance


@transaction.atomic
def cell_request_submit(*, operation, by, rfa: dict | None = None, **fields) -> CellRequest:
    """Field staff (and officers) send a request or concern to the cell."""
    ensure(by, "submit_cell_requests", operation.pk)
    request = CellRequest(operation=operation, submitted_by=by, status=CellRequest.Status.SUBMITTED, **fields)
    _save(request, by)
    if request.kind == CellRequest.Kind.ASSISTANCE:
        if not rfa:
            raise ValidationError({"rfa": "A request for military assistance needs its details."})
        details = AssistanceRequest(cell_request=request, **rfa)
        details.endorsement = AssistanceRequest.Endorsement.PENDING
        _check_rfa_case(details, operation)
        _save(details, by)
    elif rfa:
        raise ValidationError({"rfa": "Only a request for military assistance carries RFA details."})
    return request


def _check_rfa_case(rfa: AssistanceRequest, operation) -> None:
    """An RFA reaches the cell with its last-resort case made and a date still ahead."""
    errors = {}
    asks = {
        "civilian_alternatives_tried": "Say which civilian means were tried.",
        "why_alternatives_fail": "Say why the civilian means cannot do it.",
        "unique_capability": "Say what only the military can bring, or why time rules out others.",
        "exit_plan": "Give the planned duration and how the military hand back.",
    }
    for field, message in asks.items():
        if not getattr(rfa, field).strip():
            errors[field] = message
    if not rfa.complements_civilian_capacity:
        errors["complements_civilian_capacity"] = "Military assets may only complement civilian capacity."
    if rfa.needed_by and rfa.needed_by < timezone.now().astimezone(operation.zone).date():
        errors["needed_by"] = "This date has passed."
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def cell_request_table(*, cell_request: CellRequest, agenda_item: AgendaItem, by) -> CellRequest:
    ensure(by, "triage_cell_requests", cell_request.operation_id)
    if agenda_item.meeting.operation_id != cell_request.operation_id:
        raise ValidationError({"agenda_item": "This agenda item is from another operation's meeting."})
    if cell_request.status == CellRequest.Status.CLOSED:
        raise ValidationError("This request is closed.")
    cell_request.tabled_at = agenda_item
    cell_request.status = CellRequest.Status.TABLED
    _save(cell_request, by)
    meeting = (
        visible_related(cell_request.submitted_by, agenda_item, "meeting")
        if cell_request.submitted_by
        else None
    )
    _tell_sender(cell_request, f"Your request was tabled at {meeting or 'a cell meeting'}")
    return cell_request


@transaction.atomic
def cell_request_answer(*, cell_request: CellRequest, response: str, by) -> CellRequest:
    ensure(by, "triage_cell_requests", cell_request.operation_id)
    if not (response or "").strip():
        raise ValidationError({"response": "Write the response the sender will read."})
    cell_request.response = response.strip()
    cell_request.responded_by = by
    cell_request.responded_at = timezone.now()
    cell_request.status = CellRequest.Status.ANSWERED
    _save(cell_request, by)
    _tell_sender(cell_request, "The cell answered your request")
    return cell_request


@transaction.atomic
def cell_request_close(*, cell_request: CellRequest, by) -> CellRequest:
    """The cell closes a request; its sender may close (withdraw) their own at any time."""
    if not can_close_cell_request(by, cell_request):
        raise PermissionDenied("Only the cell or the sender can close this request.")
    cell_request.status = CellRequest.Status.CLOSED
    return _save(cell_request, by)


def _tell_sender(cell_request: CellRequest, title: str) -> None:
    if cell_request.submitted_by_id is None:
        return
    Notification.objects.create(
        recipient_id=cell_request.submitted_by_id,
        operation_id=cell_request.operation_id,
        kind=NotificationKind.CELL_REQUEST_UPDATE,
        title=f"{title}: {cell_request.title}",
        url=f"/operations/{cell_request.operation_id}/requests/{cell_request.pk}/",
    )


@transaction.atomic
def rfa_decide(*, rfa: AssistanceRequest, endorse: bool, note: str, by) -> AssistanceRequest:
    """The HCT/UNCT endorses (checklist complete) or declines an RFA, once."""
    ensure(by, "endorse_rfas", rfa.cell_request.operation_id)
    if rfa.endorsement != AssistanceRequest.Endorsement.PENDING:
        raise ValidationError("The HCT/UNCT has already decided on this request.")
    if endorse and rfa.missing_last_resort_items():
        missing = ", ".join(rfa.missing_last_resort_items())
        raise ValidationError(f"The last-resort checklist is incomplete: {missing}.")
    if not endorse and not (note or "").strip():
        raise ValidationError({"note": "Say why the request is declined."})
    rfa.endorsement = (
        AssistanceRequest.Endorsement.ENDORSED if endorse else AssistanceRequest.Endorsement.DECLINED
    )
    rfa.endorsed_by = by
    rfa.endorsed_at = timezone.now()
    rfa.endorsement_note = (note or "").strip()
    _save(rfa, by)
    _tell_sender(rfa.cell_request, "The HCT/UNCT " + ("endorsed" if endorse else "declined") + " your RFA")
    return rfa


@transaction.atomic
def action_point_save(*, instance: ActionPoint, by, m2m: dict | None = None) -> ActionPoint:
    """Create or edit an action point (``record_save``); whoever is newly given it is told at once."""
    previous_owner = _stored_owner_id(instance)
    record_save(instance=instance, by=by, m2m=m2m)
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
    Notification.objects.create(
        recipient_id=owner_id,
        operation_id=instance.operation_id,
        kind=NotificationKind.ACTION_POINT_ASSIGNED,
        title=f"Action point for you, due {instance.due_date:%Y-%m-%d}: {instance.title}"[:300],
        url=instance.get_absolute_url(),
    )


@transaction.atomic
def action_point_update(*, action_point: ActionPoint, by, status: str | None = None, progress_note=None):
    """Its owner or an officer moves an action point along; done/cancelled stamps closed_at."""
    if not can_update_action_point(by, action_point):
        raise PermissionDenied("Only the owner or a CMCoord officer can update this action point.")
    if status is not None:
        if status not in ActionPoint.Status.values:
            raise ValidationError({"status": f"Unknown status {status!r}."})
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


@transaction.atomic
def meeting_record_minutes(*, meeting: Meeting, by, minutes=None, summary=None) -> Meeting:
    ensure(by, "manage_registry", meeting.operation_id)
    if minutes is not None:
        meeting.minutes = minutes
    if summary is not None:
        meeting.summary = summary
    return _save(meeting, by)
