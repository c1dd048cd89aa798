"""Officers find the create and edit pages from the pages they read; nobody else sees the links."""

import pytest
from django.urls import reverse

from tests.permissions.world import build_world

PAGES = [
    ("actor-list", {}, "actor-create", {}),
    ("actor-detail", {"pk": "actor_internal"}, "actor-update", {"pk": "actor_internal"}),
    ("actor-detail", {"pk": "actor_internal"}, "mandate-create", {"actor": "actor_internal"}),
    ("actor-detail", {"pk": "actor_internal"}, "mandate-update", {"pk": "mandate"}),
    ("contact-list", {}, "contact-create", {}),
    ("contact-detail", {"pk": "contact_approved"}, "contact-update", {"pk": "contact_approved"}),
    ("asset-list", {}, "asset-create", {}),
    ("asset-detail", {"pk": "asset"}, "asset-update", {"pk": "asset"}),
    ("asset-detail", {"pk": "asset"}, "dependency-update", {"pk": "dependency"}),
    ("dependency-list", {}, "dependency-create", {}),
    ("meeting-list", {}, "meeting-create", {}),
    ("meeting-detail", {"pk": "meeting"}, "meeting-update", {"pk": "meeting"}),
    ("meeting-detail", {"pk": "meeting"}, "action-point-create", {}),
    ("action-point-list", {}, "action-point-update", {"pk": "action_point_of_field"}),
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
    edit = world.client("officer").get(_url(world, "asset-update", {"pk": "asset"})).content.decode()
    assert _url(world, "asset-delete", {"pk": "asset"}) in edit
    assert "Delete this MCDA deployment" in edit
