"""The officers' pages for meetings (agenda, decisions, attendance), action points and forums."""

from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, ngettext_lazy, pgettext_lazy

from cmcoord.edit_views import RecordDeleteView, RecordFormView, RecordWords, _Refused
from cmcoord.models import RecordChanged
from cmcoord.services import idempotency_done
from cmcoord.views_base import claim_submission, earlier_submission, query_id, submission_token
from meetings import services
from meetings.forms import (
    ActionPointForm,
    AgendaFormSet,
    AttendanceFormSet,
    DecisionFormSet,
    ForumForm,
    ForumMemberFormSet,
    MeetingForm,
    MeetingMinutesForm,
    MeetingSummaryForm,
    MeetingVersionForm,
    ParticipantChoices,
    ParticipantFormSet,
    agenda_choices,
)
from meetings.models import ActionPoint, AgendaItem, CoordinationForum, Meeting, Participant
from meetings.record import group_participants


def _part(formset, legend, help_text=""):
    formset.legend, formset.help = legend, help_text
    return formset


MEETING_WORDS = RecordWords(
    new=gettext_lazy("New meeting"),
    edit=gettext_lazy("Edit meeting: %(name)s"),
    created=gettext_lazy("Meeting “%(name)s” created."),
    saved=gettext_lazy("Meeting “%(name)s” saved."),
    delete_link=gettext_lazy("Delete this meeting…"),
    delete_question=gettext_lazy("Delete meeting “%(name)s”?"),
    deleted=gettext_lazy("Meeting “%(name)s” deleted."),
)

ACTION_POINT_WORDS = RecordWords(
    new=gettext_lazy("New action point"),
    edit=gettext_lazy("Edit action point: %(name)s"),
    created=gettext_lazy("Action point “%(name)s” created."),
    saved=gettext_lazy("Action point “%(name)s” saved."),
    delete_link=gettext_lazy("Delete this action point…"),
    delete_question=gettext_lazy("Delete action point “%(name)s”?"),
    deleted=gettext_lazy("Action point “%(name)s” deleted."),
)

FORUM_WORDS = RecordWords(
    new=gettext_lazy("New forum"),
    edit=gettext_lazy("Edit forum: %(name)s"),
    created=gettext_lazy("Forum “%(name)s” created."),
    saved=gettext_lazy("Forum “%(name)s” saved."),
    delete_link=gettext_lazy("Delete this forum…"),
    delete_question=gettext_lazy("Delete forum “%(name)s”?"),
    deleted=gettext_lazy("Forum “%(name)s” deleted."),
)


class MeetingFormView(RecordFormView):
    """A new meeting: its details and its agenda. Once it exists, it is edited section by section."""

    model = Meeting
    form_class = MeetingForm
    words = MEETING_WORDS
    delete_route = "meetings:delete"

    def save(self, form, formsets) -> None:
        super().save(form, formsets)
        services.meeting_invite_forum_members(meeting=self.object, by=self.request.user)

    def get_formsets(self, data=None):
        agenda = AgendaFormSet(
            data,
            prefix="agenda",
            instance=self.object,
            initial=[{"position": i + 1} for i in range(AgendaFormSet.extra)],
            form_kwargs=self.form_kwargs(),
        )
        return [_part(agenda, _("Agenda"))]

    def cancel_url(self):
        return reverse("meetings:list", args=[self.operation.pk])


class Section:
    """One section of a meeting's edit pages: its URL name and its name in the section nav."""

    def __init__(self, key: str, label):
        self.key, self.label = key, label

    @property
    def route(self) -> str:
        return f"meetings:edit-{self.key}"


SECTIONS = [
    Section("details", pgettext_lazy("section of a meeting's edit pages", "Details")),
    Section("agenda", gettext_lazy("Agenda")),
    Section("participants", gettext_lazy("Participants")),
    Section("attendance", gettext_lazy("Attendance")),
    Section("decisions", gettext_lazy("Summary and decisions")),
    Section("minutes", gettext_lazy("Minutes")),
]
SECTION_TITLES = {
    "details": gettext_lazy("Meeting details: %(name)s"),
    "agenda": gettext_lazy("Agenda of the meeting: %(name)s"),
    "participants": gettext_lazy("Participants in the meeting: %(name)s"),
    "attendance": gettext_lazy("Attendance at the meeting: %(name)s"),
    "decisions": gettext_lazy("Summary and decisions of the meeting: %(name)s"),
    "minutes": gettext_lazy("Minutes of the meeting: %(name)s"),
}


