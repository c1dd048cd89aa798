"""The API's side of no lost updates and no double records.

Every writable resource: GET gives an ETag from the record's version; a PUT/PATCH whose If-Match
(or body ``version``) is old answers 412 with the current record and who changed it; without
either, the update goes through. Every create: a POST repeated with the same Idempotency-Key
creates one record and replays the first answer; the same key with another body answers 422.
"""

import datetime as dt

import pytest
from django.db import models
from django.urls import resolve, reverse
from django.utils import timezone
from rest_framework.test import APIClient

from cmcoord.api.viewsets import RecordViewSet
from cmcoord.models import IdempotencyKey, UserToken
from cmcoord.roles import Role
from cmcoord.services import role_grant
from tests.factories import UserFactory
from tests.permissions.expectations_api import API_EXPECTATIONS

WRITABLE_ON_WORLD = {"actor-link", "security-assessment"}  # made below; the rest are in the world


def _writable(name: str) -> bool:
    if not name.endswith("-detail"):
        return False
    route = API_EXPECTATIONS[name]
    return issubclass(resolve(reverse(name, kwargs={"pk": 1})).func.cls, RecordViewSet) and bool(route)


RESOURCES = sorted(
    name.removeprefix("api:").removesuffix("-detail") for name in API_EXPECTATIONS if _writable(name)
)


@pytest.fixture
def records(world):
    from actors.models import ActorLink
    from cmcoord.models import SecurityAssessment

    world.actor_link = ActorLink.objects.create(
        operation=world.operation, source=world.actor_internal, target=world.actor_shareable, kind="liaison"
    )
    world.security_assessment = SecurityAssessment.objects.create(
        operation=world.operation,
        area=world.area,
        level=3,
        association_risks="Escorts.",
        assessed_on="2026-04-01",
    )
    return world


@pytest.fixture
def colleague(operation):
    user = UserFactory(username="officer2", first_name="Rosa", last_name="Tembe")
    role_grant(user=user, operation=operation, role=Role.OFFICER)
    return user


