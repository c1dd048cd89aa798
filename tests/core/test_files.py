"""Uploaded files: served only through the app's permission checks, from the disk or from S3.

The S3 case runs against a real S3-compatible server on loopback (moto's server: the same HTTP API
as AWS S3 and MinIO), through django-storages and boto3 as production uses them.
"""

import boto3
import pytest
from django.core.files.base import ContentFile
from django.urls import reverse

from cmcoord.models import GuidelineDocument, GuidelineStatus, Sensitivity

PDF = b"%PDF-1.4 Country guidelines for civil-military coordination"


def guideline(operation, *, sensitivity=Sensitivity.INTERNAL, name="guidelines.pdf", **fields):
    return GuidelineDocument.objects.create(
        operation=operation,
        title=fields.pop("title", "Country guidelines"),
        sensitivity=sensitivity,
        file=ContentFile(PDF, name=name) if name else "",
        status=fields.pop("status", GuidelineStatus.APPROVED),
        **fields,
    )


def file_url(document):
    return reverse("cmcoord:guideline-file", kwargs={"op": document.operation_id, "pk": document.pk})


def download(client, document):
    response = client.get(file_url(document))
    body = b"".join(response.streaming_content) if getattr(response, "streaming", False) else response.content
    return response, body


def test_a_reader_downloads_the_file_from_the_operation_page(client, field, operation):
    document = guideline(operation)
    client.force_login(field)
    page = client.get(reverse("web:dashboard", kwargs={"op": operation.pk}))
    assert file_url(document) in page.content.decode()
    response, body = download(client, document)
    assert response.status_code == 200 and body == PDF
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Cache-Control"] == "private, no-store"


def test_those_who_may_not_read_the_document_get_404(client, field, field_other, outsider, operation):
    restricted = guideline(operation, sensitivity=Sensitivity.RESTRICTED)
    for user in (field, field_other, outsider):
        client.force_login(user)
        response, body = download(client, restricted)
        assert response.status_code == 404 and PDF not in body, user
    client.logout()
    assert client.get(file_url(restricted)).status_code == 302  # to the sign-in page


def test_the_media_address_serves_nothing(client, officer, operation):
    document = guideline(operation)
    client.force_login(officer)
    assert client.get(f"/media/{document.file.name}").status_code == 404


def test_a_document_without_a_file_or_with_a_lost_one_answers_404(client, officer, operation):
    link_only = guideline(operation, name=None, title="Link only", url="https://example.org/g.pdf")
    lost = guideline(operation, title="Lost")
    lost.file.storage.delete(lost.file.name)
    client.force_login(officer)
    assert download(client, link_only)[0].status_code == 404
    assert download(client, lost)[0].status_code == 404


def test_the_api_gives_its_download_route_not_the_storage_address(client, officer, operation):
    document = guideline(operation)
    client.force_login(officer)
    data = client.get(reverse("api:operation-detail", kwargs={"pk": operation.pk})).json()
    api_file = reverse("api:guideline-file", kwargs={"pk": document.pk})
    assert data["guidelines"][0]["file"] == f"http://testserver{api_file}"
    response = client.get(api_file)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF


# --- S3 -----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def s3_server():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3_storage(s3_server, settings):
    """STORAGES["default"] as settings.py builds it from S3_BUCKET, S3_ENDPOINT_URL and the keys."""
    keys = {"access_key": "cmcoord-test", "secret_key": "cmcoord-test-secret"}
    bucket = "cmcoord-uploads"
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        region_name="us-east-1",
        aws_access_key_id=keys["access_key"],
        aws_secret_access_key=keys["secret_key"],
    )
    client.create_bucket(Bucket=bucket)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                **keys,
                "endpoint_url": s3_server,
                "region_name": "us-east-1",
                "bucket_name": bucket,
                "location": "media",
                "addressing_style": "path",
                "signature_version": "s3v4",
                "default_acl": None,
                "file_overwrite": False,
                "querystring_auth": True,
            },
        },
    }
    yield client, bucket
    for item in client.list_objects_v2(Bucket=bucket).get("Contents", []):
        client.delete_object(Bucket=bucket, Key=item["Key"])


def test_with_s3_configured_an_upload_lands_in_the_bucket_and_is_served_by_the_app(
    s3_storage, client, field, operation, tmp_path, settings
):
    s3, bucket = s3_storage
    document = guideline(operation)
    again = guideline(operation, title="Same file name")
    keys = sorted(item["Key"] for item in s3.list_objects_v2(Bucket=bucket)["Contents"])
    assert len(keys) == 2 and all(key.startswith("media/guidelines/") for key in keys), keys
    assert document.file.name != again.file.name  # no upload overwrites another
    assert s3.get_object(Bucket=bucket, Key=f"media/{document.file.name}")["Body"].read() == PDF
    client.force_login(field)
    response, body = download(client, document)
    assert response.status_code == 200 and body == PDF


def test_with_s3_a_hidden_or_lost_file_answers_404(s3_storage, client, field, operation):
    s3, bucket = s3_storage
    restricted = guideline(operation, sensitivity=Sensitivity.RESTRICTED)
    lost = guideline(operation, title="Lost")
    s3.delete_object(Bucket=bucket, Key=f"media/{lost.file.name}")
    client.force_login(field)
    assert download(client, restricted)[0].status_code == 404
    assert download(client, lost)[0].status_code == 404
