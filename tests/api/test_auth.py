"""Who may call the API at all: tokens, partner keys, sessions, anonymous callers, rate limits."""

from django.test import Client
from rest_framework.test import APIClient

from actors.models import Actor
from cmcoord.models import PartnerToken, UserToken
from cmcoord.services import partner_token_revoke


def test_a_user_gets_a_token_with_username_and_password(field):
    response = APIClient().post(
        "/api/v1/auth/token/", {"username": "field", "password": "correct-horse-battery-staple"}
    )
    assert response.status_code == 200
    assert set(response.json()) == {"token", "expiry"}
    assert UserToken.objects.filter(user=field).count() == 1


def test_a_wrong_password_gets_no_token_and_a_field_message(field):
    response = APIClient().post("/api/v1/auth/token/", {"username": "field", "password": "guess"})
    assert response.status_code == 400
    assert "non_field_errors" in response.json()
    assert not UserToken.objects.filter(user=field).exists()


def test_password_guessing_is_rate_limited_per_address(field):
    """Many usernames from one address: the throttle (10 a minute) stops the spraying."""
    client = APIClient()
    codes = [
        client.post("/api/v1/auth/token/", {"username": f"user{i}", "password": "guess"}).status_code
        for i in range(12)
    ]
    assert codes[:10] == [400] * 10
    assert codes[10:] == [429, 429]


def test_guessing_one_users_password_locks_that_user_out_from_that_address(field):
    """One username: the fifth failure locks it; then even the right password is refused."""
    client = APIClient()
    codes = [
        client.post("/api/v1/auth/token/", {"username": "field", "password": f"guess{i}"}).status_code
        for i in range(5)
    ]
    right = client.post(
        "/api/v1/auth/token/", {"username": "field", "password": "correct-horse-battery-staple"}
    )
    assert codes == [400] * 4 + [429]
    assert right.status_code == 429 and "token" not in right.json()


def test_anonymous_callers_get_401_with_a_www_authenticate_header(world):
    response = APIClient().get("/api/v1/actors/")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_a_user_token_reads_the_api(world, api):
    assert api("field").get("/api/v1/actors/").status_code == 200


def test_an_unknown_token_is_refused_with_401(world):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token nonsense")
    assert client.get("/api/v1/actors/").status_code == 401
    client.credentials(HTTP_AUTHORIZATION="Token cmp_nonsense")
    assert client.get("/api/v1/actors/").status_code == 401


def test_a_revoked_partner_token_is_refused(world, api, officer):
    partner_token_revoke(token=PartnerToken.objects.get(), by=officer)
    assert api("partner").get("/api/v1/actors/").status_code == 401


def test_partner_tokens_are_read_only_and_leave_the_database_unchanged(world, api):
    client = api("partner")
    before = Actor.objects.count()
    body = {
        "operation": world.operation.pk,
        "name": "X",
        "category": "domestic_civilian",
        "actor_type": "other",
    }
    assert client.post("/api/v1/actors/", body).status_code == 403
    assert client.patch(f"/api/v1/actors/{world.actor_shareable.pk}/", {"name": "Y"}).status_code == 403
    assert client.delete(f"/api/v1/actors/{world.actor_shareable.pk}/").status_code == 403
    assert client.post("/api/v1/feeds/reset/").status_code == 403
    assert Actor.objects.count() == before
    world.actor_shareable.refresh_from_db()
    assert world.actor_shareable.name == "Joint Task Force South"


def test_a_user_revokes_their_own_token(world, api, field):
    client = api("field")
    assert client.delete("/api/v1/auth/token/").status_code == 204
    assert not UserToken.objects.filter(user=field).exists()
    assert client.get("/api/v1/actors/").status_code == 401


def test_the_browser_session_works_and_writes_need_the_csrf_token(world, officer):
    client = Client(enforce_csrf_checks=True)
    client.force_login(officer)
    assert client.get("/api/v1/actors/").status_code == 200
    body = {"operation": world.operation.pk, "name": "UNHCR", "category": "international_civilian"}
    response = client.post("/api/v1/actors/", body, content_type="application/json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_each_partner_token_has_its_own_rate_limit(world, api):
    from unittest import mock

    from cmcoord.api.throttling import PartnerThrottle

    with mock.patch.dict(PartnerThrottle.THROTTLE_RATES, {"partner": "3/minute"}):
        codes = [api("partner").get("/api/v1/actors/").status_code for _ in range(4)]
        assert codes == [200, 200, 200, 429]
        assert api("officer").get("/api/v1/actors/").status_code == 200
