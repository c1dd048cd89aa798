from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cmcoord.masking import attach_visible
from cmcoord.models import RecordChanged
from cmcoord.permissions import visible_related
from cmcoord.views_base import (
    OperationDetailView,
    OperationListView,
    ShareForm,
    form_errors_from,
    operation_for,
    operation_post,
    page_context,
    share_record,
)
from meetings import services
from meetings.documents import DOCX_TYPE, docx_filename, meeting_docx
from meetings.filters import ActionPointPageFilterSet, MeetingPageFilterSet
from meetings.forms import ActionPointUpdateForm
from meetings.models import ActionPoint, Meeting, Participant
from meetings.record import meeting_record
from meetings.rules import can_read_minutes, can_update_action_point


class MeetingListView(OperationListView):
    model = Meeting
    template_name = "meetings/meeting_list.html"
    filterset_class = MeetingPageFilterSet
    search_fields = MeetingPageFilterSet.search_fields

    def get_queryset(self):
        return super().get_queryset().select_related("forum")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        attach_visible(self.request.user, context["object_list"], "forum")
        return context


class MeetingDetailView(OperationDetailView):
    model = Meeting
    template_name = "meetings/meeting_detail.html"

    def get_context_data(self, **kwargs):
        meeting = self.object
        return super().get_context_data(
            show_minutes=can_read_minutes(self.request.user, self.operation.pk),
            forum=visible_related(self.request.user, meeting, "forum"),
            agenda=meeting.agenda_items.all(),
            decisions=meeting.decisions.all(),
            participants=Participant.objects.for_user(self.request.user)
            .filter(meeting=meeting)
            .select_related("actor", "contact", "user"),
            action_points=ActionPoint.objects.for_user(self.request.user).filter(meeting=meeting),
            share_form=ShareForm(operation=self.operation),
            **kwargs,
        )


class MeetingPrintView(OperationDetailView):
    """The meeting record on paper: agenda, participants, summary, decisions, action points, and
    the minutes for those who may read them. No navigation, no forms, no script."""

    model = Meeting
    template_name = "meetings/meeting_print.html"

    def get_queryset(self):
        return super().get_queryset().select_related("operation", "chair")

    def get_context_data(self, **kwargs):
        return super().get_context_data(record=meeting_record(self.request.user, self.object), **kwargs)


def meeting_record_docx(request, op, pk):
    """The same record as a Word document to attach to an e-mail (same masking as the print view)."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    operation = operation_for(request, op)
    meeting = get_object_or_404(
        Meeting.objects.for_user(request.user).select_related("operation", "chair"),
        operation=operation,
        pk=pk,
    )
    response = HttpResponse(meeting_docx(meeting_record(request.user, meeting)), content_type=DOCX_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{docx_filename(meeting)}"'
    response["Cache-Control"] = "private, no-store"
    return response


class MeetingSendSummaryView(OperationDetailView):
    """Officers send the summary, decisions and action points to the participants, once.

    GET shows who will get it and what; POST sends it (a second POST sends nothing again)."""

    model = Meeting
    template_name = "meetings/meeting_send_summary.html"
    required_permission = "manage_registry"

    def get_queryset(self):
        return super().get_queryset().select_related("operation", "summary_sent_by")

    def get_context_data(self, **kwargs):
        meeting = self.object
        return super().get_context_data(
            recipients=services.summary_recipients(meeting),
            without_account=meeting.participants.filter(user__isnull=True).count(),
            record=meeting_record(self.request.user, meeting, with_minutes=False),
            **kwargs,
        )

    def post(self, request, *args, **kwargs):
        self.object = meeting = self.get_object()
        try:
            recipients = services.meeting_summary_send(meeting=meeting, by=request.user)
        except services.SummaryAlreadySent as exc:
            messages.info(request, exc.messages[0])
        else:
            messages.success(
                request,
                ngettext(
                    "The summary is on its way to %(count)d participant.",
                    "The summary is on its way to %(count)d participants.",
                    len(recipients),
                )
                % {"count": len(recipients)},
            )
        return redirect(meeting)


@operation_post
def meeting_share(request, operation, pk):
    meeting = get_object_or_404(Meeting.objects.for_user(request.user), operation=operation, pk=pk)
    return share_record(request, operation, meeting)


class ActionPointListView(OperationListView):
    model = ActionPoint
    template_name = "meetings/action_point_list.html"
    filterset_class = ActionPointPageFilterSet
    search_fields = ActionPointPageFilterSet.search_fields

    def get_queryset(self):
        return super().get_queryset().select_related("owner", "owner_actor", "meeting")


def action_point_detail(request, op, pk):
    """Read an action point; its owner or an officer updates status and progress here."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    operation = operation_for(request, op)
    point = get_object_or_404(ActionPoint.objects.for_user(request.user), operation=operation, pk=pk)
    may_update = can_update_action_point(request.user, point)
    form = ActionPointUpdateForm(instance=point)
    if request.method == "POST":
        if not may_update:
            raise PermissionDenied(_("Only the owner or a CMCoord officer can update this action point."))
        form = ActionPointUpdateForm(request.POST, instance=ActionPoint.objects.get(pk=point.pk))
        if form.is_valid():
            try:
                fields = {**form.cleaned_data, "version": form.based_on()}
                services.action_point_update(action_point=point, by=request.user, **fields)
            except RecordChanged as exc:
                stored = ActionPoint.objects.get(pk=point.pk)
                form.show_record_changed(exc, ActionPointUpdateForm(instance=stored))
            except ValidationError as exc:
                form_errors_from(exc, form)
            else:
                messages.success(request, _("Action point updated."))
                return redirect(point)
    context = {
        **page_context(request.user, operation),
        "object": point,
        "meeting": visible_related(request.user, point, "meeting"),
        "form": form,
        "may_update": may_update,
    }
    return render(request, "meetings/action_point_detail.html", context)
