"""Two requests at the same moment, on PostgreSQL with two real transactions: the same create form
or API POST sent twice gives one record; two saves based on the same version give one save and
one refusal. The first request runs inside a transaction held open until the second has started,
so the second meets the first's uncommitted row (the unique key, the locked version)."""

import pytest
from django.test import Client
from django.urls import reverse
from rest_framework.test import APIClient

from actors.models import Actor
from cmcoord.models import UserToken
from contacts.models import Contact
from tests.concurrency import at_once
from tests.factories import UserFactory
from tests.pages import page, posted_form

pytestmark = pytest.mark.postgres


@pytest.fixture
def officers(require_postgres, transactional_db, operation, officer):
    from cmcoord.services import role_grant

    colleague = UserFactory(username="officer2", first_name="Rosa", last_name="Tembe")
    role_grant(user=colleague, operation=operation, role="officer")
    return officer, colleague


def browser_of(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def api_of(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {UserToken.objects.create(user=user)[1]}")
    return client


ACTOR = {
    "name": "IOM",
    "category": "international_civilian",
    "actor_type": "un_agency",
    "sensitivity": "internal",
}


def test_a_create_form_sent_twice_at_once_creates_one_record(officers, operation):
    browser = browser_of(officers[0])
    url = page("actors:create", operation)
    data = {**posted_form(browser.get(url)), **ACTOR}
    first, second = at_once(lambda: browser.post(url, data), lambda: browser_of(officers[0]).post(url, data))
    assert first.status_code == second.status_code == 302
    assert second.url == first.url
    assert Actor.objects.filter(name="IOM").count() == 1


def test_an_api_post_sent_twice_at_once_with_one_key_creates_one_record(officers, operation):
    body = {**ACTOR, "operation": operation.pk}
    url = reverse("api:actor-list")

    def post():
        return api_of(officers[0]).post(url, body, format="json", HTTP_IDEMPOTENCY_KEY="same-key-1")

    first, second = at_once(post, post)
    assert first.status_code == second.status_code == 201
    assert second["Idempotent-Replayed"] == "true" and second.json() == first.json()
    assert Actor.objects.filter(name="IOM").count() == 1


def test_two_api_updates_based_on_one_version_give_one_save_and_one_412(officers, operation):
    from tests.factories import ContactFactory, MilitaryActorFactory

    contact = ContactFactory(actor=MilitaryActorFactory(operation=operation), notes="")
    url = reverse("api:contact-detail", kwargs={"pk": contact.pk})
    mine, theirs = (api_of(user) for user in officers)
    etag = mine.get(url)["ETag"]
    first, second = at_once(
        lambda: theirs.patch(url, {"notes": "Rosa's"}, format="json", HTTP_IF_MATCH=etag),
        lambda: mine.patch(url, {"notes": "Mine"}, format="json", HTTP_IF_MATCH=etag),
    )
    assert (first.status_code, second.status_code) == (200, 412)
    assert second.json()["current"]["notes"] == "Rosa's"
    assert Contact.objects.get(pk=contact.pk).notes == "Rosa's"


def test_two_edit_pages_saved_at_once_give_one_save_and_one_refusal(officers, operation):
    from tests.factories import ContactFactory, MilitaryActorFactory

    contact = ContactFactory(actor=MilitaryActorFactory(operation=operation), notes="")
    url = page("contacts:update", operation, pk=contact.pk)
    mine, theirs = (browser_of(user) for user in officers)
    my_form, their_form = posted_form(mine.get(url)), posted_form(theirs.get(url))
    first, second = at_once(
        lambda: theirs.post(url, {**their_form, "notes": "Rosa's"}),
        lambda: mine.post(url, {**my_form, "notes": "Mine"}),
    )
    assert (first.status_code, second.status_code) == (302, 200)
    assert "Rosa Tembe changed this record while you were editing" in second.content.decode()
    assert Contact.objects.get(pk=contact.pk).notes == "Rosa's"
