"""The signed-in user's notifications and e-mail preferences: nobody sees anyone else's."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cmcoord import services
from cmcoord.filters import NotificationFilterSet
from cmcoord.models import Notification
from cmcoord.notification_forms import EmailPreferencesForm
from cmcoord.reminders import inbox
from cmcoord.reminders.inbox import unread_count

PAGE_SIZE = 30
UNREAD = ExpressionWrapper(Q(read_at__isnull=True), output_field=BooleanField())


@login_required
@require_GET
def notification_list(request):
    notifications = (
        Notification.objects.for_user(request.user)
        .select_related("operation")
        .order_by(UNREAD.desc(), "-created_at", "-id")
    )
    # The API list's FilterSet: ?kind=, ?unread=true, ?created_since= work here too.
    filterset = NotificationFilterSet(request.GET, queryset=notifications, request=request)
    notifications = filterset.qs if filterset.is_valid() else notifications.none()
    page = Paginator(notifications, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page_obj": page,
        "is_paginated": page.has_other_pages(),
        "unread": unread_count(request.user),
        "filter_errors": filterset.errors,
    }
    return render(request, "cmcoord/notifications/list.html", context)


@login_required
@require_POST
def notification_mark_read(request, pk):
    if not inbox.notification_mark_read(user=request.user, notification_id=pk):
        raise Http404(_("No such notification."))
    return redirect(_next_or_list(request))


@login_required
@require_POST
def notification_mark_all_read(request):
    count = inbox.notification_mark_all_read(user=request.user)
    messages.success(
        request,
        ngettext("%(count)d notification marked as read.", "%(count)d notifications marked as read.", count)
        % {"count": count},
    )
    return redirect("notifications:list")


@login_required
@require_http_methods(["GET", "POST"])
def notification_preferences(request):
    if request.method == "POST":
        form = EmailPreferencesForm(request.POST)
        if form.is_valid():
            inbox.email_preferences_save(user=request.user, choices=form.cleaned_data)
            messages.success(request, _("Your e-mail preferences are saved."))
            return redirect("notifications:preferences")
    else:
        form = EmailPreferencesForm(initial=inbox.email_preferences(request.user))
    feed = request.build_absolute_uri(
        reverse("api:calendar-feed", kwargs={"token": request.user.calendar_feed_token})
    )
    return render(request, "cmcoord/notifications/preferences.html", {"form": form, "feed_url": feed})


@login_required
@require_POST
def calendar_feed_reset(request):
    """A new secret calendar address: calendars subscribed to the old one stop updating."""
    services.calendar_feed_reset(user=request.user)
    messages.success(request, _("Your calendar address is new: subscribe to it again in your calendar app."))
    return redirect("notifications:preferences")


def _next_or_list(request) -> str:
    """Back where the user was (a page of this site only), else the list."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return "notifications:list"
