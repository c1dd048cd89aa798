"""A filter value a list does not know answers 400 naming the values it takes, on the API and on
the page; before, ``?military=maybe`` was silently ignored and every actor came back."""

import pytest

from tests.factories import ActorFactory, MilitaryActorFactory
from tests.pages import page

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, officer, operation):
    ActorFactory(operation=operation)
    MilitaryActorFactory(operation=operation)
    client.force_login(officer)
    return client


def test_a_yes_or_no_filter_refuses_maybe_and_names_true_and_false(signed_in):
    answer = signed_in.get("/api/v1/actors/?military=maybe")

    assert answer.status_code == 400
    assert answer.json()["military"] == ["“maybe” is not a choice here. Give true or false."]


def test_true_and_false_still_filter(signed_in):
    military = signed_in.get("/api/v1/actors/?military=true").json()
    civilian = signed_in.get("/api/v1/actors/?military=false").json()
    assert military["count"] == 1 and civilian["count"] == 1


def test_a_choice_filter_names_the_values_it_takes(signed_in):
    answer = signed_in.get("/api/v1/actors/?sensitivity=secret")

    assert answer.status_code == 400
    [message] = answer.json()["sensitivity"]
    assert message.startswith("“secret” is not a choice here. Give one of: shareable, internal, restricted")


def test_the_list_page_shows_the_same_error_and_no_rows(signed_in, operation):
    html = signed_in.get(page("actors:list", operation) + "?military=maybe").content.decode()
    assert "“maybe” is not a choice here. Give true or false." in html
