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

# Keys are URL names ("actors:detail"); the same route with another object is keyed
# "<route>[<variant>]" and names its route in "route", as in expectations_api.py.

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
    "set_language": {"kwargs": {}, "status": POST_ONLY},  # the language switcher: a POST from any page
    "healthz": {"kwargs": {}, "status": dict.fromkeys(POST_ONLY, 200)},
    "web:dashboard": {"kwargs": OP, "status": MEMBERS},
    "web:strategy": {
        "kwargs": OP,
        "status": {**POST_ONLY, **ANON, "outsider": 404, "field_other": 404},
    },
    "web:strategy-versions": {"kwargs": OP, "status": MEMBERS},
    "contacts:question-list": {"kwargs": OP, "status": HISTORY},  # officers and HCT/UNCT
    "contacts:question-ask": {"kwargs": OP, "status": POST_ONLY},
    "contacts:question-answer": {"kwargs": {**OP, "pk": "interlocutor_question"}, "status": POST_ONLY},
    "cmcoord:members": {"kwargs": OP, "status": OFFICERS_ONLY},
    "cmcoord:partner-token-list": {"kwargs": OP, "status": OFFICERS_ONLY},
    "imports:start": {"kwargs": OP, "status": OFFICERS_ONLY},
    # An upload is its officer's own: another officer (or the administrator) does not find it.
    "imports:batch": {"kwargs": {**OP, "pk": "import_batch"}, "status": {**OFFICERS_ONLY, "admin": 404}},
    "cmcoord:partner-token-revoke": {"kwargs": {**OP, "pk": "partner_token"}, "status": POST_ONLY},
    "web:history": {"kwargs": OP, "status": HISTORY},
    "cmcoord:security-list": {"kwargs": OP, "status": MEMBERS},
    "cmcoord:guideline-file": {"kwargs": {**OP, "pk": "guideline"}, "status": MEMBERS},
    "cmcoord:guideline-file[restricted]": {
        "route": "cmcoord:guideline-file",
        "kwargs": {**OP, "pk": "guideline_restricted"},
        "status": FULL_READERS,
    },
    # Security context and guidelines kept in the browser (issue 11).
    "cmcoord:security-detail": {"kwargs": {**OP, "pk": "security_assessment"}, "status": MEMBERS},
    "cmcoord:security-detail[restricted]": {
        "route": "cmcoord:security-detail",
        "kwargs": {**OP, "pk": "security_assessment_restricted"},
        "status": FULL_READERS,
    },
    "cmcoord:guideline-list": {"kwargs": OP, "status": MEMBERS},
    "cmcoord:guideline-detail": {"kwargs": {**OP, "pk": "guideline"}, "status": MEMBERS},
    "cmcoord:guideline-detail[restricted]": {
        "route": "cmcoord:guideline-detail",
        "kwargs": {**OP, "pk": "guideline_restricted"},
        "status": FULL_READERS,
    },
    "cmcoord:guideline-detail[draft]": {  # not approved yet: officers and HCT/UNCT only
        "route": "cmcoord:guideline-detail",
        "kwargs": {**OP, "pk": "guideline_draft"},
        "status": FULL_READERS,
    },
    "cmcoord:guideline-file[draft]": {
        "route": "cmcoord:guideline-file",
        "kwargs": {**OP, "pk": "guideline_draft"},
        "status": FULL_READERS,
    },
    "cmcoord:guideline-file[shareable]": {  # HTML ignores the partner's token: the API serves it
        "route": "cmcoord:guideline-file",
        "kwargs": {**OP, "pk": "guideline_shareable"},
        "status": MEMBERS,
    },
    "cmcoord:guideline-approve": {"kwargs": {**OP, "pk": "guideline_draft"}, "status": POST_ONLY},
    "cmcoord:guideline-archive": {"kwargs": {**OP, "pk": "guideline"}, "status": POST_ONLY},
    "actors:list": {"kwargs": OP, "status": MEMBERS},
    "actors:detail": {"kwargs": {**OP, "pk": "actor_internal"}, "status": MEMBERS},
    "actors:detail[restricted]": {
        "route": "actors:detail",
        "kwargs": {**OP, "pk": "actor_restricted"},
        "status": FULL_READERS,
    },
    # Actor links and the chain of command (issue 11): the picture of the operation, for every member.
    "actors:chart": {"kwargs": OP, "status": MEMBERS},
    "contacts:actor-decide": {"kwargs": {**OP, "pk": "actor_internal"}, "status": POST_ONLY},
    "contacts:list": {"kwargs": OP, "status": MEMBERS},
    "contacts:detail": {"kwargs": {**OP, "pk": "contact_approved"}, "status": MEMBERS},
    "contacts:detail[restricted]": {
        "route": "contacts:detail",
        "kwargs": {**OP, "pk": "contact_restricted"},
        "status": FULL_READERS,
    },
    "contacts:detail[undecided]": {
        "route": "contacts:detail",
        "kwargs": {**OP, "pk": "contact_undecided"},
        "status": FULL_READERS,
    },
    "contacts:detail[shared]": {
        "route": "contacts:detail",
        "kwargs": {**OP, "pk": "contact_shared"},
        "status": MEMBERS,  # shared with field: readable, its restricted actor is not
    },
    "contacts:decide": {"kwargs": {**OP, "pk": "contact_approved"}, "status": POST_ONLY},
    "contacts:share": {"kwargs": {**OP, "pk": "contact_restricted"}, "status": POST_ONLY},
    "meetings:list": {"kwargs": OP, "status": MEMBERS},
    "meetings:detail": {"kwargs": {**OP, "pk": "meeting"}, "status": MEMBERS},
    "meetings:detail[restricted]": {
        "route": "meetings:detail",
        "kwargs": {**OP, "pk": "meeting_restricted"},
        "status": FULL_READERS,
    },
    "meetings:detail[shared]": {
        "route": "meetings:detail",
        "kwargs": {**OP, "pk": "meeting_shared"},
        "status": MEMBERS,  # shared with field: readable, its restricted forum and people are not
    },
    "meetings:share": {"kwargs": {**OP, "pk": "meeting_restricted"}, "status": POST_ONLY},
    # Meetings (issue 11): the record on paper and as a Word document, for whoever reads the meeting.
    "meetings:print": {"kwargs": {**OP, "pk": "meeting"}, "status": MEMBERS},
    "meetings:print[restricted]": {
        "route": "meetings:print",
        "kwargs": {**OP, "pk": "meeting_restricted"},
        "status": FULL_READERS,
    },
    "meetings:print[shared]": {
        "route": "meetings:print",
        "kwargs": {**OP, "pk": "meeting_shared"},
        "status": MEMBERS,  # shared with field: its minutes, restricted forum and people stay hidden
    },
    "meetings:record-docx": {"kwargs": {**OP, "pk": "meeting"}, "status": MEMBERS},
    "meetings:record-docx[restricted]": {
        "route": "meetings:record-docx",
        "kwargs": {**OP, "pk": "meeting_restricted"},
        "status": FULL_READERS,
    },
    "meetings:record-docx[shared]": {
        "route": "meetings:record-docx",
        "kwargs": {**OP, "pk": "meeting_shared"},
        "status": MEMBERS,
    },
    "meetings:action-point-list": {"kwargs": OP, "status": MEMBERS},
    "meetings:action-point-detail": {"kwargs": {**OP, "pk": "action_point_of_field"}, "status": MEMBERS},
    "meetings:action-point-detail[officer's]": {
        "route": "meetings:action-point-detail",
        "kwargs": {**OP, "pk": "action_point_of_officer"},
        "status": FULL_READERS,
    },
    "cell:request-list": {"kwargs": OP, "status": MEMBERS},
    "cell:request-create": {"kwargs": OP, "status": {**MEMBERS, "hct": 403}},
    "cell:request-detail": {"kwargs": {**OP, "pk": "cell_request_of_field"}, "status": MEMBERS},
    "cell:request-detail[tabled-in-secret]": {
        "route": "cell:request-detail",
        "kwargs": {**OP, "pk": "cell_request_tabled_in_secret"},
        "status": MEMBERS,
    },
    "cell:request-detail[rfa]": {
        "route": "cell:request-detail",
        "kwargs": {**OP, "pk": "rfa"},
        "status": MEMBERS,
    },
    "cell:request-table": {"kwargs": {**OP, "pk": "cell_request_of_field"}, "status": POST_ONLY},
    "cell:request-answer": {"kwargs": {**OP, "pk": "cell_request_of_field"}, "status": POST_ONLY},
    "cell:request-close": {"kwargs": {**OP, "pk": "cell_request_of_field"}, "status": POST_ONLY},
    "cell:request-endorse": {"kwargs": {**OP, "pk": "rfa"}, "status": POST_ONLY},
    "cell:request-triage": {"kwargs": {**OP, "pk": "cell_request_of_field"}, "status": POST_ONLY},
    "cell:request-send": {"kwargs": {**OP, "pk": "rfa"}, "status": POST_ONLY},
    "cell:request-military-answer": {"kwargs": {**OP, "pk": "rfa"}, "status": POST_ONLY},
    # The RFA on paper: whoever reads the request (field staff their own).
    "cell:request-print": {"kwargs": {**OP, "pk": "rfa"}, "status": MEMBERS},
    # The deployment created from an RFA: the world's RFA is not accepted by the military yet, so
    # the officer is sent back to the request (302); the others may not write the registry.
    "cell:request-deployment": {
        "kwargs": {**OP, "request_pk": "rfa"},
        "status": {**OFFICERS_ONLY, "officer": 302, "admin": 302},
    },
    "assets:list": {"kwargs": OP, "status": MEMBERS},
    "assets:detail": {"kwargs": {**OP, "pk": "asset"}, "status": MEMBERS},
    "assets:detail[hidden-provider]": {
        "route": "assets:detail",
        "kwargs": {**OP, "pk": "asset_of_hidden_unit"},
        "status": MEMBERS,
    },
    "assets:dependency-list": {"kwargs": OP, "status": MEMBERS},
    # --- Search across the operation (web/search.py): members; the canary's records stay hidden ---
    "web:search": {"kwargs": OP, "query": "?q=7f3a9", "status": MEMBERS},
    "web:search[one kind]": {
        "route": "web:search",
        "kwargs": OP,
        "query": "?q=7f3a9&kind=contacts&page=1",
        "status": MEMBERS,
    },
    # Pictures (issue 11): the MCDA timeline and the 3W presence matrix, read by every member.
    "assets:timeline": {"kwargs": OP, "status": MEMBERS},
    "actors:presence-matrix": {"kwargs": OP, "status": MEMBERS},
    # --- HNS (humanitarian notification system): officers all; field (WFP's staff) WFP's own;
    # HCT/UNCT the overview's counts; nobody else anything.
    "hns:overview": {"kwargs": OP, "status": MEMBERS},
    "hns:site-list": {"kwargs": OP, "status": MEMBERS},
    "hns:movement-list": {"kwargs": OP, "status": MEMBERS},
    "hns:site-create": {"kwargs": OP, "status": {**MEMBERS, "hct": 403}},
    "hns:movement-create": {"kwargs": OP, "status": {**MEMBERS, "hct": 403}},
    "hns:site-detail": {"kwargs": {**OP, "pk": "hns_site_own"}, "status": {**MEMBERS, "hct": 404}},
    "hns:site-detail[other-organisation]": {
        "route": "hns:site-detail",
        "kwargs": {**OP, "pk": "hns_site_other"},
        "status": {**FULL_READERS, "hct": 404},
    },
    "hns:site-update": {"kwargs": {**OP, "pk": "hns_site_own"}, "status": {**MEMBERS, "hct": 404}},
    "hns:site-update[other-organisation]": {
        "route": "hns:site-update",
        "kwargs": {**OP, "pk": "hns_site_other"},
        "status": {**FULL_READERS, "hct": 404},
    },
    "hns:movement-detail": {"kwargs": {**OP, "pk": "hns_movement_own"}, "status": {**MEMBERS, "hct": 404}},
    "hns:movement-detail[other-organisation]": {
        "route": "hns:movement-detail",
        "kwargs": {**OP, "pk": "hns_movement_other"},
        "status": {**FULL_READERS, "hct": 404},
    },
    "hns:movement-update": {"kwargs": {**OP, "pk": "hns_movement_own"}, "status": {**MEMBERS, "hct": 404}},
    "hns:site-cancel": {"kwargs": {**OP, "pk": "hns_site_own"}, "status": POST_ONLY},
    "hns:site-check": {"kwargs": {**OP, "pk": "hns_site_own"}, "status": POST_ONLY},
    "hns:site-relay": {"kwargs": {**OP, "pk": "hns_site_own"}, "status": POST_ONLY},
    "hns:site-incident": {"kwargs": {**OP, "pk": "hns_site_own"}, "status": POST_ONLY},
    "hns:movement-cancel": {"kwargs": {**OP, "pk": "hns_movement_own"}, "status": POST_ONLY},
    "hns:movement-check": {"kwargs": {**OP, "pk": "hns_movement_own"}, "status": POST_ONLY},
    "hns:movement-relay": {"kwargs": {**OP, "pk": "hns_movement_own"}, "status": POST_ONLY},
    "hns:movement-incident": {"kwargs": {**OP, "pk": "hns_movement_own"}, "status": POST_ONLY},
    "hns:movement-status": {"kwargs": {**OP, "pk": "hns_movement_own"}, "status": POST_ONLY},
    "hns:relay-acknowledge": {"kwargs": {**OP, "pk": "hns_relay"}, "status": POST_ONLY},
    "hns:staff": {"kwargs": OP, "status": OFFICERS_ONLY},
    "hns:settings": {"kwargs": OP, "status": OFFICERS_ONLY},
    "hns:staff-remove": {"kwargs": {**OP, "pk": "hns_staff"}, "status": POST_ONLY},
    "hns:package": {"kwargs": {**OP, "pk": "hns_party"}, "status": OFFICERS_ONLY},
    "hns:package[geojson]": {
        "route": "hns:package",
        "kwargs": {**OP, "pk": "hns_party"},
        "query": "?format=geojson",
        "status": OFFICERS_ONLY,
    },
    "hns:package[kml]": {
        "route": "hns:package",
        "kwargs": {**OP, "pk": "hns_party"},
        "query": "?format=kml",
        "status": OFFICERS_ONLY,
    },
}
