"""Two HCT/UNCT members deciding on the same interlocutor at the same moment: one decision stands,
the other is told who took it. A later, deliberate change of mind still goes through."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from actors.models import Actor, InterlocutorStatus
from cmcoord.services import role_grant
from contacts.models import InterlocutorDecision
from contacts.services import interlocutor_decide
from tests.concurrency import race
from tests.factories import MilitaryActorFactory


@pytest.fixture
def second_hct(hct, operation):
    member = type(hct).objects.create(username="hct2")
    role_grant(user=member, operation=operation, role="hct")
    return member


@pytest.mark.postgres
def test_an_approval_and_a_rejection_at_the_same_moment_give_one_decision(
    require_postgres, transactional_db, operation, hct, second_hct
):
    actor = MilitaryActorFactory(operation=operation)
    [second] = race(
        lambda: interlocutor_decide(
            target=Actor.objects.get(pk=actor.pk), decision="approved", rationale="Liaison.", by=hct
        ),
        lambda: interlocutor_decide(
            target=Actor.objects.get(pk=actor.pk), decision="rejected", rationale="No.", by=second_hct
        ),
    )
    assert isinstance(second, ValidationError) and str(hct) in second.messages[0]
    actor.refresh_from_db()
    assert actor.interlocutor_status == InterlocutorStatus.APPROVED
    assert InterlocutorDecision.objects.filter(actor=actor).count() == 1


def _decide(client, actor, decision, seen):
    url = reverse("contacts:actor-decide", kwargs={"op": actor.operation_id, "pk": actor.pk})
    return client.post(url, {"decision": decision, "rationale": "Checked.", "seen_status": seen}, follow=True)


def test_a_decision_from_a_page_shown_before_a_colleague_decided_is_refused(
    client, operation, hct, second_hct
):
    actor = MilitaryActorFactory(operation=operation)
    client.force_login(hct)
    page = client.get(actor.get_absolute_url()).content.decode()
    assert 'name="seen_status" value="undecided"' in page
    interlocutor_decide(target=actor, decision="rejected", rationale="Not reliable.", by=second_hct)

    answer = _decide(client, actor, "approved", seen="undecided").content.decode()

    assert f"{second_hct} changed “{actor}” to “Not an interlocutor”" in answer
    actor.refresh_from_db()
    assert actor.interlocutor_status == InterlocutorStatus.REJECTED
    # Having read it, the member may still change the decision deliberately.
    _decide(client, actor, "approved", seen="rejected")
    actor.refresh_from_db()
    assert actor.interlocutor_status == InterlocutorStatus.APPROVED
    assert InterlocutorDecision.objects.filter(actor=actor).count() == 2
