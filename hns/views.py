"""The HNS pages: the overview, the notified sites and movements, the cell's relays and the
parties' acknowledgements, incidents, who notifies for which organisation, the relay package.

Every record comes from ``for_user`` (``hns.rules``): what a reader may not see answers 404.
"""

import io

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from actors.models import Actor
from cmcoord.edit_views import RecordFormView, RecordWords
from cmcoord.formats import geojson, kml
from cmcoord.geo import geo_uri
from cmcoord.maps import svg_map
from cmcoord.views_base import (
    OperationDetailView,
    OperationListView,
    OperationMixin,
    form_errors_from,
    operation_post,
    render_detail,
)
from hns import rules, services
from hns.exports import kml_labels, package_features, package_hxl, package_records
from hns.forms import (
    AcknowledgeForm,
    IncidentForm,
    MovementForm,
    RelayForm,
    SettingsForm,
    SiteForm,
    StaffForm,
    StatusForm,
)
from hns.models import (
    DISCLAIMER,
    HnsSettings,
    Movement,
    MovementMode,
    OrganisationStaff,
    Relay,
    SiteType,
    StaticSite,
)


def hns_context(user, operation) -> dict:
    op = operation.pk
    return {
        "disclaimer": DISCLAIMER,
        "hns": {
            "cell": rules.runs_hns(user, op),
            "notify": rules.may_notify(user, op),
            "summary": rules.reads_summary(user, op),
            "organisation": rules.organisation_in(user, op),
        },
    }


class HnsMixin:
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(hns_context(self.request.user, self.operation))
        return context


class OverviewView(HnsMixin, OperationMixin, TemplateView):
    """What each role reads first: the cell its work, staff their organisation's, HCT the counts."""

    template_name = "hns/overview.html"

    def get_context_data(self, **kwargs):
        user, op = self.request.user, self.operation
        context = super().get_context_data(**kwargs)
        if rules.reads_summary(user, op.pk):
            areas, movements = rules.summary(op.pk)
            context["summary"] = {
                "areas": areas,
                "site_types": SiteType.choices,
                "movements": [(label, movements.get(value, 0)) for value, label in MovementMode.choices],
            }
        if rules.runs_hns(user, op.pk):
            now = timezone.now()
            sites = StaticSite.objects.for_user(user).filter(operation=op)
            movements = Movement.objects.for_user(user).filter(operation=op)
            relays = Relay.objects.for_user(user).filter(operation=op)
            context.update(
                sites_to_relay=sites.filter(services.needing_relay_q(StaticSite)).select_related(
                    "organisation"
                )[:50],
                movements_to_relay=movements.filter(services.needing_relay_q(Movement)).select_related(
                    "organisation"
                )[:50],
                overdue=services.overdue_relays(relays, now).select_related("party", "site", "movement")[:50],
                parties=Actor.objects.for_user(user).filter(operation=op, pk__in=relays.values("party")),
                settings=HnsSettings.of(op.pk),
            )
        return context


class SiteListView(HnsMixin, OperationListView):
    model = StaticSite
    template_name = "hns/site_list.html"

    def get_queryset(self):
        return super().get_queryset().select_related("organisation", "area")


class MovementListView(HnsMixin, OperationListView):
    model = Movement
    template_name = "hns/movement_list.html"

    def get_queryset(self):
        return super().get_queryset().select_related("organisation")


class NotificationDetailView(HnsMixin, OperationDetailView):
    def get_queryset(self):
        return (
            super().get_queryset().select_related("organisation", "submitted_by", "checked_by", "operation")
        )

    def get_context_data(self, **kwargs):
        obj, user = self.object, self.request.user
        cell = rules.runs_hns(user, obj.operation_id)
        # The cell reads each relay; the organisation's staff only how many parties had it.
        all_relays = obj.relays.select_related(
            "party", "contact", "relayed_by", "acknowledgement_recorded_by"
        )
        relays = list(all_relays) if cell else list(obj.relays.only("party_id", "version", "acknowledged_at"))
        latest = {}
        for relay in relays:  # newest first
            latest.setdefault(relay.party_id, relay)
        position = obj.geo_position()
        context = {
            "relays": relays if cell else [],
            "relay_counts": {
                "parties": len(latest),
                "acknowledged": sum(1 for r in latest.values() if r.acknowledged_at),
                "behind": sum(1 for r in latest.values() if r.version < obj.version),
            },
            "incidents": obj.incidents.select_related("party", "recorded_by").all(),
            "may_change": rules.may_change(user, obj) and obj.is_open,
            "geo_link": geo_uri(position, label=str(obj)),
            "map": svg_map(obj.to_features(), title=str(obj)),
            **kwargs,
        }
        if cell:
            context.setdefault(
                "relay_form",
                RelayForm(initial={"version": obj.version}, operation=self.operation, user=user),
            )
            bound = kwargs.get("ack_form")
            for relay in relays:
                if relay.acknowledged_at is None:
                    relay.ack_form = (
                        bound
                        if bound is not None and kwargs.get("ack_relay") == relay.pk
                        else AcknowledgeForm(prefix=f"ack-{relay.pk}", operation=self.operation, user=user)
                    )
        if rules.may_change(user, obj):
            context.setdefault("incident_form", IncidentForm(operation=self.operation, user=user))
        return super().get_context_data(**context)


