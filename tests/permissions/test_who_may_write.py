"""Only officers (and the administrator) write the registry; everyone else changes nothing.

Field staff and HCT/UNCT members get 403 on these pages of their own operation, for a GET
and a POST alike; outsiders and members of another operation get 404; anyone not signed in
is sent to the login. The same POST by an officer does take effect.
"""

import pytest
from django.urls import reverse

from tests.permissions.test_denied_writes import fingerprint
from tests.permissions.world import PRINCIPALS, build_world


def _management(*prefixes):
    return {f"{p}-{n}_FORMS": "0" for p in prefixes for n in ("TOTAL", "INITIAL")}


ACTOR = {
    "name": "Civil protection (INGD)",
    "category": "domestic_civilian",
    "actor_type": "civil_defence",
    "relationship": "cooperation",
    "association_risk": "none",
    "sensitivity": "internal",
    **_management("presence"),
}
MANDATE = {
    "actor": "@actor_internal",
    "title": "Relief at the host nation's request",
    "authority": "host_nation_request",
    "scope": "Airlift.",
    "in_force_from": "2026-03-10",
    "sensitivity": "internal",
}
CONTACT = {
    "actor": "@actor_internal",
    "full_name": "Capt. New Liaison",
    "position": "liaison_officer",
    "phone": "+258 84 000 1111",
    "sensitivity": "internal",
}
ASSET = {
    "name": "Field hospital, Dondo",
    "provider": "@actor_internal",
    "capability": "medical",
    "quantity": 1,
    "support_type": "direct",
    "status": "requested",
    "sensitivity": "internal",
}
DEPENDENCY = {
    "asset": "@asset",
    "activity": "Cholera treatment",
    "criticality": "high",
    "alternative_readiness": "none",
    "sensitivity": "internal",
}
MEETING = {
    "title": "Bilateral with the JTF",
    "kind": "bilateral",
    "starts_at": "2026-12-01T10:00",
    "ends_at": "2026-12-01T11:00",
    "status": "scheduled",
    "sensitivity": "internal",
    **_management("agenda", "decision", "participant"),
}
LINK = {  # actor links (issue 11)
    "source": "@actor_internal",
    "target": "@actor_shareable",
    "kind": "support",
    "mechanism": "Fuel for the airlift",
    "sensitivity": "internal",
}
MEETING_PART = {**_management("agenda"), "agenda-TOTAL_FORMS": "1"}
ACTION_POINT = {"title": "Share the road map", "owner": "@field", "due_date": "2026-12-04"}
FORUM = {
    "name": "Civil-military working group",
    "kind": "working_group",
    "sensitivity": "internal",
    **_management("member"),
}
# Security context and guidelines kept in the browser (issue 11)
SECURITY_ASSESSMENT = {
    "area": "@area",
    "level": "4",
    "association_risks": "Escorts draw fire near Dondo.",
    "assessed_on": "2026-11-28",
    "sensitivity": "internal",
}
GUIDELINE = {
    "title": "Guidance on armed escorts",
    "url": "https://example.org/escorts.pdf",
    "sensitivity": "internal",
}