class MeetingSectionView(RecordFormView):
    """One section of an existing meeting, saved on its own.

    Every section carries the meeting's ``version`` and saves the meeting with it, so a section
    opened before anyone's save (of any section) is refused with who saved (nothing of it is saved,
    what was typed stays on the page); each form also carries a one-time token, so a double click
    or a resend saves once.
    """

    model = Meeting
    words = MEETING_WORDS
    delete_route = "meetings:delete"
    template_name = "meetings/meeting_section.html"
    section = "details"

    def get_queryset(self):
        return super().get_queryset().select_related("operation")

    def success_url(self):
        return reverse(f"meetings:edit-{self.section}", args=[self.operation.pk, self.object.pk])

    def cancel_url(self):
        return self.object.get_absolute_url()

    def _post(self):
        earlier_submission(self.request)  # this very form was saved already: say so, save nothing
        return super()._post()

    def save_once(self, form, formsets) -> None:
        claim = claim_submission(self.request)
        self.save(form, formsets)
        if claim is not None:
            idempotency_done(claim, location=self.request.get_full_path())

    def _save_one(self, form, m2m=None):
        if form.fields.keys() - {"version"}:
            return super()._save_one(form, m2m=m2m)
        # Only the parts change here: a save based on an older version is always refused (the
        # parts of the two saves cannot be compared field by field); the token catches a double click.
        try:
            return self.save_record(form.save(commit=False), m2m=m2m, version=form.based_on())
        except RecordChanged as exc:
            form.show_record_changed(exc, self.stored_form(exc.record))
            self.record_changed = True
            raise _Refused from exc

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        name = self.saved_name
        context.update(
            title=str(SECTION_TITLES[self.section]) % {"name": name},
            sections=[
                (s, reverse(s.route, args=[self.operation.pk, self.object.pk]), s.key == self.section)
                for s in SECTIONS
            ],
            section=self.section,
            submission_token=submission_token(self.request),
            action=self.request.get_full_path(),
        )
        return context


class MeetingEditView(MeetingSectionView):
    """``meetings/<pk>/edit/``: the sections start with the details (for officers who may edit it)."""

    http_method_names = ["get", "head", "options"]

    def get(self, request, *args, **kwargs):
        meeting = self.get_object()
        return redirect("meetings:edit-details", op=self.operation.pk, pk=meeting.pk)


class MeetingDetailsView(MeetingSectionView):
    form_class = MeetingForm
    section = "details"


class MeetingAgendaView(MeetingSectionView):
    form_class = MeetingVersionForm
    section = "agenda"

    def get_formsets(self, data=None):
        positions = self.object.agenda_items.values_list("position", flat=True)
        next_position = max(positions, default=0) + 1
        agenda = AgendaFormSet(
            data,
            prefix="agenda",
            instance=self.object,
            initial=[{"position": next_position + i} for i in range(AgendaFormSet.extra)],
            form_kwargs=self.form_kwargs(),
        )
        return [_part(agenda, _("Agenda"), _("Number the items in the order they are taken."))]


class MeetingParticipantsView(MeetingSectionView):
    """Participants grouped by organisation; ``?q=`` narrows the list (a GET form, no script);
    ``?actor=<id>`` lists only that organisation's people in the rows to add (the two steps
    "choose the organisation, then the person")."""

    form_class = MeetingVersionForm
    section = "participants"

    def search(self) -> str:
        return (self.request.GET.get("q") or "").replace("\x00", "").strip()[:100]

    def chosen_actor(self):
        actor_id = query_id(self.request, "actor")
        if actor_id is None:
            return None
        return next((a for a in self.choices.actor_list if a.pk == actor_id), None)

    def get_formsets(self, data=None):
        self.choices = ParticipantChoices(self.operation, self.request.user)
        rows = Participant.objects.filter(meeting=self.object).select_related(
            "actor", "contact__actor", "user"
        )
        if self.search():
            rows = rows.filter(participant_search_q(self.search()))
        actor = self.chosen_actor()
        participants = ParticipantFormSet(
            data,
            prefix="participant",
            instance=self.object,
            queryset=rows.order_by("id"),
            initial=[{"actor": actor.pk}] * ParticipantFormSet.extra if actor else None,
            form_kwargs={**self.form_kwargs(), "choices": self.choices},
        )
        groups = group_participants(self.request.user, [f.instance for f in participants.initial_forms])
        by_participant = {p.pk: g for g in groups for p in g.participants}
        participants.grouped = True
        participants.groups = [
            (group, [f for f in participants.initial_forms if by_participant.get(f.instance.pk) is group])
            for group in groups
        ]
        return [_part(participants, _("Participants"), _("An organisation, one of its people, or a member."))]

    def get_context_data(self, **kwargs):
        actor = self.chosen_actor()
        return super().get_context_data(
            search=self.search(),
            actors=self.choices.actor_list,
            chosen_actor=actor,
            **kwargs,
        )


