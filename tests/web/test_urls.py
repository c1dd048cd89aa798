"""Page URLs: named per app, at the paths people have bookmarked and e-mails already carry, and
every record links to its own page the same way (``get_absolute_url``), without a query."""

import pytest
from django.urls import resolve, reverse

from tests.factories import (
    ActionPointFactory,
    ActorFactory,
    AssetFactory,
    CellRequestFactory,
    ContactFactory,
    DependencyFactory,
    MandateFactory,
    MeetingFactory,
)

OP, PK = 7, 3

# name -> path: renaming a route must not move a page.
PATHS = {
    "web:dashboard": "/operations/7/",
    "web:strategy": "/operations/7/strategy/",
    "web:history": "/operations/7/history/",
    "cmcoord:members": "/operations/7/members/",
    "cmcoord:partner-token-list": "/operations/7/partner-tokens/",
    "cmcoord:partner-token-revoke": "/operations/7/partner-tokens/3/revoke/",
    "cmcoord:security-list": "/operations/7/security/",
    "actors:list": "/operations/7/actors/",
    "actors:detail": "/operations/7/actors/3/",
    "actors:create": "/operations/7/actors/new/",
    "actors:update": "/operations/7/actors/3/edit/",
    "actors:delete": "/operations/7/actors/3/delete/",
    "actors:mandate-create": "/operations/7/actors/3/mandates/new/",
    "actors:mandate-update": "/operations/7/mandates/3/edit/",
    "actors:mandate-delete": "/operations/7/mandates/3/delete/",
    "contacts:list": "/operations/7/contacts/",
    "contacts:detail": "/operations/7/contacts/3/",
    "contacts:actor-decide": "/operations/7/actors/3/decide/",
    "contacts:decide": "/operations/7/contacts/3/decide/",
    "contacts:share": "/operations/7/contacts/3/share/",
    "contacts:create": "/operations/7/contacts/new/",
    "contacts:update": "/operations/7/contacts/3/edit/",
    "contacts:delete": "/operations/7/contacts/3/delete/",
    "meetings:list": "/operations/7/meetings/",
    "meetings:detail": "/operations/7/meetings/3/",
    "meetings:share": "/operations/7/meetings/3/share/",
    "meetings:create": "/operations/7/meetings/new/",
    "meetings:update": "/operations/7/meetings/3/edit/",
    "meetings:edit-details": "/operations/7/meetings/3/edit/details/",
    "meetings:edit-participants": "/operations/7/meetings/3/edit/participants/",
    "meetings:print": "/operations/7/meetings/3/print/",
    "meetings:record-docx": "/operations/7/meetings/3/record.docx",
    "meetings:send-summary": "/operations/7/meetings/3/send-summary/",
    "meetings:delete": "/operations/7/meetings/3/delete/",
    "meetings:action-point-list": "/operations/7/action-points/",
    "meetings:action-point-detail": "/operations/7/action-points/3/",
    "meetings:action-point-create": "/operations/7/action-points/new/",
    "meetings:action-point-update": "/operations/7/action-points/3/edit/",
    "meetings:action-point-delete": "/operations/7/action-points/3/delete/",
    "meetings:forum-create": "/operations/7/forums/new/",
    "meetings:forum-update": "/operations/7/forums/3/edit/",
    "cell:request-list": "/operations/7/requests/",
    "cell:request-create": "/operations/7/requests/new/",
    "cell:request-detail": "/operations/7/requests/3/",
    "cell:request-table": "/operations/7/requests/3/table/",
    "cell:request-answer": "/operations/7/requests/3/answer/",
    "cell:request-close": "/operations/7/requests/3/close/",
    "cell:request-endorse": "/operations/7/requests/3/endorse/",
    "assets:list": "/operations/7/assets/",
    "assets:detail": "/operations/7/assets/3/",
    "assets:create": "/operations/7/assets/new/",
    "assets:update": "/operations/7/assets/3/edit/",
    "assets:delete": "/operations/7/assets/3/delete/",
    "assets:dependency-list": "/operations/7/dependencies/",
    "assets:dependency-create": "/operations/7/dependencies/new/",
    "assets:dependency-update": "/operations/7/dependencies/3/edit/",
    "assets:dependency-delete": "/operations/7/dependencies/3/delete/",
}


@pytest.mark.parametrize(("name", "path"), PATHS.items())
def test_each_page_keeps_its_path_under_its_namespaced_name(name, path):
    match = resolve(path)
    assert match.view_name == name
    assert reverse(name, kwargs=match.kwargs) == path


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("factory", "name", "args"),
    [
        (ActorFactory, "actors:detail", lambda r: [r.operation_id, r.pk]),
        (ContactFactory, "contacts:detail", lambda r: [r.operation_id, r.pk]),
        (MeetingFactory, "meetings:detail", lambda r: [r.operation_id, r.pk]),
        (ActionPointFactory, "meetings:action-point-detail", lambda r: [r.operation_id, r.pk]),
        (CellRequestFactory, "cell:request-detail", lambda r: [r.operation_id, r.pk]),
        (AssetFactory, "assets:detail", lambda r: [r.operation_id, r.pk]),
        (DependencyFactory, "assets:detail", lambda r: [r.operation_id, r.asset_id]),  # its asset's
    ],
)
def test_a_record_links_to_its_page_without_a_query(factory, name, args, django_assert_num_queries):
    record = factory()
    fresh = type(record).objects.get(pk=record.pk)  # as a list row: nothing related loaded
    with django_assert_num_queries(0):
        url = fresh.get_absolute_url()
    assert url == reverse(name, args=args(record))


@pytest.mark.django_db
def test_a_mandate_links_to_its_actors_page(django_assert_num_queries):
    mandate = MandateFactory()
    listed = mandate.actor.mandates.get()  # fetched through its actor, as the actor's page does
    with django_assert_num_queries(0):
        url = listed.get_absolute_url()
    assert url == reverse("actors:detail", args=[mandate.actor.operation_id, mandate.actor_id])


@pytest.mark.django_db
def test_an_operation_links_to_its_overview(operation):
    assert operation.get_absolute_url() == f"/operations/{operation.pk}/"
