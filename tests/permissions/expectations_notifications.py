"""Notifications are each user's own: every signed-in user has the pages, showing only theirs."""

from tests.permissions.expectations_html import ANON, POST_ONLY

SIGNED_IN = {**ANON, **dict.fromkeys(["outsider", "field", "field_other", "officer", "hct", "admin"], 200)}
POST_AFTER_SIGN_IN = {**POST_ONLY, **ANON}

NOTIFICATION_EXPECTATIONS = {
    "notifications:list": {"kwargs": {}, "status": SIGNED_IN},
    "notifications:preferences": {"kwargs": {}, "status": SIGNED_IN},
    "notifications:mark-all-read": {"kwargs": {}, "status": POST_AFTER_SIGN_IN},
    "notifications:calendar-reset": {"kwargs": {}, "status": POST_AFTER_SIGN_IN},
    "notifications:mark-read": {"kwargs": {"pk": "notification_of_field"}, "status": POST_AFTER_SIGN_IN},
}
