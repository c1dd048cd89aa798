"""Shared fixtures: an operation with one user per role, another operation, an outsider.

Like Healthchecks' alice/bob/charlie, every test can say what each principal may do.

Two-factor sign-in is required in the tests (DJANGO_REQUIRE_2FA defaults to true), yet most tests
sign in with ``client.force_login(user)``: the rest of the suite signs in as users who passed
two-factor. ``passed_two_factor`` below makes ``force_login`` also record a verified
authenticator in the session, as the code page does. The real flow (password, then code or
enrolment) is tested without this shim in tests/signin/, which signs in through the pages.
"""

import os
import socket
from urllib.parse import urlparse

import pytest

from cmcoord.roles import Role
from cmcoord.services import role_grant
from tests.factories import OperationFactory, UserFactory

IN_CI = os.environ.get("CI", "").lower() == "true"


def require_service(what: str, available: bool, why: str = "") -> None:
    """Skip a test whose service is missing locally; under CI=true, fail it instead."""
    if available:
        return
    message = f"{what} is not available{': ' + why if why else ''}"
    if IN_CI:
        pytest.fail(f"{message} (CI=true: tests needing it must run)")
    pytest.skip(message)


def tcp_reachable(url: str, default_port: int) -> bool:
    parsed = urlparse(url)
    try:
        with socket.create_connection(
            (parsed.hostname or "127.0.0.1", parsed.port or default_port), timeout=2
        ):
            return True
    except OSError:
        return False


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Users are made by the dozen in tests: a fast hasher keeps the suite quick."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def passed_two_factor(monkeypatch):
    """Sessions made by force_login have passed two-factor (see the module docstring)."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    force_login = Client.force_login

    def force_login_verified(self, user, backend=None):
        force_login(self, user, backend)
        device, _ = TOTPDevice.objects.get_or_create(user=user, name="signed-in-by-test", confirmed=True)
        session = self.session
        session[DEVICE_ID_SESSION_KEY] = device.persistent_id
        session.save()

    monkeypatch.setattr(Client, "force_login", force_login_verified)


@pytest.fixture(scope="session", autouse=True)
def uploaded_files_in_a_folder_of_their_own(tmp_path_factory):
    """Files the tests upload land in a temporary folder, not in the developer's media/."""
    from django.test import override_settings

    with override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("media"))):
        yield


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Throttle counters live in the cache: each test starts with none."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def require_postgres(settings):
    engine = settings.DATABASES["default"]["ENGINE"]
    require_service("PostgreSQL", engine == "django.db.backends.postgresql", "set DATABASE_URL")


@pytest.fixture
def redis_url():
    url = os.environ.get("REDIS_URL", "")
    require_service("Redis", bool(url) and tcp_reachable(url, 6379), "set REDIS_URL to a running Redis")
    return url


@pytest.fixture
def operation(db):
    return OperationFactory(name="Cyclone Response Mozambique 2026")


@pytest.fixture
def other_operation(db):
    return OperationFactory(name="Floods Response Malawi 2026", country="MWI", time_zone="Africa/Blantyre")


def _member(username, operation, role):
    user = UserFactory(username=username)
    role_grant(user=user, operation=operation, role=role)
    return user


@pytest.fixture
def officer(operation):
    return _member("officer", operation, Role.OFFICER)


@pytest.fixture
def hct(operation):
    return _member("hct", operation, Role.HCT)


@pytest.fixture
def field(operation):
    return _member("field", operation, Role.FIELD_STAFF)


@pytest.fixture
def field_other(other_operation):
    return _member("field2", other_operation, Role.FIELD_STAFF)


@pytest.fixture
def outsider(db):
    return UserFactory(username="outsider")


@pytest.fixture
def administrator(db):
    return UserFactory(username="admin", is_staff=True, is_superuser=True)


# The API's world and clients (tests/api_world.py) and the officers' signed-in browser
# (tests/pages.py) serve the tests of every app.
from tests.api_world import _fresh_throttles, api, partner_key, principals, world  # noqa: E402, F401
from tests.pages import browser  # noqa: E402, F401
