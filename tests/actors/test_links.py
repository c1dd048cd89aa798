"""Officers find the create and edit pages from the pages they read; nobody else sees the links."""

import pytest
from django.urls import reverse

from tests.permissions.world import build_world

PAGES = [
    ("actors:list", {}, "actors:create", {}),
    ("actors:detail", {"pk": "actor_internal"}, "actors:update", {"pk": "actor_internal"}),
    ("actors:detail", {"pk": "actor_internal"}, "actors:mandate-create", {"actor": "actor_internal"}),
    ("actors:detail", {"pk": "actor_internal"}, "actors:mandate-update", {"pk": "mandate"}),
    ("actors:detail", {"pk": "actor_internal"}, "actors:link-create", {"actor": "actor_internal"}),
    ("actors:detail", {"pk": "actor_internal"}, "actors:link-update", {"pk": "actor_link"}),
    ("actors:detail", {"pk": "actor_internal"}, "actors:link-delete", {"pk": "actor_link"}),
    ("contacts:list", {}, "contacts:create", {}),
    ("contacts:detail", {"pk": "contact_approved"}, "contacts:update", {"pk": "contact_approved"}),
    ("assets:list", {}, "assets:create", {}),
    ("assets:detail", {"pk": "asset"}, "assets:update", {"pk": "asset"}),
    ("assets:detail", {"pk": "asset"}, "assets:dependency-update", {"pk": "dependency"}),
    ("assets:dependency-list", {}, "assets:dependency-create", {}),
    ("meetings:list", {}, "meetings:create", {}),
    ("meetings:detail", {"pk": "meeting"}, "meetings:update", {"pk": "meeting"}),
    ("meetings:detail", {"pk": "meeting"}, "meetings:action-point-create", {}),
    ("meetings:action-point-list", {}, "meetings:action-point-update", {"pk": "action_point_of_field"}),
]


def _url(world, route, kwargs):
    return reverse(
        route, kwargs={"op": world.operation.pk, **{k: world.objects[v].pk for k, v in kwargs.items()}}
    )


@pytest.mark.parametrize("route, kwargs, link, link_kwargs", PAGES, ids=[f"{p[0]}->{p[2]}" for p in PAGES])
def test_only_officers_see_the_links_to_the_edit_pages(db, route, kwargs, link, link_kwargs):
    world = build_world()
    page, target = _url(world, route, kwargs), _url(world, link, link_kwargs)
    assert target in world.client("officer").get(page).content.decode()
    for principal in ("field", "hct"):
        assert target not in world.client(principal).get(page).content.decode(), principal


def test_the_edit_page_links_to_its_delete_page(db):
    world = build_world()
    edit = world.client("officer").get(_url(world, "assets:update", {"pk": "asset"})).content.decode()
    assert _url(world, "assets:delete", {"pk": "asset"}) in edit
    assert "Delete this MCDA deployment" in edit
