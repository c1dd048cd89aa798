"""Every write a principal may not make is refused, and leaves the database exactly as it was."""

import pytest
from django.apps import apps
from django.urls import reverse

from tests.permissions.world import PRINCIPALS, build_world

WATCHED_APPS = ["cmcoord", "actors", "contacts", "meetings", "cell", "assets", "hns", "imports", "guardian"]


def fingerprint():
    """Every row of every model of ours (and guardian's grants), as plain values."""
    state = {}
    for app in WATCHED_APPS:
        for model in apps.get_app_config(app).get_models():
            rows = ({k: _plain(v) for k, v in row.items()} for row in model._default_manager.values())
            state[model._meta.label] = sorted(map(repr, rows))
    return state


def _plain(value):
    # PostgreSQL hands binary columns back as a memoryview, whose repr is its address.
    return bytes(value) if isinstance(value, memoryview) else value


DECIDE = {"decision": "approved", "rationale": "Appropriate liaison for access negotiations."}
ROLE = {"username": "outsider", "role": "officer"}
HNS_SITE = {
    "organisation": "@hns_organisation",
    "name": "New WFP office",
    "site_type": "office",
    "latitude": "-19.8",
    "longitude": "34.8",
    "valid_from": "2026-11-01",
    "focal_point_name": "Duty officer",
    "focal_point_phone": "+258 84 000",
}
# route, kwargs (world placeholders), POST data, who may do it (everyone else is refused)
WRITES = [
    ("contacts:actor-decide", {"pk": "actor_internal"}, DECIDE, {"hct", "admin"}),
    ("contacts:decide", {"pk": "contact_approved"}, DECIDE, {"hct", "admin"}),
    ("contacts:share", {"pk": "contact_restricted"}, {"user": "@field"}, {"officer", "admin"}),
    ("meetings:share", {"pk": "meeting_restricted"}, {"user": "@field"}, {"officer", "admin"}),
    ("cmcoord:members", {}, ROLE, {"officer", "admin"}),
    ("cmcoord:partner-token-list", {}, {"name": "Leak", "expires_on": "2027-01-31"}, {"officer", "admin"}),
    ("cmcoord:partner-token-revoke", {"pk": "partner_token"}, {}, {"officer", "admin"}),
    ("imports:batch", {"pk": "import_batch"}, {"discard": "1"}, {"officer"}),
    ("web:strategy", {}, {"strategy": "cooperation", "rationale": "Why not."}, {"officer", "admin"}),
    (
        "cell:request-table",
        {"pk": "cell_request_of_field"},
        {"agenda_item": "@agenda_item"},
        {"officer", "admin"},
    ),
    ("cell:request-answer", {"pk": "cell_request_of_field"}, {"response": "Go ahead."}, {"officer", "admin"}),
    ("cell:request-close", {"pk": "cell_request_of_field"}, {}, {"officer", "admin", "field"}),
    ("cell:request-endorse", {"pk": "rfa"}, {"decision": "decline", "note": "No."}, {"hct", "admin"}),
    (
        "meetings:action-point-detail",
        {"pk": "action_point_of_field"},
        {"status": "done"},
        {"officer", "admin", "field"},
    ),
    (
        "cell:request-create",
        {},
        {"kind": "access", "title": "T", "description": "D", "sensitivity": "internal"},
        {"officer", "admin", "field"},
    ),
    # --- HNS: the cell relays, checks, sets who notifies and the lead times; WFP's staff (field)
    # notify, cancel and record incidents of WFP's own; nobody else writes any of it.
    ("hns:site-create", {}, HNS_SITE, {"officer", "admin", "field"}),
    ("hns:site-cancel", {"pk": "hns_site_own"}, {}, {"officer", "admin", "field"}),
    ("hns:site-check", {"pk": "hns_site_other"}, {}, {"officer", "admin"}),
    (
        "hns:movement-relay",
        {"pk": "hns_movement_own"},
        {"parties": "@actor_restricted", "version": 1},
        {"officer", "admin"},
    ),
    (
        "hns:movement-incident",
        {"pk": "hns_movement_own"},
        {"occurred_at": "2026-11-20T10:00", "description": "Warning shots near the convoy."},
        {"officer", "admin", "field"},
    ),
    ("hns:staff", {}, {"user": "@hct", "organisation": "@hns_organisation"}, {"officer", "admin"}),
    (
        "hns:settings",
        {},
        {"lead_hours": "72", "emergency_lead_hours": "24", "acknowledgement_overdue_hours": "6"},
        {"officer", "admin"},
    ),
]


def _resolve(world, value):
    """'@name' is a user or an object of the world; anything else is sent as it is."""
    if not (isinstance(value, str) and value.startswith("@")):
        return value
    name = value[1:]
    return world.users[name].pk if name in world.users else world.objects[name].pk


@pytest.mark.parametrize("route, kwargs, data, allowed", WRITES, ids=[w[0] for w in WRITES])
def test_refused_writes_change_nothing(db, route, kwargs, data, allowed):
    world = build_world()
    url = reverse(
        route, kwargs={"op": world.operation.pk, **{k: _resolve(world, "@" + v) for k, v in kwargs.items()}}
    )
    payload = {k: _resolve(world, v) for k, v in data.items()}
    for principal in sorted(set(PRINCIPALS) - allowed):
        client = world.client(principal)  # signing in stamps last_login: not the write under test
        before = fingerprint()
        response = client.post(url, payload)
        assert response.status_code in {302, 403, 404}, f"{principal}: {response.status_code}"
        if response.status_code == 302:
            assert "/login/" in response["Location"], f"{principal} was not refused: {response['Location']}"
        assert fingerprint() == before, f"{principal}'s refused POST to {url} changed the database"


@pytest.mark.parametrize("route, kwargs, data, allowed", WRITES, ids=[w[0] for w in WRITES])
def test_allowed_writes_change_something(db, route, kwargs, data, allowed):
    """The other half: the same POST by one allowed principal does take effect."""
    world = build_world()
    principal = sorted(allowed - {"admin"})[0]
    url = reverse(
        route, kwargs={"op": world.operation.pk, **{k: _resolve(world, "@" + v) for k, v in kwargs.items()}}
    )
    payload = {k: _resolve(world, v) for k, v in data.items()}
    client = world.client(principal)
    before = fingerprint()
    response = client.post(url, payload)
    assert response.status_code in {200, 302}, response.status_code
    assert fingerprint() != before, f"{principal}'s POST to {url} changed nothing"
