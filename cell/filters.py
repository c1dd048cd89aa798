"""The FilterSet of cell requests: one for the API list and the HTML list."""

import django_filters as df
from django.utils.translation import gettext_lazy as _

from cell.models import AssistanceRequest, CellRequest
from cmcoord.api.filters import RecordFilterSet, pcode_filter, user_filter
from cmcoord.models import Sensitivity


class CellRequestFilterSet(RecordFilterSet):
    search_fields = ("title", "description")
    kind = df.ChoiceFilter(choices=CellRequest.Kind.choices, help_text=_("Kind of request."))
    status = df.MultipleChoiceFilter(
        choices=CellRequest.Status.choices, help_text=_("Status; repeat to combine.")
    )
    owner = user_filter("submitted_by", _("'me' for the requests you sent, or a user id."))
    area = pcode_filter("area")
    endorsement = df.ChoiceFilter(
        field_name="rfa__endorsement",
        choices=AssistanceRequest.Endorsement.choices,
        help_text=_("RFAs by HCT/UNCT decision."),
    )
    priority = df.ChoiceFilter(
        field_name="rfa__priority",
        choices=AssistanceRequest.Priority.choices,
        help_text=_("RFAs by priority."),
    )
    sensitivity = df.ChoiceFilter(choices=Sensitivity.choices, help_text=_("Who may read it."))

    class Meta:
        model = CellRequest
        fields = ["operation", "updated_since"]
