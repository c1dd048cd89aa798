"""The HCT/UNCT approves a strategy draft or returns it with comments the officers read on the
draft; the strategies approved earlier stay readable."""

import pytest
from django.urls import reverse

from cmcoord.models import Operation
from cmcoord.services import strategy_approve, strategy_draft

pytestmark = pytest.mark.django_db


def _draft(operation, officer, strategy="coordination", rationale="Access negotiations need it."):
    return strategy_draft(operation=operation, strategy=strategy, rationale=rationale, by=officer)


def _return(client, who, operation, comments):
    client.force_login(who)
    url = reverse("web:strategy", kwargs={"op": operation.pk})
    return client.post(url, {"return": "1", "comments": comments, "version": operation.version})


def test_the_hct_returns_a_draft_and_the_officer_reads_the_comments_on_it(client, operation, officer, hct):
    operation = _draft(operation, officer)
    assert _return(client, hct, operation, "Say how the risk of association is handled.").status_code == 302
    stored = Operation.objects.get(pk=operation.pk)
    assert (stored.strategy_returned_by, stored.strategy_draft) == (hct, "coordination")
    client.force_login(officer)
    page = client.get(operation.get_absolute_url()).content.decode()
    assert "Say how the risk of association is handled." in page and "Returned by" in page
    # A new draft answers the comments: they leave the draft.
    _draft(stored, officer, rationale="Access negotiations; association risk handled by distance.")
    assert Operation.objects.get(pk=operation.pk).strategy_return_comments == ""


@pytest.mark.parametrize("role", ["officer", "field"])
def test_only_the_hct_returns_a_draft(client, operation, officer, field, role):
    operation = _draft(operation, officer)
    who = {"officer": officer, "field": field}[role]
    assert _return(client, who, operation, "No.").status_code == 403
    assert Operation.objects.get(pk=operation.pk).strategy_return_comments == ""


def test_a_return_without_comments_or_without_a_draft_is_refused(client, operation, officer, hct):
    assert _return(client, hct, operation, "Why?").status_code == 302  # nothing drafted
    assert Operation.objects.get(pk=operation.pk).strategy_return_comments == ""
    operation = _draft(operation, officer)
    page = client.post(
        reverse("web:strategy", kwargs={"op": operation.pk}),
        {"return": "1", "comments": "  ", "version": operation.version},
        follow=True,
    ).content.decode()
    assert "Say what the officers should change." in page
    assert Operation.objects.get(pk=operation.pk).strategy_returned_by is None


def test_earlier_approved_strategies_stay_readable(client, operation, officer, hct, field):
    strategy_approve(operation=_draft(operation, officer, "co_existence", "First months."), by=hct)
    operation = Operation.objects.get(pk=operation.pk)
    strategy_approve(operation=_draft(operation, officer, "coordination", "Access opened."), by=hct)
    client.force_login(field)
    page = client.get(reverse("web:strategy-versions", kwargs={"op": operation.pk})).content.decode()
    assert page.index("Access opened.") < page.index("First months.")
