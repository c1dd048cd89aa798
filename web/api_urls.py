"""The REST API under /api/v1/ (namespace "api"): resources, auth, feeds, OpenAPI schema and docs."""

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.permissions import AllowAny
from rest_framework.routers import APIRootView, DefaultRouter

from actors.api.views import ActorLinkViewSet, MandateViewSet
from assets.api.views import AssetViewSet, DependencyViewSet
from cell.api.views import CellRequestViewSet
from cmcoord.api import schema  # noqa: F401 (registers the partner token scheme)
from cmcoord.api.auth import LogoutAllView, LogoutView, TokenView
from cmcoord.api.views import (
    AreaViewSet,
    GuidelineViewSet,
    NotificationViewSet,
    OperationViewSet,
    SectorViewSet,
    SecurityAssessmentViewSet,
)
from cmcoord.formats.renderers import ICalendarRenderer
from contacts.api.views import ActorViewSet, ContactViewSet
from hns.api.views import MovementViewSet, StaticSiteViewSet
from meetings.api.feeds import CalendarFeedView, FeedResetView, FeedUrlView, OperationCalendarViewSet
from meetings.api.views import ActionPointViewSet, ForumViewSet, MeetingViewSet
from web.deletions import DeletionsView
from web.history_api import HistoryView
from web.search import SearchAPIView

app_name = "api"


# DefaultRouter for the API root at /api/v1/ (a list of the resources, like the schema: public);
# no format-suffix routes (".json"): formats are chosen with ?format= or the Accept header.
class APIRoot(APIRootView):
    """The API's resources and their addresses: public, like the schema (no data in it)."""

    permission_classes = [AllowAny]


router = DefaultRouter()
router.APIRootView = APIRoot
router.include_format_suffixes = False
router.register("operations", OperationViewSet, basename="operation")
router.register("areas", AreaViewSet, basename="area")
router.register("sectors", SectorViewSet, basename="sector")
router.register("actors", ActorViewSet, basename="actor")
router.register("mandates", MandateViewSet, basename="mandate")
router.register("actor-links", ActorLinkViewSet, basename="actor-link")
router.register("contacts", ContactViewSet, basename="contact")
router.register("forums", ForumViewSet, basename="forum")
router.register("meetings", MeetingViewSet, basename="meeting")
router.register("action-points", ActionPointViewSet, basename="action-point")
router.register("cell-requests", CellRequestViewSet, basename="cell-request")
router.register("assets", AssetViewSet, basename="asset")
router.register("dependencies", DependencyViewSet, basename="dependency")
router.register("security-assessments", SecurityAssessmentViewSet, basename="security-assessment")
router.register("guidelines", GuidelineViewSet, basename="guideline")
router.register("notifications", NotificationViewSet, basename="notification")
router.register("hns-sites", StaticSiteViewSet, basename="hns-site")
router.register("hns-movements", MovementViewSet, basename="hns-movement")

operation_meetings_ics = OperationCalendarViewSet.as_view(
    {"get": "meetings_ics"}, renderer_classes=[ICalendarRenderer], basename="operation", detail=True
)

urlpatterns = [
    path("auth/token/", TokenView.as_view(), name="auth-token"),
    path("auth/logout/", LogoutView.as_view(), name="auth-logout"),
    path("auth/logout-all/", LogoutAllView.as_view(), name="auth-logout-all"),
    path("feeds/", FeedUrlView.as_view(), name="calendar-feed-url"),
    path("feeds/reset/", FeedResetView.as_view(), name="calendar-feed-reset"),
    path("feeds/<slug:token>.ics", CalendarFeedView.as_view(), name="calendar-feed"),
    path("operations/<int:pk>/meetings.ics", operation_meetings_ics, name="operation-meetings-ics"),
    path("deletions/", DeletionsView.as_view(), name="deletions"),
    path("history/", HistoryView.as_view(), name="history"),
    path("search/", SearchAPIView.as_view(), name="search"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    *router.urls,
]