class SiteDetailView(NotificationDetailView):
    model = StaticSite
    template_name = "hns/site_detail.html"

    def get_queryset(self):
        return super().get_queryset().select_related("area")


class MovementDetailView(NotificationDetailView):
    model = Movement
    template_name = "hns/movement_detail.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            destination_link=geo_uri(self.object.destination_position(), label=self.object.destination),
            **kwargs,
        )


# --- Notify and change ------------------------------------------------------------------------

SITE_WORDS = RecordWords(
    new=gettext_lazy("Notify a static site"),
    edit=gettext_lazy("Change the notified site: %(name)s"),
    created=gettext_lazy("Site “%(name)s” notified. The cell will relay it to the parties."),
    saved=gettext_lazy("Notified site “%(name)s” changed. The cell will relay the change to the parties."),
    delete_link=gettext_lazy("Remove this site…"),
    delete_question=gettext_lazy("Remove the notified site “%(name)s”?"),
    deleted=gettext_lazy("Notified site “%(name)s” removed."),
)
MOVEMENT_WORDS = RecordWords(
    new=gettext_lazy("Notify a movement"),
    edit=gettext_lazy("Change the notified movement: %(name)s"),
    created=gettext_lazy("Movement “%(name)s” notified. The cell will relay it to the parties."),
    saved=gettext_lazy(
        "Notified movement “%(name)s” changed. The cell will relay the change to the parties."
    ),
    delete_link=gettext_lazy("Cancel this movement…"),
    delete_question=gettext_lazy("Cancel the notified movement “%(name)s”?"),
    deleted=gettext_lazy("Notified movement “%(name)s” cancelled."),
)


class NotificationFormView(HnsMixin, RecordFormView):
    """Staff of an organisation notify for it; officers for any organisation."""

    required_permission = None
    template_name = "hns/notification_form.html"

    def get_object(self):
        obj = super().get_object()
        user, op = self.request.user, self.operation.pk
        allowed = rules.may_notify(user, op) if self.creating else rules.may_change(user, obj)
        if not allowed:
            raise PermissionDenied(
                _("Only the cell and the notifying organisation's staff notify or change this.")
            )
        if not self.creating and not obj.is_open:
            raise PermissionDenied(
                _("A cancelled or removed notification cannot be changed; notify a new one.")
            )
        return obj

    def new_object(self):
        obj = self.model(operation=self.operation)
        own = rules.organisation_in(self.request.user, self.operation.pk)
        if own and not rules.runs_hns(self.request.user, self.operation.pk):
            obj.organisation_id = own
        return obj

    def save_record(self, instance, m2m=None, version=None):
        return services.notification_save(instance=instance, by=self.request.user, version=version)


class SiteFormView(NotificationFormView):
    model = StaticSite
    form_class = SiteForm
    words = SITE_WORDS

    def cancel_url(self):
        return super().cancel_url() or reverse("hns:site-list", args=[self.operation.pk])


class MovementFormView(NotificationFormView):
    model = Movement
    form_class = MovementForm
    words = MOVEMENT_WORDS

    def cancel_url(self):
        return super().cancel_url() or reverse("hns:movement-list", args=[self.operation.pk])


# --- Actions (POST) -----------------------------------------------------------------------------


def _notification(request, operation, model, pk):
    return get_object_or_404(model.objects.for_user(request.user), operation=operation, pk=pk)


def _run(request, action, success: str) -> None:
    try:
        action()
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, success)


