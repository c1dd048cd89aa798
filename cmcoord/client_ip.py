"""The caller's address: one rule for the API's rate limits and the sign-in lockout.

Behind ``DJANGO_NUM_PROXIES`` trusted reverse proxies it is the address the outermost trusted
proxy saw (from X-Forwarded-For, DRF's own rule); without proxies it is the peer address. A
forwarded value that is not an IP address is not trusted.
"""

import ipaddress

from rest_framework.throttling import BaseThrottle


def client_ip(request) -> str | None:
    address = BaseThrottle().get_ident(request)
    try:
        return str(ipaddress.ip_address((address or "").strip()))
    except ValueError:
        return request.META.get("REMOTE_ADDR")
