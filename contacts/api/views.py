"""Viewset of contacts: officers write, HCT decides interlocutors, vCard for one or a list."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.decorators import action

from actors.api.views import InterlocutorDecisionMixin
from cmcoord.api.viewsets import RecordViewSet
from cmcoord.formats.hxl_tables import contacts_hxl
from cmcoord.formats.renderers import VCardRenderer
from cmcoord.formats.vcard import contact_vcard, contacts_vcards
from cmcoord.permissions import contact_channels
from contacts.api.serializers import ContactSerializer
from contacts.filters import ContactFilterSet
from contacts.models import Contact


def contacts_vcf(contacts, *, request, view) -> str:
    return contacts_vcards(contacts, lambda c: contact_channels(request.user, c.operation_id))


class ContactViewSet(InterlocutorDecisionMixin, RecordViewSet):
    """CIMIC and liaison contacts; field staff see only approved interlocutors' contacts."""

    model = Contact
    partners_read = False
    related = ("actor",)
    serializer_class = ContactSerializer
    filterset_class = ContactFilterSet
    exports = {"hxl": contacts_hxl, "vcf": contacts_vcf}
    search_fields = ["full_name", "rank_or_title", "position_detail", "actor__name", "actor__acronym"]
    ordering_fields = ["full_name", "last_verified_on", "updated_at"]

    @extend_schema(
        responses={(200, "text/vcard"): OpenApiResponse(OpenApiTypes.STR, description="vCard 3.0.")},
        summary="The contact as a vCard",
    )
    @action(detail=True, methods=["get"], renderer_classes=[VCardRenderer])
    def vcf(self, request, pk=None):
        contact = self.get_object()
        body = contact_vcard(contact, contact_channels(request.user, contact.operation_id))
        return VCardRenderer.response(body, filename=f"contact-{contact.pk}.vcf")