DETAIL_VIEWS = {StaticSite: SiteDetailView, Movement: MovementDetailView}


def cancel(model):
    @operation_post
    def view(request, operation, pk):
        record = _notification(request, operation, model, pk)
        done = (
            _("Cancelled: the cell will tell the parties.")
            if model is Movement
            else _("Removed: the cell will tell the parties.")
        )
        _run(
            request,
            lambda: services.notification_cancel(
                notification=record, by=request.user, seen_status=request.POST.get("seen_status")
            ),
            done,
        )
        return redirect(record)

    return view


def check(model):
    @operation_post
    def view(request, operation, pk):
        record = _notification(request, operation, model, pk)
        _run(
            request,
            lambda: services.notification_check(notification=record, by=request.user),
            _("Marked as checked by the cell."),
        )
        return redirect(record)

    return view


def relay(model):
    @operation_post
    def view(request, operation, pk):
        record = _notification(request, operation, model, pk)
        if not rules.runs_hns(request.user, operation.pk):
            raise PermissionDenied(_("Your role in this operation does not allow this."))
        form = RelayForm(request.POST, operation=operation, user=request.user)
        if form.is_valid():
            try:
                made = services.relay(
                    notification=record,
                    parties=form.pairs(),
                    by=request.user,
                    relayed_at=form.cleaned_data.get("relayed_at"),
                    seen_version=form.cleaned_data["version"],
                )
            except ValidationError as exc:
                if not hasattr(exc, "error_dict"):
                    messages.error(request, " ".join(exc.messages))
                    return redirect(record)
                form_errors_from(exc, form)
            else:
                messages.success(
                    request,
                    _("Recorded as relayed to %(parties)s.")
                    % {"parties": ", ".join(str(r.party) for r in made)},
                )
                return redirect(record)
        return render_detail(DETAIL_VIEWS[model], request, operation, record, relay_form=form)

    return view


def incident(model):
    @operation_post
    def view(request, operation, pk):
        record = _notification(request, operation, model, pk)
        form = IncidentForm(request.POST, operation=operation, user=request.user)
        if form.is_valid():
            try:
                services.incident_record(
                    notification=record,
                    by=request.user,
                    occurred_at=form.cleaned_data["occurred_at"],
                    description=form.cleaned_data["description"],
                    party=form.cleaned_data["party"],
                )
            except ValidationError as exc:
                form_errors_from(exc, form)
            else:
                messages.success(request, _("Incident recorded. The cell will raise it with the party."))
                return redirect(record)
        return render_detail(DETAIL_VIEWS[model], request, operation, record, incident_form=form)

    return view


@operation_post
def movement_status(request, operation, pk):
    movement = _notification(request, operation, Movement, pk)
    form = StatusForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose under way or completed."))
        return redirect(movement)
    _run(
        request,
        lambda: services.movement_status(
            movement=movement,
            status=form.cleaned_data["status"],
            by=request.user,
            seen_status=form.cleaned_data["seen_status"],
        ),
        _("Status saved."),
    )
    return redirect(movement)


@operation_post
def acknowledge(request, operation, pk):
    relay_record = get_object_or_404(Relay.objects.for_user(request.user), operation=operation, pk=pk)
    if not rules.runs_hns(request.user, operation.pk):
        raise PermissionDenied(_("Your role in this operation does not allow this."))
    notification = relay_record.notification
    form = AcknowledgeForm(
        request.POST, prefix=f"ack-{relay_record.pk}", operation=operation, user=request.user
    )
    if form.is_valid():
        try:
            services.acknowledge(
                relay_record=relay_record,
                by=request.user,
                acknowledged_at=form.cleaned_data.get("acknowledged_at"),
                reference=form.cleaned_data["reference"],
            )
        except ValidationError as exc:
            if not hasattr(exc, "error_dict"):
                messages.error(request, " ".join(exc.messages))
                return redirect(notification)
            form_errors_from(exc, form)
        else:
            messages.success(
                request, _("Acknowledgement by %(party)s recorded.") % {"party": relay_record.party}
            )
            return redirect(notification)
    view = DETAIL_VIEWS[type(notification)]
    return render_detail(view, request, operation, notification, ack_form=form, ack_relay=relay_record.pk)


# --- Who notifies for which organisation -------------------------------------------------------


