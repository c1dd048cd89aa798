"""FilterSet of contacts (shared by the API and the HTML lists)."""

import django_filters as df
from django.utils.translation import gettext_lazy as _

from actors.models import InterlocutorStatus
from cmcoord.api.filters import RecordFilterSet, VisibleIdFilter
from cmcoord.models import Sensitivity
from contacts.models import Contact, Position


class ContactFilterSet(RecordFilterSet):
    search_fields = ("full_name", "rank_or_title", "position_detail", "actor__name", "actor__acronym")
    actor = VisibleIdFilter(field_name="actor_id", help_text=_("Identifier of the contact's actor."))
    position = df.ChoiceFilter(choices=Position.choices, help_text=_("Position, e.g. cimic_officer."))
    interlocutor_status = df.ChoiceFilter(
        choices=InterlocutorStatus.choices, help_text=_("The contact's own HCT/UNCT decision.")
    )
    sensitivity = df.ChoiceFilter(choices=Sensitivity.choices, help_text=_("Who may read it."))

    class Meta:
        model = Contact
        fields = ["operation", "updated_since"]
