"""The administrator reaches every record of the domain in Django admin, and only the administrator.

Each page is required to open (200); the only exceptions are declared below, each with its
reason. A broken admin that refuses everything fails here.
"""

from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from simple_history.models import HistoricalChanges

from actors.models import ActorPresence, InterlocutorStatus
from cmcoord.models import (
    GuidelineDocument,
    IdempotencyKey,
    NotificationPreference,
    ReminderDelivery,
    UserToken,
)
from cmcoord.reminders.health import record_dispatch
from contacts.services import interlocutor_decide
from meetings.models import Decision, ForumMember
from tests.factories import TODAY, UserFactory
from tests.permissions.world import build_world

# Add pages refused on purpose: these records are made elsewhere, by a service that keeps them.
ADD_REFUSED = {
    "contacts.InterlocutorDecision": "taken on its decision page through interlocutor_decide",
    "cmcoord.PartnerToken": "created on the officers' page, where the key is shown once",
    "cmcoord.UserToken": "issued by the API token endpoint (with two-factor), where the key is shown once",
    "cmcoord.IdempotencyKey": "made by the create it protects",
    "imports.ImportBatch": "uploaded on the import page by an officer of the operation",
    # HNS: notified by the organisations, relayed and acknowledged through hns.services
    "hns.StaticSite": "notified on the HNS pages (lead time, organisation, version relayed)",
    "hns.Movement": "notified on the HNS pages (lead time, organisation, version relayed)",
    "hns.Relay": "recorded by the cell on the notification's page",
    "hns.Incident": "recorded on the notification's page",
}
# Change pages that show the record without a save button: the record of a decision.
VIEW_ONLY = {
    "contacts.InterlocutorDecision",
    "cmcoord.UserToken",
    "cmcoord.IdempotencyKey",
    "imports.ImportBatch",
    "hns.StaticSite",
    "hns.Movement",
    "hns.Relay",
    "hns.Incident",
}


def project_apps():
    """The project's own apps (those under BASE_DIR, not an installed package): new ones included."""
    base = Path(settings.BASE_DIR).resolve()
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(base) and "site-packages" not in path.parts:
            yield config


def domain_models():
    for config in project_apps():
        for model in config.get_models():
            # guardian's grant tables and simple-history's copies are managed through their records
            if issubclass(model, (UserObjectPermissionBase, GroupObjectPermissionBase, HistoricalChanges)):
                continue
            yield model


def url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def world(db):
    """One record of every model the admin shows (the permission tests' world, and the rest)."""
    world = build_world()
    o = world.objects
    interlocutor_decide(
        target=o["actor_shareable"],
        decision=InterlocutorStatus.APPROVED,
        rationale="Runs the port.",
        by=world.users["hct"],
    )
    GuidelineDocument.objects.create(
        operation=o["operation"], title="Country guidelines", url="https://x.org"
    )
    NotificationPreference.objects.create(user=world.users["field"], kind="cell_request_update")
    ReminderDelivery.objects.create(
        kind="phase_out",
        subject=f"asset:{o['asset'].pk}",
        occasion=TODAY,
        lead_days=7,
        recipient=world.users["officer"],
    )
    record_dispatch(timezone.now())
    IdempotencyKey.objects.create(user=world.users["officer"], kind="api", key="k-1", location="/x/")
    ActorPresence.objects.create(actor=o["actor_shareable"], area=o["area"], sector=o["sector"])
    ForumMember.objects.create(forum=o["forum"], actor=o["actor_shareable"])
    Decision.objects.create(meeting=o["meeting"], text="Convoys leave at 06:00.")
    UserToken.objects.create(user=world.users["field"])
    return world


def test_the_declared_exceptions_name_real_models():
    labels = {m._meta.label for m in domain_models()}
    assert set(ADD_REFUSED) <= labels and labels >= VIEW_ONLY


def test_every_domain_model_is_in_the_admin():
    missing = [m._meta.label for m in domain_models() if not admin.site.is_registered(m)]
    assert not missing, f"Not in Django admin: {missing}"


def test_the_administrator_opens_every_list_and_every_add_page_not_refused_on_purpose(client, world):
    client.force_login(world.users["admin"])
    for model in domain_models():
        label = model._meta.label
        assert client.get(url(model, "changelist")).status_code == 200, label
        expected = 403 if label in ADD_REFUSED else 200
        assert client.get(url(model, "add")).status_code == expected, f"{label} add page"


def test_the_administrator_opens_a_record_of_every_model(client, world):
    client.force_login(world.users["admin"])
    for model in domain_models():
        label = model._meta.label
        record = model._default_manager.order_by("pk").first()
        assert record is not None, f"The test world has no {label}: add one to the fixture"
        page = client.get(url(model, "change", record.pk))
        assert page.status_code == 200, f"{label} change page"
        assert page.context["has_change_permission"] is (label not in VIEW_ONLY), label
        if hasattr(admin.site.get_model_admin(model), "history_form_view"):
            assert client.get(url(model, "history", record.pk)).status_code == 200, f"{label} history"


@pytest.mark.parametrize("principal", ["officer", "hct", "field", "outsider", "staff"])
def test_everyone_but_the_administrator_is_sent_to_the_admin_sign_in(client, world, principal):
    if principal == "staff":  # an account someone made staff and gave every model permission
        user = UserFactory(username="staff", is_staff=True)
        user.user_permissions.set(Permission.objects.all())
    else:
        user = world.users[principal]
    client.force_login(user)
    for target in [reverse("admin:index"), *(url(m, "changelist") for m in domain_models())]:
        response = client.get(target)
        assert response.status_code == 302 and "/admin/login/" in response["Location"], target
