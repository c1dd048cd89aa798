"""User API tokens: issued with the second factor, stored as digests, expiring, revocable by their owner."""

import datetime as dt

import time_machine
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from rest_framework.test import APIClient

from cmcoord.models import UserToken
from tests.signin.steps import PASSWORD, code_for, enrolled, sign_in_with_password

TOKEN_URL = "/api/v1/auth/token/"


def get_token(username, **extra):
    return APIClient().post(TOKEN_URL, {"username": username, "password": PASSWORD, **extra})


def reads_the_api(key) -> int:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return client.get("/api/v1/actors/").status_code


def test_an_officer_not_yet_enrolled_is_told_to_set_up_two_factor_in_the_browser(officer):
    response = get_token("officer")
    assert response.status_code == 403
    assert reverse("accounts:two-factor-setup") in response.json()["detail"]
    assert not UserToken.objects.exists()


def test_an_enrolled_officer_needs_a_current_code(officer):
    device = enrolled(officer)
    without = get_token("officer")
    assert without.status_code == 400 and "otp" in without.json()
    wrong = get_token("officer", otp="000000")
    assert wrong.status_code == 400 and "otp" in wrong.json()
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=5)):  # past the slow-down
        right = get_token("officer", otp=code_for(device))
    assert right.status_code == 200
    assert reads_the_api(right.json()["token"]) == 200


def test_field_staff_without_two_factor_get_a_token_with_their_password(field):
    response = get_token("field")
    assert response.status_code == 200
    assert reads_the_api(response.json()["token"]) == 200


def test_the_database_holds_no_clear_token(field):
    key = get_token("field").json()["token"]
    row = UserToken.objects.values().get()
    assert key not in {str(value) for value in row.values()}
    with connection.cursor() as cursor:  # nor any table: the old clear-text one is gone
        assert "authtoken_token" not in connection.introspection.table_names(cursor)


def test_a_token_expires_after_thirty_days(field):
    response = get_token("field")
    key, expiry = response.json()["token"], response.json()["expiry"]
    assert dt.datetime.fromisoformat(expiry.replace("Z", "+00:00")) > timezone.now() + dt.timedelta(days=29)
    with time_machine.travel(timezone.now() + dt.timedelta(days=29)):
        assert reads_the_api(key) == 200
    with time_machine.travel(timezone.now() + dt.timedelta(days=31)):
        assert reads_the_api(key) == 401


def test_logout_revokes_the_token_used_and_logout_all_every_token(field):
    first, second, third = (get_token("field").json()["token"] for _ in range(3))
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {first}")
    assert client.post("/api/v1/auth/logout/").status_code == 204
    assert reads_the_api(first) == 401 and reads_the_api(second) == 200

    client.credentials(HTTP_AUTHORIZATION=f"Token {second}")
    assert client.post("/api/v1/auth/logout-all/").status_code == 204
    assert reads_the_api(second) == 401 and reads_the_api(third) == 401


def test_the_token_page_lists_only_ones_own_tokens_and_revokes_them(field, outsider):
    mine = get_token("field").json()["token"]
    unused = get_token("field").json()["token"]
    theirs = get_token("outsider").json()["token"]
    reads_the_api(mine)
    browser = Client()
    sign_in_with_password(browser, "field")
    page = browser.get(reverse("accounts:token-list")).content.decode()
    assert mine[:8] in page and unused[:8] in page and theirs[:8] not in page
    assert mine not in page  # the page never shows a whole token
    assert page.count("last used") == 1 and page.count("never used") == 1

    someone_elses = reverse("accounts:token-revoke", kwargs={"key": theirs[:15]})
    assert browser.post(someone_elses).status_code == 404
    assert reads_the_api(theirs) == 200

    own = reverse("accounts:token-revoke", kwargs={"key": mine[:15]})
    assert browser.post(own)["Location"] == reverse("accounts:token-list")
    assert reads_the_api(mine) == 401


def test_partner_keys_still_come_first_and_work(world, api):
    assert api("partner").get("/api/v1/actors/").status_code == 200
    assert api("field").get("/api/v1/actors/").status_code == 200
