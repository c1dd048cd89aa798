"""The meeting record as one reader may read it: what the print view, the DOCX file and the summary
e-mail show, built once here so the three never disagree about what is masked.

Participants, action points, the forum and the organisations named come through their own
``for_user``; the minutes only for those ``can_read_minutes`` allows. A handful of queries per
record, whatever its size (no query per participant or per action point).
"""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from actors.models import Actor
from cmcoord.permissions import visible_related
from meetings.models import ActionPoint, AgendaItem, Decision, Meeting, Participant
from meetings.rules import can_read_minutes


def local(moment, zone):
    """A moment in the operation's time zone; at the very edge of the calendar, as stored (UTC)."""
    try:
        return timezone.localtime(moment, zone)
    except OverflowError:
        return moment


@dataclass
class ParticipantGroup:
    """Participants of one organisation (``actor`` None: members of the operation, or no organisation)."""

    actor: Actor | None
    participants: list = field(default_factory=list)

    @property
    def label(self) -> str:
        return str(self.actor) if self.actor is not None else _("No organisation named")


@dataclass
class MeetingRecord:
    meeting: Meeting
    forum: object
    chair: object
    agenda: list
    groups: list
    decisions: list
    action_points: list
    minutes: str | None  # None: this reader may not read them (or there are none)

    @property
    def participant_count(self) -> int:
        return sum(len(group.participants) for group in self.groups)


def organisation_of(participant, visible_actor_ids: set[int]):
    """The organisation a participant stands for, if the reader may see it: its actor, else its
    contact's actor."""
    for actor in (participant.actor, participant.contact.actor if participant.contact_id else None):
        if actor is not None and actor.pk in visible_actor_ids:
            return actor
    return None


def visible_actor_ids(user, participants) -> set[int]:
    """Of the organisations these participants name (directly or through their contact), the ones
    the reader may see: one query."""
    ids = {p.actor_id for p in participants if p.actor_id}
    ids |= {p.contact.actor_id for p in participants if p.contact_id}
    if not ids:
        return set()
    return set(Actor.objects.for_user(user).filter(pk__in=ids).values_list("pk", flat=True))


def group_participants(user, participants) -> list[ParticipantGroup]:
    """Participants grouped by organisation, organisations by name, people without one last."""
    visible = visible_actor_ids(user, participants)
    groups: dict[int | None, ParticipantGroup] = {}
    for participant in participants:
        actor = organisation_of(participant, visible)
        key = actor.pk if actor is not None else None
        groups.setdefault(key, ParticipantGroup(actor)).participants.append(participant)
    named = sorted((g for k, g in groups.items() if k is not None), key=lambda g: str(g.actor).lower())
    return named + ([groups[None]] if None in groups else [])


def meeting_record(user, meeting: Meeting, *, with_minutes: bool = True) -> MeetingRecord:
    """``meeting`` must be one the user may read (found through ``Meeting.objects.for_user``)."""
    participants = list(
        Participant.objects.for_user(user)
        .filter(meeting=meeting)
        .select_related("actor", "contact__actor", "user")
        .order_by("id")
    )
    points = list(
        ActionPoint.objects.for_user(user)
        .filter(meeting=meeting)
        .select_related("owner", "owner_actor")
        .order_by("due_date", "id")
    )
    owner_actors = visible_owner_actors(user, points)
    for point in points:
        point.owner_shown = action_point_owner(user, point, owner_actors)
    minutes = None
    if with_minutes and meeting.minutes and can_read_minutes(user, meeting.operation_id):
        minutes = meeting.minutes
    return MeetingRecord(
        meeting=meeting,
        forum=visible_related(user, meeting, "forum"),
        chair=meeting.chair if meeting.chair_id else None,
        agenda=list(AgendaItem.objects.filter(meeting=meeting).order_by("position")),
        groups=group_participants(user, participants),
        decisions=list(Decision.objects.filter(meeting=meeting).select_related("agenda_item").order_by("id")),
        action_points=points,
        minutes=minutes,
    )


def action_point_owner(user, point, visible_owner_actor_ids: set[int]) -> str:
    """Who owns an action point, as the reader may see it: a person, or an organisation they see."""
    if point.owner_id:
        return str(point.owner)
    if point.owner_actor_id in visible_owner_actor_ids:
        return str(point.owner_actor)
    return "—"


def visible_owner_actors(user, points) -> set[int]:
    ids = {p.owner_actor_id for p in points if p.owner_actor_id}
    if not ids:
        return set()
    return set(Actor.objects.for_user(user).filter(pk__in=ids).values_list("pk", flat=True))
