"""Writes of the cell: requests from the field, their triage, and the HCT/UNCT's RFA decision."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from actors.models import Actor
from assets.models import AssetDeployment
from cell import rules
from cell.models import AssistanceRequest, CellRequest
from cell.reminders import subject_of
from cmcoord.i18n import override_for
from cmcoord.models import NotificationKind
from cmcoord.permissions import can, ensure, visible_related
from cmcoord.reminders.events import tell
from cmcoord.services import lock_for_decision, lock_unchanged, record_save
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
def cell_request_close(
    *, cell_request: CellRequest, by, outcome: str = "", note: str = "", seen_status: str | None = None
) -> CellRequest:
    """The cell closes a request (an RFA with its outcome); its sender may withdraw their own."""
    if not rules.can_close_cell_request(by, cell_request):
        raise PermissionDenied(_("Only the cell or the sender can close this request."))
    lock_unchanged(cell_request, "status", seen_status)
    if cell_request.status == CellRequest.Status.CLOSED:
        raise ValidationError(_("This request is already closed."))
    rfa = cell_request.rfa_details
    by_cell = can(by, rules.STEP_PERMISSION[rules.CLOSE], cell_request.operation_id)
    if rfa is not None:
        if not by_cell:
            outcome = AssistanceRequest.Outcome.WITHDRAWN
        if outcome not in AssistanceRequest.Outcome.values:
            raise ValidationError({"outcome": _("Choose what became of the request.")})
        lock_for_decision(rfa)
        rfa.outcome, rfa.outcome_note = outcome, (note or "").strip()
        _save(rfa, by)
    cell_request.status = CellRequest.Status.CLOSED
    _save(cell_request, by)
    if by != cell_request.submitted_by:
        _tell_sender(cell_request, gettext_lazy("The cell closed your request: %(title)s"))
    return cell_request


@transaction.atomic
def cell_request_triage(*, cell_request: CellRequest, by, seen_status: str | None = None) -> CellRequest:
    """The cell has read the request and takes it on (an RFA then goes to the HCT/UNCT)."""
    ensure(by, rules.STEP_PERMISSION[rules.TRIAGE], cell_request.operation_id)
    lock_unchanged(cell_request, "status", seen_status)
    rules.require_step(rules.TRIAGE, cell_request)
    cell_request.status = CellRequest.Status.TRIAGED
    _save(cell_request, by)
    if cell_request.is_rfa:
        _tell_sender(
            cell_request, gettext_lazy("The cell triaged your RFA; it goes to the HCT/UNCT: %(title)s")
        )
    else:
        _tell_sender(cell_request, gettext_lazy("The cell is dealing with your request: %(title)s"))
    return cell_request


def _tell_sender(cell_request: CellRequest, title, **values) -> None:
    """``title``: a lazy text with ``%(title)s`` (the request's) and ``values``, written in the
    sender's language, not the language of whoever acted."""
    sender = cell_request.submitted_by
    if sender is None:
        return
    with override_for(sender, cell_request.operation):
        text = str(title) % {"title": cell_request.title, **values}
    tell(
        recipient=sender,
        operation_id=cell_request.operation_id,
        kind=NotificationKind.CELL_REQUEST_UPDATE,
        subject=subject_of(cell_request),
        title=text,
        url=cell_request.get_absolute_url(),
    )


@transaction.atomic
def rfa_decide(*, rfa: AssistanceRequest, endorse: bool, note: str, by) -> AssistanceRequest:
    """The HCT/UNCT endorses (checklist complete) or declines an RFA, once."""
    ensure(by, rules.STEP_PERMISSION[rules.ENDORSE], rfa.cell_request.operation_id)
    lock_for_decision(rfa)
    if rfa.endorsement == AssistanceRequest.Endorsement.PENDING:
        rules.require_step(rules.ENDORSE, rfa.cell_request)
    else:
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


def _lock_rfa(rfa: AssistanceRequest, step: str, seen_response: str | None) -> None:
    """Lock the RFA, refuse if the military answer moved on since the person's page, check the step."""
    lock_unchanged(rfa, "military_response", seen_response)
    rfa.cell_request.refresh_from_db()
    rules.require_step(step, rfa.cell_request)


@transaction.atomic
def rfa_send(
    *, rfa: AssistanceRequest, actor, by, contact=None, sent_at=None, seen_response: str | None = None
) -> AssistanceRequest:
    """The cell sends an endorsed RFA to the military: to which actor and contact, when, by whom."""
    ensure(by, rules.STEP_PERMISSION[rules.SEND], rfa.cell_request.operation_id)
    _lock_rfa(rfa, rules.SEND, seen_response)
    if actor is None or not Actor.objects.filter(pk=actor.pk).mcda_providers().exists():
        raise ValidationError({"actor": _("Choose the military actor it goes to.")})
    if actor.operation_id != rfa.cell_request.operation_id:
        raise ValidationError({"actor": _("This actor belongs to another operation.")})
    if sent_at and sent_at > timezone.now():
        raise ValidationError({"sent_at": _("This moment is still to come.")})
    rfa.sent_to_actor, rfa.sent_to_contact = actor, contact
    rfa.sent_at, rfa.sent_by = sent_at or timezone.now(), by
    rfa.military_response = AssistanceRequest.MilitaryResponse.PENDING
    _save(rfa, by)
    _tell_sender(rfa.cell_request, gettext_lazy("The cell sent your RFA to the military: %(title)s"))
    return rfa


ANSWER_TEXTS = {
    AssistanceRequest.MilitaryResponse.ACCEPTED: gettext_lazy("The military accepted your RFA: %(title)s"),
    AssistanceRequest.MilitaryResponse.PARTLY: gettext_lazy(
        "The military partly accepted your RFA: %(title)s"
    ),
    AssistanceRequest.MilitaryResponse.DECLINED: gettext_lazy("The military declined your RFA: %(title)s"),
}


@transaction.atomic
def rfa_record_answer(
    *,
    rfa: AssistanceRequest,
    response: str,
    by,
    offer: str = "",
    offer_from=None,
    offer_until=None,
    seen_response: str | None = None,
) -> AssistanceRequest:
    """The cell records the military's answer: accepted, partly or declined; what they offer, when."""
    ensure(by, rules.STEP_PERMISSION[rules.RECORD_ANSWER], rfa.cell_request.operation_id)
    _lock_rfa(rfa, rules.RECORD_ANSWER, seen_response)
    if response not in ANSWER_TEXTS:
        raise ValidationError({"response": _("Choose accepted, partly accepted or declined.")})
    if response in rules.DEPLOYABLE_ANSWERS and not (offer or "").strip():
        raise ValidationError({"offer": _("Say what the military offer.")})
    rfa.military_response = response
    rfa.military_offer = (offer or "").strip()
    rfa.military_offer_from, rfa.military_offer_until = offer_from, offer_until
    rfa.military_answered_at, rfa.military_answer_recorded_by = timezone.now(), by
    _save(rfa, by)
    _tell_sender(rfa.cell_request, ANSWER_TEXTS[response])
    return rfa


def rfa_deployment_initial(rfa: AssistanceRequest) -> dict:
    """The deployment's fields as the RFA and the military's answer give them (the officer reviews)."""
    request = rfa.cell_request
    capability = rules.CAPABILITY_OF_TASK.get(rfa.task_type, "")
    base = rfa.pickup_location or rfa.delivery_location
    return {
        "name": request.title[:200],
        "provider": rfa.sent_to_actor_id,
        "capability": capability,
        "base": base[:200],
        "support_type": "direct",
        "areas": [request.area_id] if request.area_id else [],
        "status": "requested",
        "deployed_on": rfa.military_offer_from or rfa.needed_by,
        "phase_out_on": rfa.military_offer_until,
        "phase_out_plan": rfa.exit_plan,
        "sensitivity": request.sensitivity,
    }


@transaction.atomic
def rfa_create_deployment(
    *, rfa: AssistanceRequest, asset: AssetDeployment, by, m2m: dict | None = None
) -> AssetDeployment:
    """The MCDA deployment the accepted RFA became, created once and linked to it."""
    ensure(by, rules.STEP_PERMISSION[rules.CREATE_DEPLOYMENT], rfa.cell_request.operation_id)
    lock_for_decision(rfa)
    rfa.cell_request.refresh_from_db()
    if rfa.resulting_asset_id is not None:
        raise ValidationError(
            _("%(who)s already created the deployment for this request: %(asset)s.")
            % {"who": _last_editor(rfa), "asset": rfa.resulting_asset}
        )
    rules.require_step(rules.CREATE_DEPLOYMENT, rfa.cell_request)
    asset.operation_id = rfa.cell_request.operation_id
    record_save(instance=asset, by=by, m2m=m2m)
    rfa.resulting_asset = asset
    _save(rfa, by)
    _tell_sender(rfa.cell_request, gettext_lazy("The MCDA deployment for your RFA is recorded: %(title)s"))
    return asset


def _last_editor(rfa) -> str:
    last = rfa.history.select_related("history_user").first()
    return str((last and last.history_user) or _("Someone"))
