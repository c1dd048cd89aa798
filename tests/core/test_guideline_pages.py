"""Officers keep the country guidelines in the browser: upload, replace, edit, archive; the HCT/UNCT
approves; files are checked by content and size and only ever served by the app."""

import datetime as dt
import io
import re
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cmcoord.models import GuidelineDocument, GuidelineStatus, Sensitivity
from cmcoord.services import partner_token_create
from tests.pages import form_errors, page

PDF = b"%PDF-1.7\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        for name, data in parts.items():
            package.writestr(name, data)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
XLSX = _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"})
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"})
ODS = _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet", "content.xml": b"<office/>"})


def _upload(name: str, data: bytes) -> io.BytesIO:
    handle = io.BytesIO(data)
    handle.name = name
    return handle


def _data(**changes) -> dict:
    return {
        "title": "UN-CMCoord country guidelines",
        "issued_on": "2026-11-02",
        "url": "",
        "summary": "Civil-military coordination in the cyclone response.",
        "sensitivity": "internal",
        **changes,
    }


def _read(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def _file(document) -> str:
    return page("cmcoord:guideline-file", document.operation, pk=document.pk)


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _create(browser, operation, name="Country guidelines.pdf", data=PDF, **changes):
    return browser.post(
        page("cmcoord:guideline-create", operation),
        {**_data(**changes), "upload": _upload(name, data)},
        follow=True,
    )


def test_an_officer_uploads_a_draft_the_hct_approves_and_field_staff_then_read(
    browser, operation, hct, field
):
    response = _create(browser, operation)
    document = GuidelineDocument.objects.get()
    assert response.redirect_chain[-1][0] == document.get_absolute_url()
    assert "created as a draft" in response.content.decode()
    assert document.status == GuidelineStatus.DRAFT and document.file_name == "Country guidelines.pdf"
    # Stored under a name nobody can guess, never the uploaded one.
    assert re.fullmatch(rf"guidelines/{operation.pk}/[0-9a-f]{{32}}\.pdf", document.file.name)

    field_staff = _signed_in(field)
    assert field_staff.get(document.get_absolute_url()).status_code == 404  # a draft
    assert field_staff.get(_file(document)).status_code == 404
    assert (
        "UN-CMCoord country guidelines"
        not in field_staff.get(page("cmcoord:guideline-list", operation)).content.decode()
    )

    team = _signed_in(hct)
    assert team.get(page("cmcoord:guideline-update", operation, pk=document.pk)).status_code == 403
    detail = team.get(document.get_absolute_url()).content.decode()
    assert "Approve this document" in detail
    response = team.post(
        page("cmcoord:guideline-approve", operation, pk=document.pk),
        {"version": document.version},
        follow=True,
    )
    assert "approved" in response.content.decode()
    document.refresh_from_db()
    assert document.status == GuidelineStatus.APPROVED and document.approved_by == hct

    download = field_staff.get(_file(document))
    assert download.status_code == 200 and _read(download) == PDF
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"] == 'attachment; filename="Country guidelines.pdf"'
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Cache-Control"] == "private, no-store"
    assert "sandbox" in download["Content-Security-Policy"]
    # Approving twice is refused, naming who approved.
    again = team.post(page("cmcoord:guideline-approve", operation, pk=document.pk), follow=True)
    assert "was already approved by" in again.content.decode()


def test_field_staff_cannot_approve_or_write(client, operation, field, officer):
    document = GuidelineDocument.objects.create(
        operation=operation,
        title="Draft",
        file=ContentFile(PDF, name="d.pdf"),
        sensitivity=Sensitivity.SHAREABLE,
    )
    client.force_login(field)
    assert client.post(page("cmcoord:guideline-approve", operation, pk=document.pk)).status_code == 403
    assert client.post(page("cmcoord:guideline-archive", operation, pk=document.pk)).status_code == 403
    assert client.get(page("cmcoord:guideline-create", operation)).status_code == 403
    document.refresh_from_db()
    assert document.status == GuidelineStatus.DRAFT and not document.archived


def test_replacing_the_file_deletes_the_old_one_and_asks_for_approval_again(
    browser, operation, hct, django_capture_on_commit_callbacks
):
    _create(browser, operation)
    document = GuidelineDocument.objects.get()
    document.status, document.approved_by = GuidelineStatus.APPROVED, hct
    document.save()
    old_name, storage = document.file.name, document.file.storage
    new_pdf = PDF + b"% revision 2\n"
    edit = page("cmcoord:guideline-update", operation, pk=document.pk)
    assert "Replace the file" in browser.get(edit).content.decode()
    with django_capture_on_commit_callbacks(execute=True):  # the old file goes once the change is committed
        response = browser.post(
            edit,
            {**_data(), "version": document.version, "upload": _upload("Guidelines rev2.pdf", new_pdf)},
            follow=True,
        )
    assert "saved" in response.content.decode()
    document.refresh_from_db()
    assert document.file.name != old_name and not storage.exists(old_name)  # not kept anywhere
    assert document.file_name == "Guidelines rev2.pdf" and document.status == GuidelineStatus.DRAFT
    assert _read(browser.get(_file(document))) == new_pdf
    assert not document.history.filter(file="").exists()  # the history still names each file


def test_editing_the_details_keeps_the_file_and_the_approval(browser, operation, hct):
    _create(browser, operation)
    document = GuidelineDocument.objects.get()
    document.status, document.approved_by = GuidelineStatus.APPROVED, hct
    document.save()
    name = document.file.name
    browser.post(
        page("cmcoord:guideline-update", operation, pk=document.pk),
        _data(summary="Updated summary", version=document.version),
    )
    document.refresh_from_db()
    assert document.summary == "Updated summary" and document.file.name == name
    assert document.status == GuidelineStatus.APPROVED


def test_an_archived_document_is_listed_apart_and_not_shown_as_current(browser, operation, hct):
    _create(browser, operation)
    document = GuidelineDocument.objects.get()
    response = browser.post(
        page("cmcoord:guideline-archive", operation, pk=document.pk),
        {"version": document.version},
        follow=True,
    )
    assert "archived" in response.content.decode()
    document.refresh_from_db()
    assert document.archived and document.archived_by is not None
    listing = browser.get(page("cmcoord:guideline-list", operation)).content.decode()
    current, archived = listing.split("Archived documents")
    assert document.title not in current and document.title in archived
    assert document.title not in browser.get(operation.get_absolute_url()).content.decode()
    assert browser.get(_file(document)).status_code == 200  # kept for the record
    approve = _signed_in(hct).post(page("cmcoord:guideline-approve", operation, pk=document.pk), follow=True)
    assert "is archived" in approve.content.decode()
    browser.post(page("cmcoord:guideline-archive", operation, pk=document.pk), {"archive": "0"})
    document.refresh_from_db()
    assert not document.archived


@pytest.mark.parametrize(
    ("name", "data", "content_type"),
    [
        ("g.pdf", PDF, "application/pdf"),
        ("g.docx", DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("g.xlsx", XLSX, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("g.odt", ODT, "application/vnd.oasis.opendocument.text"),
        ("g.ods", ODS, "application/vnd.oasis.opendocument.spreadsheet"),
        ("map.png", PNG, "image/png"),
        ("photo.jpeg", JPEG, "image/jpeg"),
        ("notes.txt", "Réunion à Beira\n".encode(), "text/plain; charset=utf-8"),
    ],
)
def test_each_accepted_type_is_served_as_itself(browser, operation, name, data, content_type):
    _create(browser, operation, name=name, data=data)
    document = GuidelineDocument.objects.get()
    download = browser.get(_file(document))
    assert download["Content-Type"] == content_type and _read(download) == data


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("guidelines.pdf", PNG, "its content is PNG"),  # the extension lies
        ("page.html", b"<html><script>alert(1)</script></html>", "ends in “.html” but its content is TXT"),
        ("tool.pdf", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00", "not one of the accepted types"),
        ("archive.docx", _zip({"payload.bin": b"x"}), "not one of the accepted types"),
        ("empty.txt", b"", "The submitted file is empty."),
    ],
)
def test_a_file_of_the_wrong_type_is_refused_and_nothing_typed_is_lost(
    browser, operation, name, data, message
):
    response = _create(browser, operation, name=name, data=data, summary="Typed summary kept")
    assert response.status_code == 200 and not GuidelineDocument.objects.exists()
    assert any(message in error for error in form_errors(response)["upload"]), form_errors(response)
    body = response.content.decode()
    assert "Typed summary kept" in body and "Choose the file again" in body
    assert "Give a link to the document" not in body  # the upload's own reason, once


def test_a_file_too_large_is_refused_and_the_current_file_stays(browser, operation, settings):
    _create(browser, operation)
    document = GuidelineDocument.objects.get()
    settings.GUIDELINE_MAX_UPLOAD_MB = 1
    big = PDF + b"0" * (1536 * 1024)
    response = browser.post(
        page("cmcoord:guideline-update", operation, pk=document.pk),
        {**_data(summary="New words"), "version": document.version, "upload": _upload("big.pdf", big)},
    )
    assert response.status_code == 200
    assert form_errors(response)["upload"] == ["The file is 1.5\xa0MB; the largest accepted is 1.0\xa0MB."]
    assert "New words" in response.content.decode()
    stored = GuidelineDocument.objects.get()
    assert stored.file.name == document.file.name and stored.summary == document.summary
    assert _read(browser.get(_file(stored))) == PDF


def test_files_are_refused_to_outsiders_and_to_partner_tokens_where_they_may_not_read(
    client, operation, other_operation, officer, outsider, field_other, hct
):
    approved = {"status": GuidelineStatus.APPROVED, "approved_by": hct}
    internal = GuidelineDocument.objects.create(
        operation=operation, title="Internal", file=ContentFile(PDF, name="i.pdf"), **approved
    )
    shareable = GuidelineDocument.objects.create(
        operation=operation,
        title="Shareable",
        file=ContentFile(PDF, name="s.pdf"),
        sensitivity=Sensitivity.SHAREABLE,
        **approved,
    )
    draft_shareable = GuidelineDocument.objects.create(
        operation=operation,
        title="Draft",
        file=ContentFile(PDF, name="d.pdf"),
        sensitivity=Sensitivity.SHAREABLE,
    )
    for user in (outsider, field_other):
        client.force_login(user)
        for document in (internal, shareable):
            response = client.get(_file(document))
            assert response.status_code == 404 and PDF not in _read(response)
            assert client.get(reverse("api:guideline-file", args=[document.pk])).status_code == 404
    _token, key = partner_token_create(
        operation=operation, name="3W", expires_at=timezone.now() + dt.timedelta(days=5), by=officer
    )
    partner = Client(HTTP_AUTHORIZATION=f"Token {key}")
    html = partner.get(_file(shareable))  # the pages ignore API tokens: sent to sign in, no file
    assert html.status_code == 302 and PDF not in _read(html)
    for document in (internal, draft_shareable):
        response = partner.get(reverse("api:guideline-file", args=[document.pk]))
        assert response.status_code == 404 and response["Content-Type"] == "application/json"
    response = partner.get(reverse("api:guideline-file", args=[shareable.pk]), HTTP_ACCEPT="application/pdf")
    assert response.status_code == 200 and _read(response) == PDF
    assert response["Content-Type"] == "application/pdf"
    listed = partner.get(reverse("api:guideline-list")).json()["results"]
    assert [row["title"] for row in listed] == ["Shareable"]
    assert listed[0]["file"].endswith(reverse("api:guideline-file", args=[shareable.pk]))


def test_no_page_and_no_admin_form_gives_a_media_address(browser, operation, administrator, settings):
    _create(browser, operation)
    document = GuidelineDocument.objects.get()
    pages = [
        page("cmcoord:guideline-list", operation),
        document.get_absolute_url(),
        page("cmcoord:guideline-update", operation, pk=document.pk),
        operation.get_absolute_url(),
    ]
    for url in pages:
        body = browser.get(url).content.decode()
        assert settings.MEDIA_URL not in body and "/media/" not in body, url
        assert document.file.name not in body, url
    admin = _signed_in(administrator)
    change = admin.get(reverse("admin:cmcoord_guidelinedocument_change", args=[document.pk])).content.decode()
    assert "/media/" not in change and document.file.name not in change
    assert f'href="{_file(document)}"' in change  # "Currently:" links to the app's file view
    assert browser.get(f"/media/{document.file.name}").status_code == 404


def test_the_admin_checks_an_upload_like_the_officers_page(operation, administrator):
    admin = _signed_in(administrator)
    response = admin.post(
        reverse("admin:cmcoord_guidelinedocument_add"),
        {
            "operation": operation.pk,
            "title": "From the admin",
            "sensitivity": "internal",
            "file": _upload("fake.pdf", b"<html></html>"),
        },
    )
    assert response.status_code == 200 and not GuidelineDocument.objects.exists()
    assert "its content is TXT" in response.content.decode()
    admin.post(
        reverse("admin:cmcoord_guidelinedocument_add"),
        {
            "operation": operation.pk,
            "title": "From the admin",
            "sensitivity": "internal",
            "file": _upload("a.pdf", PDF),
        },
    )
    document = GuidelineDocument.objects.get()
    assert document.content_type == "application/pdf" and document.status == GuidelineStatus.DRAFT
    assert document.file.name.startswith(f"guidelines/{operation.pk}/")
