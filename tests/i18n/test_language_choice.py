"""Which language a page is in: the user's saved choice, the browser's, the operation's, English."""

import pytest
from django.urls import reverse

from cmcoord.i18n import language_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def page_language(client, url, **headers):
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    return response.headers["Content-Language"], response.content.decode()


def test_a_browser_that_speaks_french_gets_french_pages(client):
    language, html = page_language(client, reverse("login"), accept_language="fr-FR,fr;q=0.9,en;q=0.5")
    assert language == "fr"
    assert '<html lang="fr" dir="ltr">' in html


def test_arabic_pages_read_right_to_left(client, field):
    client.force_login(field)
    language, html = page_language(client, reverse("home"), accept_language="ar")
    assert language == "ar"
    assert '<html lang="ar" dir="rtl">' in html


def test_the_saved_choice_beats_the_browser(client, field):
    field.language = "es"
    field.save()
    client.force_login(field)
    language, _ = page_language(client, reverse("home"), accept_language="fr")
    assert language == "es"


def test_an_unsupported_browser_language_falls_back_to_the_operation_in_the_url(client, field, operation):
    operation.default_language = "pt"
    operation.save()
    client.force_login(field)
    url = reverse("web:dashboard", args=[operation.pk])
    assert page_language(client, url, accept_language="de-DE,de")[0] == "pt"
    # A supported browser language still comes before the operation's default.
    assert page_language(client, url, accept_language="fr")[0] == "fr"


def test_a_member_of_one_operation_gets_its_default_on_every_page(client, field, operation):
    operation.default_language = "fr"
    operation.save()
    client.force_login(field)
    assert page_language(client, reverse("home"), accept_language="sw")[0] == "fr"


def test_a_member_of_two_operations_gets_english_outside_them(client, field, operation, other_operation):
    from cmcoord.roles import Role
    from cmcoord.services import role_grant

    operation.default_language = "fr"
    operation.save()
    other_operation.default_language = "pt"
    other_operation.save()
    role_grant(user=field, operation=other_operation, role=Role.FIELD_STAFF)
    client.force_login(field)
    assert page_language(client, reverse("home"), accept_language="sw")[0] == "en"
    url = reverse("web:dashboard", args=[other_operation.pk])
    assert page_language(client, url, accept_language="sw")[0] == "pt"


def test_an_operation_the_user_cannot_see_does_not_set_the_language(client, field, other_operation):
    other_operation.default_language = "ar"
    other_operation.save()
    client.force_login(field)
    response = client.get(
        reverse("web:dashboard", args=[other_operation.pk]), headers={"accept_language": "sw"}
    )
    assert response.status_code == 404
    assert response.headers["Content-Language"] == "en"


def test_a_visitor_with_no_supported_language_reads_english(client):
    assert page_language(client, reverse("login"), accept_language="de")[0] == "en"


def test_texts_for_someone_else_use_their_choice_then_the_operation(operation):
    reader = UserFactory(username="lectrice")
    assert language_for(reader, operation) == "en"
    operation.default_language = "fr"
    assert language_for(reader, operation) == "fr"
    reader.language = "ar"
    assert language_for(reader, operation) == "ar"
    assert language_for(UserFactory(username="nobody")) == "en"
