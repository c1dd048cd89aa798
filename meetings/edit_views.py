"""The officers' pages for meetings (agenda, decisions, attendance), action points and forums."""

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, ngettext_lazy

from cmcoord.edit_views import RecordDeleteView, RecordFormView, RecordWords
from cmcoord.views_base import query_id
from meetings import services
from meetings.forms import (
    ActionPointForm,
    AgendaFormSet,
    DecisionFormSet,
    ForumForm,
    ForumMemberFormSet,
    MeetingForm,
    ParticipantFormSet,
)
from meetings.models import ActionPoint, AgendaItem, CoordinationForum, Meeting


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
    """A new meeting gets its agenda; once it exists, also its decisions and who attended."""

    model = Meeting
    form_class = MeetingForm
    words = MEETING_WORDS
    delete_route = "meetings:delete"

    def save(self, form, formsets) -> None:
        creating = self.creating
        super().save(form, formsets)
        if creating:
            services.meeting_invite_forum_members(meeting=self.object, by=self.request.user)

    def get_formsets(self, data=None):
        kwargs = {"instance": self.object, "form_kwargs": self.form_kwargs()}
        positions = self.object.agenda_items.values_list("position", flat=True) if self.object.pk else []
        next_position = max(positions, default=0) + 1
        agenda = AgendaFormSet(
            data,
            prefix="agenda",
            initial=[{"position": next_position + i} for i in range(AgendaFormSet.extra)],
            **kwargs,
        )
        parts = [_part(agenda, _("Agenda"))]
        if self.creating:
            return parts
        decisions = DecisionFormSet(
            data,
            prefix="decision",
            instance=self.object,
            form_kwargs={**kwargs["form_kwargs"], "meeting": self.object},
        )
        participants = ParticipantFormSet(data, prefix="participant", **kwargs)
        return [
            *parts,
            _part(decisions, _("Decisions"), _("Shared with field staff with the summary.")),
            _part(
                participants,
                _("Participants"),
                _("An actor, a contact or a member; record attendance once held."),
            ),
        ]

    def cancel_url(self):
        return super().cancel_url() or reverse("meetings:list", args=[self.operation.pk])


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
