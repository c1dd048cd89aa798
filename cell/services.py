"""Writes of the cell: requests from the field, their triage, and the HCT/UNCT's RFA decision."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cell import rules
from cell.models import AssistanceRequest, CellRequest
from cmcoord.i18n import override_for
from cmcoord.models import Notification, NotificationKind
from cmcoord.permissions import ensure, visible_related
from cmcoord.services import lock_for_decision, lock_unchanged
from meetings.models import AgendaItem


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
    if request.is_rfa:
        if not rfa:
            raise ValidationError({"rfa": _("A request for military assistance needs its details.")})
        details = AssistanceRequest(cell_request=request, **rfa)
        details.endorsement = AssistanceRequest.Endorsement.PENDING
        _check_rfa_case(details, operation)
        _save(details, by)
    elif rfa:
        raise ValidationError({"rfa": _("Only a request for military assistance carries RFA details.")})
    return request


def _check_rfa_case(rfa: AssistanceRequest, operation) -> None:
    """An RFA reaches the cell with its last-resort case made and a date still ahead."""
    errors = rules.last_resort_errors(rfa)
    if rfa.needed_by and rfa.needed_by < timezone.now().astimezone(operation.zone).date():
        errors["needed_by"] = _("This date has passed.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def cell_request_table(
    *, cell_request: CellRequest, agenda_item: AgendaItem, by, seen_status: str | None = None
) -> CellRequest:
    """The cell puts a request on a meeting's agenda; of two officers tabling it at once, one does."""
    ensure(by, "triage_cell_requests", cell_request.operation_id)
    if agenda_item.meeting.operation_id != cell_request.operation_id:
        raise ValidationError({"agenda_item": _("This agenda item is from another operation's meeting.")})
    lock_unchanged(cell_request, "status", seen_status)
    if cell_request.status == CellRequest.Status.CLOSED:
        raise ValidationError(_("This request is closed."))
    cell_request.tabled_at = agenda_item
    cell_request.status = CellRequest.Status.TABLED
    _save(cell_request, by)
    meeting = (
        visible_related(cell_request.submitted_by, agenda_item, "meeting")
        if cell_request.submitted_by
        else None
    )
    if meeting is None:  # the sender may not see that meeting: it is not named
        _tell_sender(cell_request, gettext_lazy("Your request was tabled at a cell meeting: %(title)s"))
    else:
        _tell_sender(
            cell_request, gettext_lazy("Your request was tabled at %(meeting)s: %(title)s"), meeting=meeting
        )
    return cell_request


@transaction.atomic
def cell_request_answer(*, cell_request: CellRequest, response: str, by) -> CellRequest:
    ensure(by, "triage_cell_requests", cell_request.operation_id)
    if not (response or "").strip():
        raise ValidationError({"response": _("Write the response the sender will read.")})
    lock_for_decision(cell_request)
    if cell_request.status == CellRequest.Status.CLOSED:
        raise ValidationError(_("This request is closed."))
    if cell_request.status == CellRequest.Status.ANSWERED and cell_request.responded_by_id != by.pk:
        when = timezone.localtime(cell_request.responded_at)
        raise ValidationError(
            _("%(who)s answered this request at %(when)s: read their answer before you write another.")
            % {"who": cell_request.responded_by, "when": f"{when:%Y-%m-%d %H:%M}"}
        )
    cell_request.response = response.strip()
    cell_request.responded_by = by
    cell_request.responded_at = timezone.now()
    cell_request.status = CellRequest.Status.ANSWERED
    _save(cell_request, by)
    _tell_sender(cell_request, gettext_lazy("The cell answered your request: %(title)s"))
    return cell_request


@transaction.atomic
def cell_request_close(*, cell_request: CellRequest, by) -> CellRequest:
    """The cell closes a request; its sender may close (withdraw) their own at any time."""
    if not rules.can_close_cell_request(by, cell_request):
        raise PermissionDenied(_("Only the cell or the sender can close this request."))
    lock_for_decision(cell_request)
    if cell_request.status == CellRequest.Status.CLOSED:
        raise ValidationError(_("This request is already closed."))
    cell_request.status = CellRequest.Status.CLOSED
    return _save(cell_request, by)


def _tell_sender(cell_request: CellRequest, title, **values) -> None:
    """``title``: a lazy text with ``%(title)s`` (the request's) and ``values``, written in the
    sender's language, not the language of whoever acted."""
    sender = cell_request.submitted_by
    if sender is None:
        return
    with override_for(sender, cell_request.operation):
        text = str(title) % {"title": cell_request.title, **values}
    Notification.objects.create(
        recipient=sender,
        operation_id=cell_request.operation_id,
        kind=NotificationKind.CELL_REQUEST_UPDATE,
        title=text[:300],
        url=cell_request.get_absolute_url(),
    )


@transaction.atomic
def rfa_decide(*, rfa: AssistanceRequest, endorse: bool, note: str, by) -> AssistanceRequest:
    """The HCT/UNCT endorses (checklist complete) or declines an RFA, once."""
    ensure(by, "endorse_rfas", rfa.cell_request.operation_id)
    lock_for_decision(rfa)
    if rfa.endorsement != AssistanceRequest.Endorsement.PENDING:
        when = timezone.localtime(rfa.endorsed_at)
        values = {"decision": rfa.get_endorsement_display().lower(), "when": f"{when:%Y-%m-%d %H:%M}"}
        if rfa.endorsed_by is None:
            raise ValidationError(
                _("The HCT/UNCT already decided on this request (%(decision)s, %(when)s).") % values
            )
        raise ValidationError(
            _("%(who)s already decided on this request (%(decision)s, %(when)s).")
            % {**values, "who": rfa.endorsed_by}
        )
    if endorse:
        rules.require_last_resort_case(rfa)
    if not endorse and not (note or "").strip():
        raise ValidationError({"note": _("Say why the request is declined.")})
    rfa.endorsement = (
        AssistanceRequest.Endorsement.ENDORSED if endorse else AssistanceRequest.Endorsement.DECLINED
    )
    rfa.endorsed_by = by
    rfa.endorsed_at = timezone.now()
    rfa.endorsement_note = (note or "").strip()
    _save(rfa, by)
    if endorse:
        # Translators: HCT/UNCT = Humanitarian Country Team / UN Country Team; RFA = request for assistance.
        _tell_sender(rfa.cell_request, gettext_lazy("The HCT/UNCT endorsed your RFA: %(title)s"))
    else:
        _tell_sender(rfa.cell_request, gettext_lazy("The HCT/UNCT declined your RFA: %(title)s"))
    return rfa
