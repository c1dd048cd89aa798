"""Each HTML list filters and searches through its API list's FilterSet: same names, same rules."""

import pytest
from django.urls import reverse

from tests.factories import ActorFactory, AssetFactory, ContactFactory, MilitaryActorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_officer(client, officer):
    client.force_login(officer)
    return client


def names(response, attribute):
    assert response.status_code == 200
    return {getattr(row, attribute) for row in response.context["object_list"]}


def test_the_contact_list_takes_the_apis_filters_and_search_fields(as_officer, operation):
    navy = MilitaryActorFactory(operation=operation, name="Naval task group", acronym="NTG")
    ContactFactory(actor=navy, full_name="Cdr. Ana Lobo", position="liaison_officer")
    ContactFactory(actor=navy, full_name="Lt. Rui Melo", position="cimic_officer")
    url = reverse("contacts:list", args=[operation.pk])
    assert names(as_officer.get(url, {"position": "liaison_officer"}), "full_name") == {"Cdr. Ana Lobo"}
    # The API searches the actor's acronym too; so does the page now.
    assert names(as_officer.get(url, {"q": "NTG"}), "full_name") == {"Cdr. Ana Lobo", "Lt. Rui Melo"}


def test_the_asset_list_filters_by_provider_and_refuses_a_value_it_does_not_know(as_officer, operation):
    jtf = MilitaryActorFactory(operation=operation, name="JTF Kestrel")
    AssetFactory(provider=jtf, name="Kestrel helicopters")
    AssetFactory(operation=operation, provider=MilitaryActorFactory(operation=operation), name="Other")
    url = reverse("assets:list", args=[operation.pk])
    assert names(as_officer.get(url, {"provider": jtf.pk}), "name") == {"Kestrel helicopters"}
    refused = as_officer.get(url, {"status": "sunk"})
    assert names(refused, "name") == set()
    assert "“sunk” is not a choice here. Give one of: " in refused.content.decode()


def test_the_actor_list_search_is_the_apis(as_officer, operation):
    ActorFactory(operation=operation, name="World Food Programme", acronym="WFP", notes="Logistics lead")
    ActorFactory(operation=operation, name="UNICEF")
    url = reverse("actors:list", args=[operation.pk])
    assert names(as_officer.get(url, {"q": "logistics"}), "name") == {"World Food Programme"}


def test_the_action_point_list_keeps_its_links_and_takes_the_apis_filters(
    as_officer, operation, officer, field
):
    from tests.factories import ActionPointFactory

    ActionPointFactory(operation=operation, owner=officer, title="Mine, open")
    ActionPointFactory(operation=operation, owner=field, title="Theirs, open")
    done = ActionPointFactory(operation=operation, owner=officer, title="Mine, done")
    done.status, done.closed_at = "done", done.created_at
    done.save()
    url = reverse("meetings:action-point-list", args=[operation.pk])
    assert names(as_officer.get(url), "title") == {"Mine, open", "Theirs, open"}
    assert names(as_officer.get(url, {"mine": "1"}), "title") == {"Mine, open"}
    assert names(as_officer.get(url, {"owner": "me", "all": "1"}), "title") == {"Mine, open", "Mine, done"}
    assert names(as_officer.get(url, {"status": "done"}), "title") == {"Mine, done"}
    assert names(as_officer.get(url, {"q": "theirs"}), "title") == {"Theirs, open"}


def test_the_notification_list_takes_the_apis_filters_and_pages_keep_repeated_filters(client, officer):
    from cmcoord.models import Notification, NotificationKind

    for n in range(35):
        Notification.objects.create(
            recipient=officer, kind=NotificationKind.ACTION_POINT_ASSIGNED, title=f"Action point {n}"
        )
    Notification.objects.filter(title="Action point 0").update(read_at="2026-11-20T10:00:00Z")
    client.force_login(officer)
    url = reverse("notifications:list")
    unread = client.get(url, {"unread": "true"})
    assert "Action point 0<" not in unread.content.decode()
    assert unread.context["page_obj"].paginator.count == 34
    assert "unread=true&amp;page=2" in unread.content.decode()
    assert client.get(url, {"kind": "nonsense"}).context["page_obj"].paginator.count == 0


def test_a_search_with_a_nul_character_is_refused_with_a_message_not_a_crash(as_officer, operation):
    ActorFactory(operation=operation, name="World Food Programme")
    response = as_officer.get(reverse("actors:list", args=[operation.pk]), {"q": "World\x00"})
    assert names(response, "name") == set()
    assert "Null characters are not allowed." in response.content.decode()
