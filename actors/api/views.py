"""Viewsets of actors, mandates and links: configuration over the scoped base viewsets."""

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from actors.api.serializers import (
    ActorLinkSerializer,
    ActorSerializer,
    InterlocutorDecisionSerializer,
    MandateSerializer,
)
from actors.filters import ActorFilterSet, ActorLinkFilterSet, MandateFilterSet
from actors.models import Actor, ActorLink, ActorPresence, Mandate
from cmcoord.api.viewsets import RecordViewSet
from cmcoord.formats.hxl_tables import actors_hxl
from contacts.services import interlocutor_decide


class InterlocutorDecisionMixin:
    """POST {id}/decide-interlocutor/: the HCT/UNCT approves or rejects an interlocutor."""

    @extend_schema(request=InterlocutorDecisionSerializer, summary="Decide on this interlocutor (HCT/UNCT)")
    @action(
        detail=True,
        methods=["post"],
        url_path="decide-interlocutor",
        write_permission="decide_interlocutors",
    )
    def decide_interlocutor(self, request, pk=None):
        target = self.get_object()
        form = InterlocutorDecisionSerializer(data=request.data, context=self.get_serializer_context())
        form.is_valid(raise_exception=True)
        interlocutor_decide(target=target, by=request.user, **form.validated_data)
        target.refresh_from_db()
        return Response(self.get_serializer(target).data)


class ActorViewSet(InterlocutorDecisionMixin, RecordViewSet):
    """Organisations and forces present in your operations."""

    model = Actor
    related = ("operation",)
    serializer_class = ActorSerializer
    filterset_class = ActorFilterSet
    exports = {"hxl": actors_hxl}
    search_fields = ["name", "acronym", "notes"]
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
    search_fields = ["title", "reference", "scope"]
    ordering_fields = ["in_force_from", "in_force_until", "title", "updated_at"]


class ActorLinkViewSet(RecordViewSet):
    """Who coordinates with whom and how: the network of actors."""

    model = ActorLink
    serializer_class = ActorLinkSerializer
    filterset_class = ActorLinkFilterSet
    search_fields = ["mechanism", "notes", "source__name", "target__name"]
    ordering_fields = ["since", "kind", "updated_at"]
