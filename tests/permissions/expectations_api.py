"""Expected GET status per principal for every route of the REST API (namespace "api").

The permission matrix walks every URL pattern of the project; for the API's routes it reads
``API_EXPECTATIONS``: route name -> {"kwargs": {kwarg: world placeholder}, "status": {...}}.
Principals: anonymous, outsider, field, field_other, officer, hct, partner (a partner token of
the main operation), admin (a superuser).

What the statuses assume of the world's objects (tests/permissions/world.py; all in the main
operation unless said): actor_internal / actor_restricted / actor_shareable have the sensitivity
their names say; actor_other_op is in other_operation (where field_other is field staff);
mandate and contact_approved are internal (the contact's actor an approved interlocutor);
contact_restricted and meeting_restricted are restricted; contact_shared and meeting_shared are
restricted, shared with field, and point at restricted records; meeting and forum are internal; asset and
dependency are shareable; action_point_of_field, cell_request_of_field and rfa belong to field;
action_point_of_officer to the officer; notification_of_field is addressed to field; area is in
the main operation's country; feed_token_of_field is field's calendar_feed_token.

POST-only routes answer 405 to a GET from anyone signed in (401 to anonymous). Lists answer 200
to every signed-in principal (outsiders get an empty list), 401 to anonymous.
"""

PRINCIPALS = ("anonymous", "outsider", "field", "field_other", "officer", "hct", "partner", "admin")


def _status(*, default, **overrides):
    table = dict.fromkeys(PRINCIPALS, default)
    table.update(overrides)
    return table


LIST = _status(default=200, anonymous=401)
POST_ONLY = _status(default=405, anonymous=401)
FULL_ONLY = _status(default=404, anonymous=401, officer=200, hct=200, admin=200)
MEMBERS = _status(default=404, anonymous=401, field=200, officer=200, hct=200, admin=200)
MEMBERS_AND_PARTNER = {**MEMBERS, "partner": 200}
OTHER_OPERATION = _status(default=404, anonymous=401, field_other=200, admin=200)
OWN_OF_FIELD = MEMBERS  # field's own record: field reads it, like officers, HCT and admin
PUBLIC = _status(default=200)
NOT_FOUND = _status(default=404, anonymous=401)


def _resource(basename, *, pk=None, detail=None, actions=()):
    routes = {f"api:{basename}-list": {"kwargs": {}, "status": LIST}}
    if pk is not None:
        routes[f"api:{basename}-detail"] = {"kwargs": {"pk": pk}, "status": detail}
    for name in actions:
        routes[f"api:{basename}-{name}"] = {"kwargs": {"pk": pk}, "status": POST_ONLY}
    return routes


API_EXPECTATIONS = {
    # Core and reference data
    **_resource("operation", pk="operation", detail=MEMBERS_AND_PARTNER),
    "api:operation-meetings-ics": {"kwargs": {"pk": "operation"}, "status": MEMBERS_AND_PARTNER},
    **_resource("area", pk="area", detail=MEMBERS_AND_PARTNER),
    **_resource("sector", pk="sector", detail={**MEMBERS_AND_PARTNER, "field_other": 200}),
    # Actors, mandates, links
    **_resource("actor", pk="actor_internal", detail=MEMBERS, actions=["decide-interlocutor"]),
    **_resource("mandate", pk="mandate", detail=MEMBERS),
    **_resource("actor-link", pk="actor_link", detail=MEMBERS),
    **_resource("security-assessment", pk="security_assessment", detail=MEMBERS),
    # Guidelines and their files over the API (issue 11): partners download shareable, approved ones.
    **_resource("guideline", pk="guideline", detail=MEMBERS),
    "api:guideline-detail[shareable]": {
        "route": "api:guideline-detail",
        "kwargs": {"pk": "guideline_shareable"},
        "status": MEMBERS_AND_PARTNER,
    },
    "api:guideline-detail[draft]": {
        "route": "api:guideline-detail",
        "kwargs": {"pk": "guideline_draft"},
        "status": FULL_ONLY,
    },
    "api:guideline-file": {"kwargs": {"pk": "guideline"}, "status": MEMBERS},
    "api:guideline-file[shareable]": {
        "route": "api:guideline-file",
        "kwargs": {"pk": "guideline_shareable"},
        "status": MEMBERS_AND_PARTNER,
    },
    "api:guideline-file[restricted]": {
        "route": "api:guideline-file",
        "kwargs": {"pk": "guideline_restricted"},
        "status": FULL_ONLY,
    },
    "api:guideline-file[draft]": {
        "route": "api:guideline-file",
        "kwargs": {"pk": "guideline_draft"},
        "status": FULL_ONLY,
    },
    # Contacts
    **_resource("contact", pk="contact_approved", detail=MEMBERS, actions=["decide-interlocutor"]),
    "api:contact-vcf": {"kwargs": {"pk": "contact_approved"}, "status": MEMBERS},
    # Forums, meetings, action points, cell requests
    **_resource("forum", pk="forum", detail=MEMBERS),
    **_resource("meeting", pk="meeting", detail=MEMBERS),
    "api:meeting-ics": {"kwargs": {"pk": "meeting"}, "status": MEMBERS},
    **_resource("action-point", pk="action_point_of_field", detail=OWN_OF_FIELD, actions=["close"]),
    **_resource(
        "cell-request",
        pk="cell_request_of_field",
        detail=OWN_OF_FIELD,
        actions=[
            "table",
            "answer",
            "close",
            "endorse",
            "decline",
            "triage",
            "send",
            "military-answer",
            "deployment",
        ],
    ),
    # MCDA
    **_resource("asset", pk="asset", detail=MEMBERS_AND_PARTNER),
    **_resource("dependency", pk="dependency", detail=MEMBERS_AND_PARTNER),
    # The caller's own
    **_resource(
        "notification", pk="notification_of_field", detail=_status(default=404, anonymous=401, field=200)
    ),
    # Auth, feeds, schema
    "api:auth-token": {"kwargs": {}, "status": _status(default=405)},
    "api:auth-logout": {"kwargs": {}, "status": POST_ONLY},
    "api:auth-logout-all": {"kwargs": {}, "status": POST_ONLY},
    "api:calendar-feed-url": {"kwargs": {}, "status": _status(default=200, anonymous=401, partner=403)},
    "api:calendar-feed-reset": {"kwargs": {}, "status": POST_ONLY},
    "api:calendar-feed": {"kwargs": {"token": "feed_token_of_field"}, "status": PUBLIC},
    "api:api-root": {"kwargs": {}, "status": PUBLIC},
    "api:deletions": {"kwargs": {}, "status": LIST},
    "api:schema": {"kwargs": {}, "status": PUBLIC},
    "api:docs": {"kwargs": {}, "status": PUBLIC},
}

