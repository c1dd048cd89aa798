"""The language switcher on every page: a plain form, no JavaScript; a signed-in user's choice is saved."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

pytestmark = pytest.mark.django_db


def switcher(html: str) -> str:
    match = re.search(
        r'<form method="post" action="/language/" class="language-switcher">.*?</form>', html, re.S
    )
    assert match, "no language switcher on the page"
    return match.group(0)


def test_every_page_has_a_labelled_switcher_listing_each_language_in_its_own_name(client, field, operation):
    for url in [reverse("login")]:
        form = switcher(client.get(url).content.decode())
    client.force_login(field)
    form = switcher(client.get(reverse("web:dashboard", args=[operation.pk])).content.decode())
    assert '<label for="language-switcher-select">' in form
    assert '<option value="ar" lang="ar">العربية</option>' in form
    assert '<option value="fr" lang="fr">Français</option>' in form
    assert '<option value="en" lang="en" selected>English</option>' in form
    assert 'type="submit"' in form
    # A Spanish reader still finds English as "English" (not "Inglés"), and Español selected.
    spanish = switcher(
        client.get(
            reverse("web:dashboard", args=[operation.pk]), headers={"accept-language": "es"}
        ).content.decode()
    )
    assert '<option value="en" lang="en">English</option>' in spanish
    assert '<option value="es" lang="es" selected>Español</option>' in spanish


def test_a_visitor_switches_with_a_cookie_and_comes_back_to_the_page(client):
    response = client.post(reverse("set_language"), {"language": "pt", "next": "/login/"})
    assert response.status_code == 302 and response.url == "/login/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "pt"
    assert client.get("/login/").headers["Content-Language"] == "pt"


def test_a_signed_in_users_choice_is_saved_on_the_account(client, field):
    client.force_login(field)
    client.post(reverse("set_language"), {"language": "ar", "next": "/"})
    field.refresh_from_db()
    assert field.language == "ar"
    # Another device (no cookie) gets it too.
    client.cookies.clear()
    client.force_login(field)
    assert client.get("/", headers={"accept_language": "fr"}).headers["Content-Language"] == "ar"


def test_choosing_the_browsers_language_clears_the_saved_choice(client, field):
    field.language = "fr"
    field.save()
    client.force_login(field)
    client.post(reverse("set_language"), {"language": "", "next": "/"})
    field.refresh_from_db()
    assert field.language == ""
    assert client.get("/", headers={"accept_language": "es"}).headers["Content-Language"] == "es"


def test_an_unknown_language_changes_nothing(client, field):
    client.force_login(field)
    response = client.post(reverse("set_language"), {"language": "xx", "next": "/"})
    assert response.status_code == 302
    field.refresh_from_db()
    assert field.language == ""


def test_the_switcher_takes_only_post(client):
    assert client.get(reverse("set_language")).status_code == 405


def test_the_account_page_shows_and_clears_the_saved_language(client, field):
    field.language = "pt"
    field.save()
    client.force_login(field)
    html = client.get(reverse("accounts:account"), headers={"accept_language": "en"}).content.decode()
    assert '<option value="pt" lang="pt" selected>Português</option>' in html
    assert '<option value="">' in html  # "your browser's language": no saved choice
