"""Signing in: the login page works, and password guessing is stopped."""

import pytest
from django.urls import reverse


def test_a_member_signs_in_and_lands_on_their_operations(client, operation, field):
    response = client.post(
        reverse("login"), {"username": "field", "password": "correct-horse-battery-staple"}
    )
    assert response.status_code == 302
    assert operation.name in client.get(response["Location"]).content.decode()


def test_a_wrong_password_says_so_without_saying_which_part_was_wrong(client, field):
    page = client.post(reverse("login"), {"username": "field", "password": "nope"}).content.decode()
    assert "Please enter a correct username and password" in page


def test_five_wrong_passwords_pause_the_account_even_for_the_right_one(client, field):
    for _ in range(5):
        client.post(reverse("login"), {"username": "field", "password": "guess"})
    response = client.post(
        reverse("login"), {"username": "field", "password": "correct-horse-battery-staple"}
    )
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.content.decode()


def test_the_api_token_endpoint_is_guarded_too(client, field):
    url = reverse("api:auth-token")
    for _ in range(5):
        client.post(url, {"username": "field", "password": "guess"}, content_type="application/json")
    response = client.post(
        url,
        {"username": "field", "password": "correct-horse-battery-staple"},
        content_type="application/json",
    )
    assert response.status_code == 429
    assert "Too many failed sign-ins" in response.json()["detail"]


PROXY = "10.0.0.2"  # the reverse proxy in front of the app: every request comes from it


def through_proxy(client, forwarded_for, password):
    return client.post(
        reverse("login"),
        {"username": "field", "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


@pytest.fixture
def behind_one_proxy(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}


def test_behind_a_proxy_a_guesser_locks_out_only_their_own_address(client, field, behind_one_proxy):
    for _ in range(5):
        through_proxy(client, "203.0.113.9", "guess")
    assert through_proxy(client, "203.0.113.9", "correct-horse-battery-staple").status_code == 429
    # The member signing in from elsewhere through the same proxy is not paused.
    assert through_proxy(client, "198.51.100.7", "correct-horse-battery-staple").status_code == 302


def test_a_forwarded_address_that_is_not_one_is_not_trusted(client, field, behind_one_proxy):
    response = through_proxy(client, "<script>, not-an-address", "guess")
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()
