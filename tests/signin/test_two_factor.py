"""Two-factor sign-in through the pages, without the suite's force_login shim.

Officers, HCT members and administrators need a code after the password (and must set up an
authenticator first); field staff may choose to.
"""

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from tests.signin.steps import code_for, code_from, enrolled, secret_shown, sign_in_with_password

SETUP = reverse("accounts:two-factor-setup")
VERIFY = reverse("accounts:two-factor-verify")


def operation_page(operation):
    return reverse("web:dashboard", kwargs={"op": operation.pk})


def recovery_codes_in(page: str) -> list[str]:
    block = re.search(r'id="recovery-codes">(.*?)</ul>', page, re.S).group(1)
    return re.findall(r'<code class="key">([a-z0-9]+)</code>', block)


def enrol_through_the_page(client) -> list[str]:
    """Scan (here: read) the secret shown, send the app's code; returns the recovery codes."""
    page = client.get(SETUP).content.decode()
    response = client.post(SETUP, {"code": code_from(secret_shown(page))})
    assert response.status_code == 200
    return recovery_codes_in(response.content.decode())


def test_an_officer_with_only_a_password_is_sent_to_set_up_two_factor(client, operation, officer):
    response = sign_in_with_password(client, "officer")
    assert client.get(response["Location"])["Location"].startswith(SETUP)
    # Nothing else opens: the operation's pages, the API through the session, the admin.
    opened = client.get(operation_page(operation))
    assert opened.status_code == 302 and opened["Location"].startswith(SETUP)
    assert client.get("/api/v1/actors/").status_code == 401
    assert client.get(reverse("accounts:token-list"))["Location"].startswith(SETUP)


def test_the_setup_page_shows_a_qr_code_drawn_on_the_server_and_the_secret_as_text(client, hct):
    sign_in_with_password(client, "hct")
    page = client.get(SETUP).content.decode()
    assert "<svg" in page and "<script" not in page
    assert len(secret_shown(page)) == 20  # a 160-bit key, typed in by hand if need be


def test_enrolling_with_the_code_from_the_shown_secret_opens_the_operation(client, operation, officer):
    sign_in_with_password(client, "officer", next_url=operation_page(operation))
    codes = enrol_through_the_page(client)
    assert len(codes) == 10 and len(set(codes)) == 10
    assert client.get(operation_page(operation)).status_code == 200


def test_a_wrong_enrolment_code_turns_nothing_on(client, operation, officer):
    sign_in_with_password(client, "officer")
    client.get(SETUP)
    page = client.post(SETUP, {"code": "000000"}).content.decode()
    assert "This code does not match" in page
    assert client.get(operation_page(operation))["Location"].startswith(SETUP)


def test_an_enrolled_officer_gives_a_code_after_the_password(client, operation, officer):
    device = enrolled(officer)
    sign_in_with_password(client, "officer", next_url=operation_page(operation))
    assert client.get(operation_page(operation))["Location"].startswith(VERIFY)
    response = client.post(VERIFY, {"code": code_for(device), "next": operation_page(operation)})
    assert response["Location"] == operation_page(operation)
    assert client.get(operation_page(operation)).status_code == 200


def test_a_wrong_code_is_refused(client, operation, officer):
    enrolled(officer)
    sign_in_with_password(client, "officer")
    page = client.post(VERIFY, {"code": "123456"}).content.decode()
    assert "This code is wrong or has expired" in page
    assert client.get(operation_page(operation)).status_code == 302


def test_a_recovery_code_signs_in_once(client, operation, hct):
    sign_in_with_password(client, "hct")
    code = enrol_through_the_page(client)[0]
    client.post(reverse("logout"))

    sign_in_with_password(client, "hct")
    assert client.post(VERIFY, {"code": code})["Location"] == reverse("home")
    assert client.get(operation_page(operation)).status_code == 200
    client.post(reverse("logout"))

    sign_in_with_password(client, "hct")
    with time_machine.travel(timezone.now() + dt.timedelta(seconds=5)):  # past the 1 s slow-down
        assert "This code is wrong" in client.post(VERIFY, {"code": code}).content.decode()
    assert client.get(operation_page(operation)).status_code == 302


def test_field_staff_are_not_forced_and_may_enrol_from_their_account_page(client, operation, field):
    sign_in_with_password(client, "field")
    assert client.get(operation_page(operation)).status_code == 200
    account = client.get(reverse("accounts:account")).content.decode()
    assert SETUP in account
    enrol_through_the_page(client)
    client.post(reverse("logout"))
    # Once enrolled, their password alone no longer signs them in.
    sign_in_with_password(client, "field")
    assert client.get(operation_page(operation))["Location"].startswith(VERIFY)


def test_the_admin_needs_the_second_step_too(client, administrator):
    client.post(reverse("admin:login"), {"username": "admin", "password": "correct-horse-battery-staple"})
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and response["Location"].startswith(SETUP)
    enrol_through_the_page(client)
    assert client.get(reverse("admin:index")).status_code == 200


def test_the_admin_site_itself_refuses_a_session_without_the_second_step(rf, administrator):
    """Even past the middleware (e.g. if it were removed), the admin asks for the verified session."""
    from django.contrib import admin

    request = rf.get("/admin/")
    request.user = administrator
    administrator.is_verified = lambda: False
    assert not admin.site.has_permission(request)
    administrator.is_verified = lambda: True
    assert admin.site.has_permission(request)


def test_wrong_codes_count_towards_the_sign_in_lockout(client, operation, officer):
    enrolled(officer)
    sign_in_with_password(client, "officer")
    answers = []
    for second in range(5):
        with time_machine.travel(timezone.now() + dt.timedelta(minutes=second + 1)):
            answers.append(client.post(VERIFY, {"code": "000000"}).status_code)
    assert answers == [200, 200, 200, 200, 429]
    # The half-signed-in session is over, and the password is paused too.
    assert client.get(operation_page(operation))["Location"].startswith(reverse("login"))
    assert sign_in_with_password(client, "officer").status_code == 429


def test_codes_in_quick_succession_are_slowed_down(client, officer):
    device = enrolled(officer)
    sign_in_with_password(client, "officer")
    client.post(VERIFY, {"code": "000000"})
    # Even the right code is refused within the back-off after a wrong one.
    assert "wrong" in client.post(VERIFY, {"code": code_for(device)}).content.decode()


@pytest.mark.parametrize("enforced, lands_on", [(True, SETUP), (False, "/")])
def test_the_setting_turns_the_requirement_off_for_the_demo(client, settings, officer, enforced, lands_on):
    settings.TWO_FACTOR_REQUIRED = enforced
    response = sign_in_with_password(client, "officer")
    follow = client.get(response["Location"])
    where = follow["Location"] if follow.status_code == 302 else response["Location"]
    assert where.startswith(lands_on)