# route, URL kwargs (world placeholders), POST data ("@name": a world user's or object's pk)
WRITES = [
    ("actors:create", {}, ACTOR),
    ("actors:update", {"pk": "actor_internal"}, {**ACTOR, "name": "Joint Task Force South (renamed)"}),
    ("actors:delete", {"pk": "actor_shareable"}, {}),
    ("actors:mandate-create", {"actor": "actor_internal"}, MANDATE),
    ("actors:mandate-update", {"pk": "mandate"}, {**MANDATE, "title": "Renewed mandate"}),
    ("actors:mandate-delete", {"pk": "mandate"}, {}),
    # Actor links (issue 11)
    ("actors:link-create", {"actor": "actor_internal"}, LINK),
    ("actors:link-update", {"pk": "actor_link"}, {**LINK, "kind": "liaison", "mechanism": "Daily call"}),
    ("actors:link-delete", {"pk": "actor_link"}, {}),
    ("contacts:create", {}, CONTACT),
    ("contacts:update", {"pk": "contact_approved"}, {**CONTACT, "full_name": "Maj. Ana Sitoe-Mabunda"}),
    ("contacts:delete", {"pk": "contact_approved"}, {}),
    ("assets:create", {}, ASSET),
    ("assets:update", {"pk": "asset"}, {**ASSET, "name": "Two helicopters, Beira (renamed)"}),
    ("assets:delete", {"pk": "asset"}, {}),
    ("assets:dependency-create", {}, DEPENDENCY),
    ("assets:dependency-update", {"pk": "dependency"}, {**DEPENDENCY, "activity": "Airdrops (renamed)"}),
    ("assets:dependency-delete", {"pk": "dependency"}, {}),
    ("meetings:create", {}, MEETING),
    ("meetings:edit-details", {"pk": "meeting_restricted"}, {**MEETING, "title": "Renamed bilateral"}),
    ("meetings:edit-minutes", {"pk": "meeting"}, {"minutes": "Rewritten minutes"}),
    (
        "meetings:edit-agenda",
        {"pk": "meeting"},
        {**MEETING_PART, "agenda-0-position": 9, "agenda-0-title": "New"},
    ),
    ("meetings:send-summary", {"pk": "meeting"}, {}),
    ("meetings:delete", {"pk": "meeting"}, {}),
    ("meetings:action-point-create", {}, ACTION_POINT),
    ("meetings:action-point-update", {"pk": "action_point_of_field"}, {**ACTION_POINT, "title": "Renamed"}),
    ("meetings:action-point-delete", {"pk": "action_point_of_field"}, {}),
    ("meetings:forum-create", {}, FORUM),
    ("meetings:forum-update", {"pk": "meeting.forum"}, {**FORUM, "name": "Renamed cell"}),
    # Security context and guidelines kept in the browser (issue 11)
    ("cmcoord:security-create", {}, SECURITY_ASSESSMENT),
    ("cmcoord:security-update", {"pk": "security_assessment"}, {**SECURITY_ASSESSMENT, "level": "5"}),
    ("cmcoord:security-delete", {"pk": "security_assessment"}, {}),
    ("cmcoord:guideline-create", {}, GUIDELINE),
    ("cmcoord:guideline-update", {"pk": "guideline"}, {**GUIDELINE, "title": "Renamed guidelines"}),
]
EXPECTED = {
    "anonymous": 302,
    "partner": 302,
    "outsider": 404,
    "field_other": 404,
    "field": 403,
    "hct": 403,
}
assert set(EXPECTED) == set(PRINCIPALS) - {"officer", "admin"}


def _resolve(world, value):
    """'@name' is a world user's or object's pk; '@meeting.forum' follows an attribute."""
    if not (isinstance(value, str) and value.startswith("@")):
        return value
    name, *path = value[1:].split(".")
    target = world.users[name] if name in world.users else world.objects[name]
    for attribute in path:
        target = getattr(target, attribute)
    return target.pk


def _request(world, route, kwargs, data):
    url = reverse(
        route, kwargs={"op": world.operation.pk, **{k: _resolve(world, "@" + v) for k, v in kwargs.items()}}
    )
    return url, {k: _resolve(world, v) for k, v in data.items()}


@pytest.mark.parametrize("route, kwargs, data", WRITES, ids=[w[0] for w in WRITES])
def test_no_one_but_an_officer_may_open_or_post_and_the_database_is_unchanged(db, route, kwargs, data):
    world = build_world()
    url, payload = _request(world, route, kwargs, data)
    for principal, status in EXPECTED.items():
        client = world.client(principal)
        before = fingerprint()
        got = client.get(url), client.post(url, payload)
        assert [r.status_code for r in got] == [status, status], f"{principal} on {url}"
        if status == 302:
            assert all("/login/" in r["Location"] for r in got)
        assert fingerprint() == before, f"{principal}'s refused POST to {url} changed the database"


@pytest.mark.parametrize("route, kwargs, data", WRITES, ids=[w[0] for w in WRITES])
def test_the_same_post_by_an_officer_takes_effect(db, route, kwargs, data):
    world = build_world()
    url, payload = _request(world, route, kwargs, data)
    client = world.client("officer")
    before = fingerprint()
    response = client.post(url, payload)
    assert response.status_code == 302, response.context and response.context["form"].errors
    assert fingerprint() != before
