"""Sentences about a kind of record are whole in each language, not a verb glued to a noun.

French agrees "nouveau / nouvelle", "créé / créée" with the noun; a plural follows the count;
the reference names of IASC clusters read in the reader's language. Real catalogs, not pseudo.
"""

import pytest

from actors.models import ActorPresence
from tests.factories import (
    ActorFactory,
    AssetFactory,
    DependencyFactory,
    MeetingFactory,
    MilitaryActorFactory,
    SectorFactory,
)
from tests.pages import page

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_in(client, officer):
    def signed_in(language):
        officer.language = language
        officer.save()
        client.force_login(officer)
        return client

    return signed_in


def test_the_meeting_pages_agree_with_a_feminine_noun_in_french(officer_in, operation):
    client = officer_in("fr")
    meeting = MeetingFactory(operation=operation, title="Réunion de Beira")

    assert "<h1>Nouvelle réunion</h1>" in client.get(page("meetings:create", operation)).content.decode()
    confirm = client.get(page("meetings:delete", operation, pk=meeting.pk)).content.decode()
    assert f"Supprimer la réunion «\u00a0{meeting}\u00a0»\u00a0?" in confirm

    answer = client.post(page("meetings:delete", operation, pk=meeting.pk), follow=True).content.decode()
    assert f"Réunion «\u00a0{meeting}\u00a0» supprimée." in answer


def test_a_deletion_counts_what_it_also_deletes_in_the_readers_plural(officer_in, operation):
    asset = AssetFactory(provider=MilitaryActorFactory(operation=operation))
    DependencyFactory(asset=asset)
    url = page("assets:delete", operation, pk=asset.pk)

    assert "1 dependencia." in officer_in("es").get(url).content.decode()
    DependencyFactory(asset=asset)
    assert "2 dependencias." in officer_in("es").get(url).content.decode()
    # Arabic has a dual: two dependencies is neither the singular nor the plural of three.
    assert "2 اعتمادان" in officer_in("ar").get(url).content.decode()


def test_iasc_cluster_names_read_in_the_readers_language_but_an_own_name_stays(officer_in, operation):
    actor = ActorFactory(operation=operation)
    ActorPresence.objects.create(actor=actor, sector=SectorFactory(code="HEA", name="Health"))
    renamed = SectorFactory(code="LOG", name="Logistics and fuel")  # the operation's own words
    ActorPresence.objects.create(actor=actor, sector=renamed)

    detail = officer_in("pt").get(actor.get_absolute_url()).content.decode()

    assert 'title="Saúde"' in detail
    assert 'title="Logistics and fuel"' in detail


def test_the_history_names_the_change_and_the_kind_apart(officer_in, operation):
    client = officer_in("fr")
    client.post(page("meetings:delete", operation, pk=MeetingFactory(operation=operation).pk))

    history = client.get(page("web:history", operation)).content.decode()

    assert ">Suppression</td>" in history
    assert ">Réunion</td>" in history
