"""The API answers in the request's Accept-Language (DRF ships catalogs for its own messages)."""

import pytest

pytestmark = pytest.mark.django_db

EXPECTED = {
    "fr": "Non trouvé.",
    "es": "No encontrado.",
    "ar": "غير موجود.",
    "pt": "Não encontrado.",
    "en": "Not found.",
}


@pytest.mark.parametrize("language", sorted(EXPECTED))
def test_a_404_says_not_found_in_the_requested_language(api, language):
    response = api("field").get("/api/v1/actors/999999/", headers={"accept-language": language})
    assert response.status_code == 404
    assert response.json()["detail"] == EXPECTED[language]
    assert response.headers["Content-Language"] == language


def test_the_header_beats_the_users_saved_language_for_api_clients(api, field):
    field.language = "es"
    field.save()
    client = api("field")
    assert (
        client.get("/api/v1/actors/999999/", headers={"accept-language": "fr"}).json()["detail"]
        == "Non trouvé."
    )


def test_without_a_header_a_signed_in_user_reads_their_saved_language(client, field):
    field.language = "pt"
    field.save()
    client.force_login(field)
    assert client.get("/api/v1/actors/999999/").json()["detail"] == "Não encontrado."


def test_field_messages_are_translated_too(api, operation):
    response = api("officer").post(
        "/api/v1/actors/", {"operation": operation.pk}, format="json", headers={"accept-language": "fr"}
    )
    assert response.status_code == 400
    assert "Ce champ est obligatoire." in response.json()["name"]