class MeetingAttendanceView(MeetingSectionView):
    form_class = MeetingVersionForm
    section = "attendance"

    def get_formsets(self, data=None):
        rows = Participant.objects.filter(meeting=self.object).select_related(
            "actor", "contact__actor", "user"
        )
        attendance = AttendanceFormSet(
            data,
            prefix="attendance",
            instance=self.object,
            queryset=rows.order_by("id"),
            form_kwargs=self.form_kwargs(),
        )
        groups = group_participants(self.request.user, [f.instance for f in attendance.forms])
        by_participant = {p.pk: g for g in groups for p in g.participants}
        attendance.grouped = True
        attendance.groups = [
            (group, [f for f in attendance.forms if by_participant.get(f.instance.pk) is group])
            for group in groups
        ]
        return [_part(attendance, _("Attendance"), _("Record who came once the meeting is held."))]


class MeetingDecisionsView(MeetingSectionView):
    form_class = MeetingSummaryForm
    section = "decisions"

    def get_formsets(self, data=None):
        decisions = DecisionFormSet(
            data,
            prefix="decision",
            instance=self.object,
            form_kwargs={
                **self.form_kwargs(),
                "meeting": self.object,
                "agenda_choices": agenda_choices(self.object),
            },
        )
        return [_part(decisions, _("Decisions"), _("Shared with field staff with the summary."))]


class MeetingMinutesView(MeetingSectionView):
    form_class = MeetingMinutesForm
    section = "minutes"


def participant_search_q(text: str) -> Q:
    """A participant whose person, organisation or member account matches ``text``."""
    q = Q()
    for name in (
        "contact__full_name",
        "contact__rank_or_title",
        "actor__name",
        "actor__acronym",
        "contact__actor__name",
        "contact__actor__acronym",
        "user__username",
        "user__first_name",
        "user__last_name",
    ):
        q |= Q(**{f"{name}__icontains": text})
    return q


class MeetingDeleteView(RecordDeleteView):
    model = Meeting
    words = MEETING_WORDS
    consequences = (
        ("agenda_items", ngettext_lazy("%(count)d agenda item", "%(count)d agenda items", "count")),
        ("decisions", ngettext_lazy("%(count)d decision", "%(count)d decisions", "count")),
        ("participants", ngettext_lazy("%(count)d participant", "%(count)d participants", "count")),
    )

    def blockers(self):
        # Cell requests tabled here, in one query: the cell app's model is reached through the
        # agenda item's reverse relation, so meetings does not import the layer above it.
        requests = AgendaItem._meta.get_field("cell_requests").related_model.objects
        tabled = requests.tabled().filter(tabled_at__meeting=self.object).count()
        if not tabled:
            return []
        return [
            ngettext(
                "%(count)d cell request is tabled at this meeting: table it elsewhere first.",
                "%(count)d cell requests are tabled at this meeting: table them elsewhere first.",
                tabled,
            )
            % {"count": tabled}
        ]

    def list_url(self):
        return reverse("meetings:list", args=[self.operation.pk])


class ActionPointFormView(RecordFormView):
    """``action-points/new/?meeting=<id>``: an action point arising from a meeting."""

    model = ActionPoint
    form_class = ActionPointForm
    words = ACTION_POINT_WORDS
    delete_route = "meetings:action-point-delete"

    def initial(self):
        meeting = query_id(self.request, "meeting")
        return {"meeting": meeting} if self.creating and meeting else {}

    def save_record(self, instance, m2m=None, version=None):
        return services.action_point_save(instance=instance, by=self.request.user, m2m=m2m, version=version)

    def cancel_url(self):
        if self.object.pk:
            return self.success_url()
        meeting_id = self.initial().get("meeting")
        meetings = Meeting.objects.for_user(self.request.user).filter(operation=self.operation)
        meeting = meetings.filter(pk=meeting_id).first() if meeting_id else None
        if meeting is not None:
            return meeting.get_absolute_url()
        return reverse("meetings:action-point-list", args=[self.operation.pk])


class ActionPointDeleteView(RecordDeleteView):
    model = ActionPoint
    words = ACTION_POINT_WORDS

    def list_url(self):
        return reverse("meetings:action-point-list", args=[self.operation.pk])


class ForumFormView(RecordFormView):
    """A coordination forum and its standing members; its sittings are listed with the meetings."""

    model = CoordinationForum
    form_class = ForumForm
    words = FORUM_WORDS

    def get_formsets(self, data=None):
        members = ForumMemberFormSet(
            data, prefix="member", instance=self.object, form_kwargs=self.form_kwargs()
        )
        return [_part(members, _("Standing members"), _("An actor and, where known, its representative."))]

    def success_url(self):
        # A forum has no page of its own: its sittings are listed with the meetings.
        return reverse("meetings:list", args=[self.operation.pk])
