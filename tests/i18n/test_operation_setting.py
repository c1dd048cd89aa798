"""The operation's default language is a setting of the operation, edited where the operation is."""

import pytest
from django.urls import reverse

from tests.core.test_admin_decisions import admin_client, post_change_form  # noqa: F401

pytestmark = pytest.mark.django_db


def test_the_operation_form_sets_the_default_language(admin_client, operation, field):  # noqa: F811
    url = reverse("admin:cmcoord_operation_change", args=[operation.pk])
    assert 'name="default_language"' in admin_client.get(url).content.decode()
    response = post_change_form(admin_client, url, default_language="fr")
    assert response.status_code == 302
    operation.refresh_from_db()
    assert operation.default_language == "fr"
    # Its member whose browser asks for a language we do not have now reads French.
    admin_client.force_login(field)
    assert admin_client.get("/", headers={"accept-language": "sw"}).headers["Content-Language"] == "fr"


def test_an_unknown_language_is_refused(admin_client, operation):  # noqa: F811
    url = reverse("admin:cmcoord_operation_change", args=[operation.pk])
    assert post_change_form(admin_client, url, default_language="xx").status_code == 200
    operation.refresh_from_db()
    assert operation.default_language == "en"


def test_a_new_operation_defaults_to_english(operation):
    assert operation.default_language == "en"
