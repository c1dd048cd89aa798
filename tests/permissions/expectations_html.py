"""Expected answer to a GET of every HTML route, for every principal.

A route missing here (or in expectations_api.py) fails the matrix: a new page cannot
appear without someone deciding who may open it.
"""

ANON = {"anonymous": 302, "partner": 302}  # HTML ignores API tokens: a partner is a stranger here
MEMBERS = {
    **ANON,
    "outsider": 404,
    "field_other": 404,
    "field": 200,
    "officer": 200,
    "hct": 200,
    "admin": 200,
}
FULL_READERS = {**MEMBERS, "field": 404}  # a record field staff may not even know exists
OFFICERS_ONLY = {**MEMBERS, "field": 403, "hct": 403}  # the page of an operation they are in: no secret
HISTORY = {**MEMBERS, "field": 403}
POST_ONLY = dict.fromkeys(
    ["anonymous", "outsider", "field", "field_other", "officer", "hct", "partner", "admin"], 405
)
EVERYONE_SIGNED_IN = {
    **ANON,
    **dict.fromkeys(["outsider", "field", "field_other", "officer", "hct", "admin"], 200),
}

OP = {"op": "operation"}

HTML_EXPECTATIONS = {
    "home": {"kwargs": {}, "status": EVERYONE_SIGNED_IN},
    "login": {
        "kwargs": {},
        "status": {
            **EVERYONE_SIGNED_IN,
            "anonymous": 200,
            "partner": 200,
            **dict.fromkeys(["outsider", "field", "field_other", "officer", "hct", "admin"], 302),
        },
    },
    "logout": {"kwargs": {}, "status": POST_ONLY},
    "healthz": {"kwargs": {}, "status": dict.fromkeys(POST_ONLY, 200)},
    "operation-detail": {"kwargs": OP, "status": MEMBERS},
    "operation-strategy": {
        "kwargs": OP,
        "status": {**POST_ONLY, **ANON, "outsider": 404, "field_other": 404},
    },
    "operation-members": {"kwargs": OP, "status": OFFICERS_ONLY},
    "partner-token-list": {"kwargs": OP, "status": OFFICERS_ONLY},
    "partner-token-revoke": {"kwargs": {**OP, "pk": "partner_token"}, "status": POST_ONLY},
    "operation-history": {"kwargs": OP, "status": HISTORY},
    "security-list": {"kwargs": OP, "status": MEMBERS},
    "actor-list": {"kwargs": OP, "status": MEMBERS},
    "actor-detail": {"kwargs": {**OP, "pk": "actor_internal"}, "status": MEMBERS},
    "actor-detail:restricted": {
        "route": "actor-detail",
        "kwargs": {**OP, "pk": "actor_restricted"},
        "status": FULL_READERS,
    },
    "actor-decide": {"kwargs": {**OP, "pk": "actor_internal"}, "status": POST_ONLY},
    "contact-list": {"kwargs": OP, "status": MEMBERS},
    "contact-detail": {"kwargs": {**OP, "pk": "contact_approved"}, "status": MEMBERS},
    "contact-detail:restricted": {
        "route": "contact-detail",
        "kwargs": {**OP, "pk": "contact_restricted"},
        "status": FULL_READERS,
    },
    "contact-detail:undecided": {
        "route": "contact-detail",
        "kwargs": {**OP, "pk": "contact_undecided"},
        "status": FULL_READERS,
    },
    "contact-decide": {"kwargs": {**OP, "pk": "contact_approved"}, "status": POST_ONLY},
    "contact-share": {"kwargs": {**OP, "pk": "contact_restricted"}, "status": POST_ONLY},
    "meeting-list": {"kwargs": OP, "status": MEMBERS},
    "meeting-detail": {"kwargs": {**OP, "pk": "meeting"}, "status": MEMBERS},
    "meeting-detail:restricted": {
        "route": "meeting-detail",
        "kwargs": {**OP, "pk": "meeting_restricted"},
        "status": FULL_READERS,
    },
    "meeting-share": {"kwargs": {**OP, "pk": "meeting_restricted"}, "status": POST_ONLY},
    "action-point-list": {"kwargs": OP, "status": MEMBERS},
    "action-point-detail": {"kwargs": {**OP, "pk": "action_point_of_field"}, "status": MEMBERS},
    "action-point-detail:officer's": {
        "route": "action-point-detail",
        "kwargs": {**OP, "pk": "action_point_of_officer"},
        "status": FULL_READERS,
    },
    "cell-request-list": {"kwargs": OP, "status": MEMBERS},
    "cell-request-create": {"kwargs": OP, "status": {**MEMBERS, "hct": 403}},
    "cell-request-detail": {"kwargs": {**OP, "pk": "cell_request_of_field"}, "status": MEMBERS},
    "cell-request-detail:tabled-in-secret": {
        "route": "cell-request-detail",
        "kwargs": {**OP, "pk": "cell_request_tabled_in_secret"},
        "status": MEMBERS,
    },
    "cell-request-detail:rfa": {
        "route": "cell-request-detail",
        "kwargs": {**OP, "pk": "rfa"},
        "status": MEMBERS,
    },
    "cell-request-table": {"kwargs": {**OP, "pk": "cell_request_of_field"}, "status": POST_ONLY},
    "cell-request-answer": {"kwargs": {**OP, "pk": "cell_request_of_field"}, "status": POST_ONLY},
    "cell-request-close": {"kwargs": {**OP, "pk": "cell_request_of_field"}, "status": POST_ONLY},
    "cell-request-endorse": {"kwargs": {**OP, "pk": "rfa"}, "status": POST_ONLY},
    "asset-list": {"kwargs": OP, "status": MEMBERS},
    "asset-detail": {"kwargs": {**OP, "pk": "asset"}, "status": MEMBERS},
    "asset-detail:hidden-provider": {
        "route": "asset-detail",
        "kwargs": {**OP, "pk": "asset_of_hidden_unit"},
        "status": MEMBERS,
    },
    "dependency-list": {"kwargs": OP, "status": MEMBERS},
}
