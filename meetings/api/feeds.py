"""Calendars of meetings: an operation's meetings.ics, and the personal feeds at
/api/v1/feeds/<secret>.ics, readable by whoever holds the address.

The feed shows the meetings its owner may read (from 90 days ago on) and the action points
they own; it is built with the owner's own ``for_user`` scope. Resetting the secret (POST
/api/v1/feeds/reset/) stops every subscription to the old address, which then answers 404.
"""

import datetime as dt

from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from cmcoord.api.serializers import FeedUrlSerializer
from cmcoord.api.throttling import FeedThrottle
from cmcoord.api.views import OperationViewSet
from cmcoord.api.viewsets import EXPORT_CHUNK, ErrorsAsJSONMixin
from cmcoord.formats.ical import calendar
from cmcoord.formats.renderers import ICalendarRenderer
from cmcoord.models import User
from cmcoord.permissions import is_partner
from cmcoord.services import calendar_feed_reset
from meetings.models import ActionPoint, Meeting

CALENDAR = {(200, "text/calendar"): OpenApiResponse(OpenApiTypes.STR, description="iCalendar file.")}

PAST_DAYS = 90
PARTNERS_HAVE_NO_FEED = _("Partner tokens have no calendar feed.")


def feed_url(request, user) -> str:
    return request.build_absolute_uri(reverse("api:calendar-feed", args=[user.calendar_feed_token]))


def user_calendar(user) -> bytes:
    since = timezone.now() - dt.timedelta(days=PAST_DAYS)
    meetings = Meeting.objects.for_user(user).filter(starts_at__gte=since).order_by("starts_at", "pk")
    action_points = ActionPoint.objects.for_user(user).filter(owner=user).order_by("due_date", "pk")
    return calendar(f"CMCoord: {user}", meetings=meetings, action_points=action_points)


class CalendarFeedView(ErrorsAsJSONMixin, APIView):
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [FeedThrottle]
    renderer_classes = [ICalendarRenderer]

    @extend_schema(
        auth=[],
        responses={(200, "text/calendar"): OpenApiResponse(OpenApiTypes.STR, description="iCalendar feed.")},
        summary="Your calendar feed",
        description="Meetings you may read and your action points, as iCalendar. No sign-in: "
        "the secret address is the key.",
    )
    def get(self, request, token):
        user = User.objects.filter(calendar_feed_token=token, is_active=True).first()
        if user is None:
            raise Http404
        return ICalendarRenderer.response(user_calendar(user))


class FeedUrlView(APIView):
    @extend_schema(responses={200: FeedUrlSerializer}, summary="Your calendar feed address")
    def get(self, request):
        if is_partner(request.user):
            self.permission_denied(request, message=PARTNERS_HAVE_NO_FEED)
        return Response(FeedUrlSerializer({"url": feed_url(request, request.user)}).data)


class FeedResetView(APIView):
    @extend_schema(
        request=None,
        responses={200: FeedUrlSerializer},
        summary="Reset your calendar feed address",
        description="Makes a new secret address; the old one stops working at once.",
    )
    def post(self, request):
        if is_partner(request.user):
            self.permission_denied(request, message=PARTNERS_HAVE_NO_FEED)
        calendar_feed_reset(user=request.user)
        return Response(FeedUrlSerializer({"url": feed_url(request, request.user)}).data)


# GET /api/v1/operations/{id}/meetings.ics: the operation's meetings the caller may read. The
# docstring stays the operations' own: the schema describes the resource with it.
class OperationCalendarViewSet(OperationViewSet):
    __doc__ = OperationViewSet.__doc__

    @extend_schema(responses=CALENDAR, summary="The operation's meetings as iCalendar")
    def meetings_ics(self, request, pk=None):
        operation = self.get_object()
        meetings = (
            Meeting.objects.for_user(request.user).filter(operation=operation).order_by("starts_at", "pk")
        )
        name = f"CMCoord: {operation.name}"
        return ICalendarRenderer.stream_rows(
            meetings, lambda rows: calendar(name, meetings=rows), chunk=EXPORT_CHUNK
        )
