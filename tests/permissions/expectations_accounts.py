"""The account's pages (two-factor sign-in, API tokens) are each user's own.

Everyone in the matrix has passed two-factor (tests/conftest.py), so the sign-in steps send
them on; tests/signin/ covers the half-signed-in sessions.
"""

from tests.permissions.expectations_html import ANON, POST_ONLY
from tests.permissions.world import PRINCIPALS

SIGNED_IN = {**ANON, **dict.fromkeys(["outsider", "field", "field_other", "officer", "hct", "admin"], 200)}
POST_AFTER_SIGN_IN = {**POST_ONLY, **ANON}
SENT_ON = dict.fromkeys(PRINCIPALS, 302)

ACCOUNT_EXPECTATIONS = {
    "accounts:account": {"kwargs": {}, "status": SIGNED_IN},
    "accounts:two-factor-setup": {"kwargs": {}, "status": SENT_ON},
    "accounts:two-factor-verify": {"kwargs": {}, "status": SENT_ON},
    "accounts:recovery-codes": {"kwargs": {}, "status": POST_AFTER_SIGN_IN},
    "accounts:token-list": {"kwargs": {}, "status": SIGNED_IN},
    # A token key nobody has: a literal, not the name of a world object.
    "accounts:token-revoke": {"kwargs": {"key": 1234567}, "status": POST_AFTER_SIGN_IN},
}
