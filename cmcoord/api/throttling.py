"""Rate limits: per user, per partner token (by token id), per address for the password and feeds.

Rates are in ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]``. Counters live in the default cache:
Redis whenever REDIS_URL is set (so every process and host counts together), else this process.
"""

from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle, UserRateThrottle

from cmcoord.permissions import is_partner


class UserThrottle(UserRateThrottle):
    """Signed-in users, by user id (partner principals have their own limit)."""

    def get_cache_key(self, request, view):
        if is_partner(request.user) or not request.user.is_authenticated:
            return None
        return super().get_cache_key(request, view)


class PartnerThrottle(SimpleRateThrottle):
    """Partner systems, by token: one misbehaving dashboard cannot starve the others."""

    scope = "partner"

    def get_cache_key(self, request, view):
        if not is_partner(request.user):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.token.pk}


class AnonThrottle(AnonRateThrottle):
    """Anonymous callers (the public schema and docs), by address."""


class PasswordThrottle(SimpleRateThrottle):
    """Token requests (username and password), by address: against password guessing."""

    scope = "auth-token"

    def get_cache_key(self, request, view):
        if request.method != "POST":
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class FeedThrottle(SimpleRateThrottle):
    """Calendar feeds (a secret URL, no sign-in), by address."""

    scope = "feed"

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
