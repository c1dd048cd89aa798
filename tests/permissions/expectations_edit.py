"""Expected answer to a GET of the officers' create, edit and delete pages, for every principal.

Writing the registry is the officers' (and the administrator's): field staff and HCT/UNCT
members get 403 on these pages of their own operation (no secret: they know the operation),
outsiders and members of another operation 404, anyone not signed in goes to the login.
"""

from tests.permissions.expectations_html import OFFICERS_ONLY, OP


def _officers(route_kwargs: dict | None = None, query: str = "") -> dict:
    entry = {"kwargs": {**OP, **(route_kwargs or {})}, "status": OFFICERS_ONLY}
    if query:
        entry["query"] = query
    return entry


EDIT_EXPECTATIONS = {
    "cmcoord:settings": _officers(),
    "actors:create": _officers(),
    "actors:update": _officers({"pk": "actor_internal"}),
    "actors:update[restricted]": {**_officers({"pk": "actor_restricted"}), "route": "actors:update"},
    "actors:delete": _officers({"pk": "actor_internal"}),
    "actors:mandate-create": _officers({"actor": "actor_internal"}),
    "actors:mandate-update": _officers({"pk": "mandate"}),
    "actors:mandate-delete": _officers({"pk": "mandate"}),
    # Actor links (issue 11): created from an actor's page, edited and deleted on their own.
    "actors:link-create": _officers({"actor": "actor_internal"}),
    "actors:link-create[restricted-actor]": {
        **_officers({"actor": "actor_restricted"}),
        "route": "actors:link-create",
    },
    "actors:link-update": _officers({"pk": "actor_link"}),
    "actors:link-delete": _officers({"pk": "actor_link"}),
    "contacts:create": _officers(),
    "contacts:create[for-an-actor]": {**_officers(query="?actor=1"), "route": "contacts:create"},
    "contacts:update": _officers({"pk": "contact_approved"}),
    "contacts:update[restricted]": {**_officers({"pk": "contact_restricted"}), "route": "contacts:update"},
    "contacts:delete": _officers({"pk": "contact_approved"}),
    "assets:create": _officers(),
    "assets:update": _officers({"pk": "asset"}),
    "assets:delete": _officers({"pk": "asset"}),
    "assets:dependency-create": _officers(),
    "assets:dependency-update": _officers({"pk": "dependency"}),
    "assets:dependency-delete": _officers({"pk": "dependency"}),
    "meetings:create": _officers(),
    # The old single edit page: now the way into the sections (officers are sent to the details).
    "meetings:update": {
        **_officers({"pk": "meeting"}),
        "status": {**OFFICERS_ONLY, "officer": 302, "admin": 302},
    },
    "meetings:update[restricted]": {
        **_officers({"pk": "meeting_restricted"}),
        "route": "meetings:update",
        "status": {**OFFICERS_ONLY, "officer": 302, "admin": 302},
    },
    "meetings:delete": _officers({"pk": "meeting"}),
    "meetings:action-point-create": _officers(),
    "meetings:action-point-update": _officers({"pk": "action_point_of_field"}),
    "meetings:action-point-delete": _officers({"pk": "action_point_of_field"}),
    "meetings:forum-create": _officers(),
    "meetings:forum-update": _officers({"pk": "forum"}),
    # Security context and guidelines kept in the browser (issue 11). Guidelines are drafted by
    # officers (draft_strategy): the HCT/UNCT approves them on the document's page, not here.
    "cmcoord:security-create": _officers(),
    "cmcoord:security-create[for-an-area]": {
        **_officers(query="?area=1"),
        "route": "cmcoord:security-create",
    },
    "cmcoord:security-update": _officers({"pk": "security_assessment"}),
    "cmcoord:security-update[restricted]": {
        **_officers({"pk": "security_assessment_restricted"}),
        "route": "cmcoord:security-update",
    },
    "cmcoord:security-delete": _officers({"pk": "security_assessment"}),
    "cmcoord:guideline-create": _officers(),
    "cmcoord:guideline-update": _officers({"pk": "guideline"}),
    "cmcoord:guideline-update[draft]": {
        **_officers({"pk": "guideline_draft"}),
        "route": "cmcoord:guideline-update",
    },
    # Meetings (issue 11): the edit page in sections, and "Send summary to participants".
    "meetings:edit-details": _officers({"pk": "meeting"}),
    "meetings:edit-details[restricted]": {
        **_officers({"pk": "meeting_restricted"}),
        "route": "meetings:edit-details",
    },
    "meetings:edit-agenda": _officers({"pk": "meeting"}),
    "meetings:edit-participants": _officers({"pk": "meeting"}),
    "meetings:edit-participants[restricted]": {
        **_officers({"pk": "meeting_restricted"}),
        "route": "meetings:edit-participants",
    },
    "meetings:edit-participants[search]": {
        **_officers({"pk": "meeting"}, query="?q=Special&actor=1"),
        "route": "meetings:edit-participants",
    },
    "meetings:edit-attendance": _officers({"pk": "meeting"}),
    "meetings:edit-decisions": _officers({"pk": "meeting"}),
    "meetings:edit-minutes": _officers({"pk": "meeting"}),
    "meetings:edit-minutes[restricted]": {
        **_officers({"pk": "meeting_restricted"}),
        "route": "meetings:edit-minutes",
    },
    "meetings:send-summary": _officers({"pk": "meeting"}),
    "meetings:send-summary[restricted]": {
        **_officers({"pk": "meeting_restricted"}),
        "route": "meetings:send-summary",
    },
}
