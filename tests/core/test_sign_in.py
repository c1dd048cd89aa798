"""Signing in: the login page works, and password guessing is stopped."""

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
