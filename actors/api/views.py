"""Viewsets of actors, mandates and links: configuration over the scoped base viewsets."""

from django.db.models import Prefetch

from actors.api.serializers import (
    ActorLinkSerializer,
    ActorSerializer,
    MandateSerializer,
)
from actors.exports import actors_hxl
from actors.filters import ActorFilterSet, ActorLinkFilterSet, MandateFilterSet
from actors.models import Actor, ActorLink, ActorPresence, Mandate
from cmcoord.api.viewsets import RecordViewSet
from cmcoord.formats.xlsx import xlsx_of


class ActorViewSet(RecordViewSet):
    """Organisations and forces present in your operations."""

    # POST {id}/decide-interlocutor/ is the contacts app's rule: contacts.api.views adds it.

    model = Actor
    related = ("operation",)
    serializer_class = ActorSerializer
    filterset_class = ActorFilterSet
    exports = {"hxl": actors_hxl, "xlsx": xlsx_of(actors_hxl)}
    search_fields = ActorFilterSet.search_fields
    ordering_fields = ["name", "category", "actor_type", "updated_at", "created_at"]
    prefetch = (
        "children",
        Prefetch("presences", queryset=ActorPresence.objects.select_related("area__parent", "sector")),
    )


class MandateViewSet(RecordViewSet):
    """What each actor is there to do, on what authority, and when."""

    model = Mandate
    related = ("actor",)
    serializer_class = MandateSerializer
    filterset_class = MandateFilterSet
    search_fields = MandateFilterSet.search_fields
    ordering_fields = ["in_force_from", "in_force_until", "title", "updated_at"]


class ActorLinkViewSet(RecordViewSet):
    """Who coordinates with whom and how: the network of actors."""

    model = ActorLink
    serializer_class = ActorLinkSerializer
    filterset_class = ActorLinkFilterSet
    search_fields = ActorLinkFilterSet.search_fields
    ordering_fields = ["since", "kind", "updated_at"]
