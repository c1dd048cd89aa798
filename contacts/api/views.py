"""Viewset of contacts: officers write, HCT decides interlocutors, vCard for one or a list."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from actors.api.serializers import InterlocutorDecisionSerializer
from actors.api.views import ActorViewSet as ActorRegistryViewSet
from actors.models import Actor
from cmcoord.api.viewsets import RecordViewSet
from cmcoord.formats.renderers import VCardRenderer
from cmcoord.formats.vcard import contact_vcard, contacts_vcards
from cmcoord.formats.xlsx import xlsx_of
from cmcoord.masking import mask_for
from contacts.api.serializers import ContactSerializer
from contacts.exports import contacts_hxl
from contacts.filters import ContactFilterSet
from contacts.models import Contact
from contacts.rules import contact_channels, with_approval
from contacts.services import interlocutor_decide


class InterlocutorDecisionMixin:
    """POST {id}/decide-interlocutor/: the HCT/UNCT approves or rejects an interlocutor."""

    @extend_schema(
        request=InterlocutorDecisionSerializer, summary=_("Decide on this interlocutor (HCT/UNCT)")
    )
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


class ActorViewSet(InterlocutorDecisionMixin, ActorRegistryViewSet):
    """Organisations and forces present in your operations."""


def contacts_vcf(contacts, *, request, view) -> str:
    return contacts_vcards(
        contacts,
        lambda c: contact_channels(request.user, c.operation_id),
        lambda c: mask_for(request).visible(c.actor, Actor),
    )


class ContactViewSet(InterlocutorDecisionMixin, RecordViewSet):
    """CIMIC and liaison contacts; field staff see only approved interlocutors' contacts."""

    model = Contact
    related = ("actor",)
    serializer_class = ContactSerializer
    filterset_class = ContactFilterSet
    exports = {"hxl": contacts_hxl, "xlsx": xlsx_of(contacts_hxl), "vcf": contacts_vcf}
    search_fields = ContactFilterSet.search_fields
    ordering_fields = ["full_name", "last_verified_on", "updated_at"]

    def get_queryset(self):
        # is_approved_interlocutor computed by the database with the page, from contacts.rules.
        return with_approval(super().get_queryset())

    @extend_schema(
        responses={(200, "text/vcard"): OpenApiResponse(OpenApiTypes.STR, description=_("vCard 3.0."))},
        summary=_("The contact as a vCard"),
    )
    @action(detail=True, methods=["get"], renderer_classes=[VCardRenderer])
    def vcf(self, request, pk=None):
        contact = self.get_object()
        organisation = mask_for(request).visible(contact.actor, Actor)
        body = contact_vcard(contact, contact_channels(request.user, contact.operation_id), organisation)
        return VCardRenderer.response(body, filename=f"contact-{contact.pk}.vcf")
