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
    "actor-create": _officers(),
    "actor-update": _officers({"pk": "actor_internal"}),
    "actor-update:restricted": {**_officers({"pk": "actor_restricted"}), "route": "actor-update"},
    "actor-delete": _officers({"pk": "actor_internal"}),
    "mandate-create": _officers({"actor": "actor_internal"}),
    "mandate-update": _officers({"pk": "mandate"}),
    "mandate-delete": _officers({"pk": "mandate"}),
    "contact-create": _officers(),
    "contact-create:for-an-actor": {**_officers(query="?actor=1"), "route": "contact-create"},
    "contact-update": _officers({"pk": "contact_approved"}),
    "contact-update:restricted": {**_officers({"pk": "contact_restricted"}), "route": "contact-update"},
    "contact-delete": _officers({"pk": "contact_approved"}),
    "asset-create": _officers(),
    "asset-update": _officers({"pk": "asset"}),
    "asset-delete": _officers({"pk": "asset"}),
    "dependency-create": _officers(),
    "dependency-update": _officers({"pk": "dependency"}),
    "dependency-delete": _officers({"pk": "dependency"}),
    "meeting-create": _officers(),
    "meeting-update": _officers({"pk": "meeting"}),
    "meeting-update:restricted": {**_officers({"pk": "meeting_restricted"}), "route": "meeting-update"},
    "meeting-delete": _officers({"pk": "meeting"}),
    "action-point-create": _officers(),
    "action-point-update": _officers({"pk": "action_point_of_field"}),
    "action-point-delete": _officers({"pk": "action_point_of_field"}),
    "forum-create": _officers(),
    "forum-update": _officers({"pk": "forum"}),
}