class StaffView(HnsMixin, OperationMixin, TemplateView):
    template_name = "hns/staff.html"

    def check(self):
        if not rules.runs_hns(self.request.user, self.operation.pk):
            raise PermissionDenied(_("Only the cell says who notifies for which organisation."))

    def get_context_data(self, **kwargs):
        staff = (
            OrganisationStaff.objects.for_user(self.request.user)
            .filter(operation=self.operation)
            .select_related("user", "organisation")
        )
        kwargs.setdefault("form", StaffForm(operation=self.operation, user=self.request.user))
        return super().get_context_data(staff=staff, **kwargs)

    def get(self, request, *args, **kwargs):
        self.check()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        self.check()
        form = StaffForm(request.POST, operation=self.operation, user=request.user)
        if form.is_valid():
            try:
                staff = services.staff_set(
                    operation=self.operation,
                    user=form.cleaned_data["user"],
                    organisation=form.cleaned_data["organisation"],
                    by=request.user,
                )
            except ValidationError as exc:
                form_errors_from(exc, form)
            else:
                messages.success(request, _("%(staff)s: saved.") % {"staff": staff})
                return redirect("hns:staff", self.operation.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


@operation_post
def staff_remove(request, operation, pk):
    staff = get_object_or_404(OrganisationStaff.objects.for_user(request.user), operation=operation, pk=pk)
    if not rules.runs_hns(request.user, operation.pk):
        raise PermissionDenied(_("Only the cell says who notifies for which organisation."))
    services.staff_remove(staff=staff, by=request.user)
    messages.success(
        request,
        _("%(person)s no longer notifies for %(organisation)s.")
        % {"person": staff.user, "organisation": staff.organisation},
    )
    return redirect("hns:staff", operation.pk)


class SettingsView(HnsMixin, OperationMixin, TemplateView):
    """The operation's lead times and when an acknowledgement is overdue: its officers set them."""

    template_name = "hns/settings.html"

    def check(self):
        if not rules.runs_hns(self.request.user, self.operation.pk):
            raise PermissionDenied(_("Only the cell sets the HNS lead times."))

    def get(self, request, *args, **kwargs):
        self.check()
        form = SettingsForm(instance=HnsSettings.of(self.operation.pk))
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        self.check()
        form = SettingsForm(request.POST, instance=HnsSettings.of(self.operation.pk))
        if form.is_valid():
            try:
                services.settings_save(settings=form.save(commit=False), by=request.user)
            except ValidationError as exc:
                form_errors_from(exc, form)
            else:
                messages.success(request, _("HNS settings saved."))
                return redirect("hns:overview", self.operation.pk)
        return self.render_to_response(self.get_context_data(form=form), status=400)


# --- The relay package of one party ------------------------------------------------------------

PACKAGE_FORMATS = {"csv", "geojson", "kml"}


class PackageView(OperationMixin, TemplateView):
    """``?format=csv`` (HXL, the default), ``geojson`` or ``kml``: what was relayed to one party."""

    def get(self, request, *args, **kwargs):
        if not rules.runs_hns(request.user, self.operation.pk):
            raise PermissionDenied(_("Only the cell reads the relay packages."))
        party = get_object_or_404(
            Actor.objects.for_user(request.user), operation=self.operation, pk=kwargs["pk"]
        )
        fmt = request.GET.get("format", "csv")
        if fmt not in PACKAGE_FORMATS:
            raise Http404(_("Unknown format: choose csv, geojson or kml."))
        sites, movements = package_records(self.operation, party)
        stem = f"hns-{self.operation.pk}-party-{party.pk}-{timezone.localdate():%Y%m%d}"
        if fmt == "csv":
            body, content_type = (
                package_hxl(self.operation, sites, movements).encode(),
                "text/csv; charset=utf-8",
            )
        elif fmt == "geojson":
            body, content_type = geojson.render(package_features(sites, movements)), "application/geo+json"
        else:
            name = _("Humanitarian notifications for %(party)s") % {"party": party}
            body, content_type = (
                kml.render(name, package_features(sites, movements), str(DISCLAIMER), labels=kml_labels()),
                ("application/vnd.google-earth.kml+xml"),
            )
        # A download (streamed, as the guideline files are), never shown as a page.
        response = FileResponse(io.BytesIO(body), as_attachment=True, filename=f"{stem}.{fmt}")
        response["Content-Type"] = content_type
        response["Cache-Control"] = "private, no-store"
        return response
