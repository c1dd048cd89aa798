"""The import pages: upload → preview → confirm, once; only officers, only in their operation."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from actors.models import Actor
from imports.models import ImportBatch
from tests.imports.conftest import read

pytestmark = pytest.mark.usefixtures("places")


def signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def send(client, operation, name="actors_good.csv", kind="actors"):
    url = reverse("imports:start", args=[operation.pk])
    return client.post(url, {"kind": kind, "file": SimpleUploadedFile(name, read(name), "text/csv")})


def digest_of(response) -> str:
    return response.context["form"]["digest"].value()


def test_upload_preview_confirm_imports_once(operation, officer):
    client = signed_in(officer)

    uploaded = send(client, operation)

    batch = ImportBatch.objects.get()
    assert uploaded.status_code == 302 and uploaded["Location"] == batch.get_absolute_url()
    preview = client.get(batch.get_absolute_url())
    page = preview.content.decode()
    assert "3 records to create" in page and "World Food Programme" in page
    assert not Actor.objects.exists()

    digest = digest_of(preview)
    first = client.post(batch.get_absolute_url(), {"digest": digest})
    again = client.post(batch.get_absolute_url(), {"digest": digest})  # a double click

    assert first.status_code == 302 and again.status_code == 302
    assert Actor.objects.count() == 3
    done = client.get(batch.get_absolute_url(), follow=True).content.decode()
    assert "3 records created" in done
    batch.refresh_from_db()
    assert batch.status == "imported" and bytes(batch.content) == b""  # no second copy kept


def test_the_preview_shows_each_error_with_row_and_column_and_asks_to_skip(operation, officer):
    client = signed_in(officer)
    send(client, operation, "actors_mixed.csv")
    batch = ImportBatch.objects.get()

    preview = client.get(batch.get_absolute_url())
    page = preview.content.decode()
    assert "4 invalid rows" in page
    assert "F (Admin 2 P-code)" in page and "MZ9999" in page

    refused = client.post(batch.get_absolute_url(), {"digest": digest_of(preview)})
    assert refused.status_code == 400
    assert "choose to skip them" in refused.content.decode()
    assert not Actor.objects.exists()

    client.post(batch.get_absolute_url(), {"digest": digest_of(preview), "skip_invalid": "on"})
    assert list(Actor.objects.values_list("acronym", flat=True)) == ["MSF"]


def test_a_confirmation_of_an_outdated_preview_writes_nothing(operation, officer):
    """The rows come from the stored file, never from the client; the digest only says what the
    officer saw, and if the records changed since, the new preview is shown instead."""
    client = signed_in(officer)
    send(client, operation)
    batch = ImportBatch.objects.get()
    preview = client.get(batch.get_absolute_url())
    Actor.objects.create(
        operation=operation, name="World Food Programme", category="international_civilian", actor_type="ingo"
    )

    response = client.post(batch.get_absolute_url(), {"digest": digest_of(preview)})

    assert response.status_code == 409
    assert "changed since this preview" in response.content.decode()
    assert Actor.objects.count() == 1
    batch.refresh_from_db()
    assert batch.status == "previewed"


def test_an_unreadable_file_is_refused_at_upload(operation, officer):
    client = signed_in(officer)
    url = reverse("imports:start", args=[operation.pk])
    response = client.post(
        url, {"kind": "actors", "file": SimpleUploadedFile("a.xlsx", b"not a workbook", "application/zip")}
    )
    assert response.status_code == 200
    assert "not a readable XLSX workbook" in response.content.decode()
    assert not ImportBatch.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"), [("field", 403), ("hct", 403), ("outsider", 404), ("field_other", 404)]
)
def test_only_officers_of_the_operation_upload(request, operation, officer, who, status):
    client = signed_in(request.getfixturevalue(who))

    response = send(client, operation)

    assert response.status_code == status
    assert not ImportBatch.objects.exists()


def test_another_officers_upload_is_not_found(operation, officer):
    from cmcoord.roles import Role
    from cmcoord.services import role_grant
    from tests.factories import UserFactory

    send(signed_in(officer), operation)
    batch = ImportBatch.objects.get()
    colleague = UserFactory(username="officer2")
    role_grant(user=colleague, operation=operation, role=Role.OFFICER)

    client = signed_in(colleague)
    assert client.get(batch.get_absolute_url()).status_code == 404
    assert client.post(batch.get_absolute_url(), {"digest": "x", "skip_invalid": "on"}).status_code == 404
    assert not Actor.objects.exists()


def test_an_officer_who_lost_the_role_cannot_confirm(operation, officer):
    from cmcoord.roles import Role
    from cmcoord.services import role_grant, role_revoke

    client = signed_in(officer)
    send(client, operation)
    batch = ImportBatch.objects.get()
    digest = digest_of(client.get(batch.get_absolute_url()))
    role_revoke(user=officer, operation=operation)
    role_grant(user=officer, operation=operation, role=Role.FIELD_STAFF)

    response = client.post(batch.get_absolute_url(), {"digest": digest})

    assert response.status_code == 403
    assert not Actor.objects.exists()