# The same routes with other objects ("route" names the route; the key only has to be unique).
for _route, _placeholder, _status_table in [
    ("api:actor-detail", "actor_restricted", FULL_ONLY),
    ("api:actor-detail", "actor_shareable", MEMBERS_AND_PARTNER),
    ("api:actor-detail", "actor_other_op", OTHER_OPERATION),
    ("api:contact-detail", "contact_restricted", FULL_ONLY),
    ("api:contact-vcf", "contact_restricted", FULL_ONLY),
    ("api:meeting-detail", "meeting_restricted", FULL_ONLY),
    ("api:meeting-ics", "meeting_restricted", FULL_ONLY),
    # Shared with field (read it), pointing at restricted records (the canary check: not those).
    ("api:contact-detail", "contact_shared", MEMBERS),
    ("api:contact-vcf", "contact_shared", MEMBERS),
    ("api:meeting-detail", "meeting_shared", MEMBERS),
    ("api:meeting-ics", "meeting_shared", MEMBERS),
    ("api:action-point-detail", "action_point_of_officer", FULL_ONLY),
    ("api:cell-request-detail", "rfa", OWN_OF_FIELD),
    ("api:operation-detail", "other_operation", OTHER_OPERATION),
]:
    API_EXPECTATIONS[f"{_route}[{_placeholder}]"] = {
        "route": _route,
        "kwargs": {"pk": _placeholder},
        "status": _status_table,
    }

# History (officers and HCT/UNCT of the operation; other members 403, anyone else 404): the
# operation comes in the query ("{operation}" is the world's placeholder, filled by the matrix).
API_EXPECTATIONS["api:history"] = {
    "kwargs": {},
    "query": "?operation={operation}",
    "status": _status(default=404, anonymous=401, field=403, partner=403, officer=200, hct=200, admin=200),
}
API_EXPECTATIONS["api:history[no operation]"] = {
    "route": "api:history",
    "kwargs": {},
    "status": _status(default=400, anonymous=401),
}

# Exports of list routes, as partners use them (the matrix's canary check reads these bodies too).
for _route, _format in [
    ("api:actor-list", "hxl"),
    ("api:contact-list", "hxl"),
    ("api:contact-list", "vcf"),
    ("api:asset-list", "hxl"),
    ("api:dependency-list", "hxl"),
    ("api:meeting-list", "hxl"),
    ("api:meeting-list", "ics"),
    ("api:action-point-list", "hxl"),
    ("api:cell-request-list", "hxl"),
]:
    API_EXPECTATIONS[f"{_route}?format={_format}"] = {
        "route": _route,
        "kwargs": {},
        "query": f"?format={_format}",
        "status": LIST,
    }

# --- Search across the operation (web/search.py): its members and its partner; others 404 ---------
API_EXPECTATIONS["api:search"] = {
    "kwargs": {},
    "query": "?q=7f3a9&operation={operation}",
    "status": MEMBERS_AND_PARTNER,
}
API_EXPECTATIONS["api:search[other operation]"] = {
    "route": "api:search",
    "kwargs": {},
    "query": "?q=7f3a9&operation={other_operation}",
    "status": OTHER_OPERATION,
}
# --- HNS (humanitarian notification system): officers and the administrator all; field (WFP's
# staff) WFP's own; HCT/UNCT, other field staff and partner tokens nothing (lists come back empty).
HNS_OWN = _status(default=404, anonymous=401, field=200, officer=200, admin=200)
HNS_CELL = _status(default=404, anonymous=401, officer=200, admin=200)
API_EXPECTATIONS.update(
    {
        **_resource("hns-site", pk="hns_site_own", detail=HNS_OWN),
        **_resource("hns-movement", pk="hns_movement_own", detail=HNS_OWN),
        "api:hns-site-detail[other-organisation]": {
            "route": "api:hns-site-detail",
            "kwargs": {"pk": "hns_site_other"},
            "status": HNS_CELL,
        },
        **{
            f"api:hns-{kind}-list?format={fmt}": {
                "route": f"api:hns-{kind}-list",
                "kwargs": {},
                "query": f"?format={fmt}",
                "status": LIST,
            }
            for kind in ("site", "movement")
            for fmt in ("geojson", "kml")
        },
        "api:hns-movement-detail[other-organisation]": {
            "route": "api:hns-movement-detail",
            "kwargs": {"pk": "hns_movement_other"},
            "status": HNS_CELL,
        },
    }
)