def client_of(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {UserToken.objects.create(user=user)[1]}")
    return client


def detail_url(basename, records) -> str:
    placeholder = API_EXPECTATIONS[f"api:{basename}-detail"]["kwargs"]["pk"]
    return reverse(f"api:{basename}-detail", kwargs={"pk": getattr(records, placeholder).pk})


def text_field(url, data) -> str:
    model = resolve(url).func.cls.model
    return next(
        f.name
        for f in model._meta.fields
        if isinstance(f, models.TextField)
        and f.name in data
        and f.name != "minutes"
        and not f.name.startswith("interlocutor_")  # the HCT/UNCT's decision, not written here
    )


@pytest.mark.parametrize("basename", RESOURCES)
def test_an_update_based_on_an_old_etag_is_refused_with_412(basename, records, officer, colleague):
    url = detail_url(basename, records)
    mine, theirs = client_of(officer), client_of(colleague)
    read = mine.get(url)
    assert read["ETag"] == f'"{read.json()["version"]}"'
    field = text_field(url, read.json())

    theirs_saved = theirs.patch(url, {field: "Changed by Rosa"}, format="json", HTTP_IF_MATCH=read["ETag"])
    assert theirs_saved.status_code == 200, theirs_saved.content
    assert theirs_saved["ETag"] != read["ETag"]

    refused = mine.patch(url, {field: "Changed by me"}, format="json", HTTP_IF_MATCH=read["ETag"])
    assert refused.status_code == 412
    body = refused.json()
    assert body["code"] == "record_changed" and body["changed_by"] == "Rosa Tembe"
    assert "Rosa Tembe changed this record while you were editing" in body["detail"]
    assert body["current"][field] == "Changed by Rosa"
    assert refused["ETag"] == theirs_saved["ETag"]

    # The body's version is honoured too; PUT like PATCH.
    stale = {**read.json(), field: "Changed by me"}
    assert mine.patch(url, {field: "x", "version": read.json()["version"]}, format="json").status_code == 412
    assert mine.put(url, stale, format="json").status_code == 412
    assert mine.get(url).json()[field] == "Changed by Rosa"

    # Without If-Match or version the write goes through (documented: the last write wins).
    assert mine.patch(url, {field: "Unconditional"}, format="json").status_code == 200
    assert mine.get(url).json()[field] == "Unconditional"


def test_if_match_star_and_the_current_etag_go_through_and_junk_does_not(world, officer):
    url = reverse("api:contact-detail", kwargs={"pk": world.contact_approved.pk})
    client = client_of(officer)
    etag = client.get(url)["ETag"]
    assert client.patch(url, {"notes": "a"}, format="json", HTTP_IF_MATCH=etag).status_code == 200
    assert client.patch(url, {"notes": "b"}, format="json", HTTP_IF_MATCH="*").status_code == 200
    junk = client.patch(url, {"notes": "c"}, format="json", HTTP_IF_MATCH='"not-a-version"')
    assert junk.status_code == 412 and junk["Content-Type"].startswith("application/json")


# --- Idempotency-Key -----------------------------------------------------------------------------

CREATABLE = [*RESOURCES, "cell-request"]


def _copy_of(basename, records, client) -> dict:
    """A valid body for a new record: an existing record's JSON, named anew."""
    if basename == "cell-request":
        return {
            "operation": records.operation.pk,
            "kind": "access",
            "title": "Road to Buzi cut",
            "description": "The bridge is down.",
            "area": "MZ0701",
        }
    data = client.get(detail_url(basename, records)).json()
    for name in ("id", "version", "created_at", "updated_at"):
        data.pop(name, None)
    for name in ("name", "title", "full_name", "activity"):
        if isinstance(data.get(name), str):
            data[name] += " (new)"
    if basename == "actor-link":
        data["kind"] = "command"
    if basename == "security-assessment":
        data["assessed_on"] = "2026-05-01"
    return data


@pytest.mark.parametrize("basename", CREATABLE)
def test_a_post_repeated_with_its_idempotency_key_creates_one_record(basename, records, officer):
    client = client_of(officer)
    list_url = reverse(f"api:{basename}-list")
    model = resolve(list_url).func.cls.model
    body, before = _copy_of(basename, records, client), model.objects.count()

    first = client.post(list_url, body, format="json", HTTP_IDEMPOTENCY_KEY="7c1e-create-once")
    assert first.status_code == 201, first.content
    again = client.post(list_url, body, format="json", HTTP_IDEMPOTENCY_KEY="7c1e-create-once")
    assert again.status_code == 201 and again["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert model.objects.count() == before + 1

    other = client.post(
        list_url, {**body, "title": "Something else"}, format="json", HTTP_IDEMPOTENCY_KEY="7c1e-create-once"
    )
    assert other.status_code == 422 and other.json()["code"] == "idempotency_key_reused"
    assert model.objects.count() == before + 1

    assert client.post(list_url, body, format="json").status_code in {201, 400}  # no key: no promise


def test_a_key_is_forgotten_after_a_day_and_belongs_to_one_user(world, officer, colleague):
    url, body = (
        reverse("api:actor-list"),
        {
            "operation": world.operation.pk,
            "name": "IOM",
            "category": "international_civilian",
            "actor_type": "un_agency",
        },
    )
    assert client_of(officer).post(url, body, format="json", HTTP_IDEMPOTENCY_KEY="k-1").status_code == 201
    # Someone else's identical key is theirs: their own record.
    theirs = client_of(colleague).post(
        url, {**body, "name": "IOM 2"}, format="json", HTTP_IDEMPOTENCY_KEY="k-1"
    )
    assert theirs.status_code == 201 and "Idempotent-Replayed" not in theirs
    IdempotencyKey.objects.update(created_at=timezone.now() - dt.timedelta(hours=23))
    within_a_day = client_of(officer).post(url, body, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert within_a_day["Idempotent-Replayed"] == "true"
    IdempotencyKey.objects.update(created_at=timezone.now() - dt.timedelta(hours=25))
    later = client_of(officer).post(url, {**body, "name": "IOM 3"}, format="json", HTTP_IDEMPOTENCY_KEY="k-1")
    assert later.status_code == 201 and "Idempotent-Replayed" not in later


@pytest.mark.parametrize("key", ["", "x" * 256, "tab\tkey", "é"])
def test_a_malformed_key_is_a_json_400(world, officer, key):
    response = client_of(officer).post(
        reverse("api:actor-list"), {"name": "IOM"}, format="json", HTTP_IDEMPOTENCY_KEY=key
    )
    assert response.status_code == 400 and "Idempotency-Key" in response.json()


def test_a_refused_create_may_be_retried_with_its_key(world, officer):
    client, url = client_of(officer), reverse("api:actor-list")
    body = {
        "operation": world.operation.pk,
        "name": "IOM",
        "category": "international_civilian",
        "actor_type": "un_agency",
    }
    assert (
        client.post(
            url, {**body, "category": "nonsense"}, format="json", HTTP_IDEMPOTENCY_KEY="k-2"
        ).status_code
        == 400
    )
    assert client.post(url, body, format="json", HTTP_IDEMPOTENCY_KEY="k-2").status_code == 201
