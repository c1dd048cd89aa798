"""Search across the operation: the results page (/operations/<op>/search/?q=) and the API
(GET /api/v1/search/?q=&operation=). What is searched, for whom, and how: ``cmcoord.site_search``.

Both answer the same groups: per kind of record, how many match that the reader may see (counted
up to 1,000) and the best of them. Without ``kind``, the page shows the first few of every kind;
with ``kind``, one kind, a page at a time.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from cmcoord import site_search
from cmcoord.api.viewsets import ErrorsAsJSONMixin
from cmcoord.models import Operation
from cmcoord.views_base import OperationMixin

PER_KIND = 5  # hits of each kind on the page without ``kind``
PAGE_SIZE = 20  # hits per page of one kind
MAX_PAGE = site_search.COUNT_LIMIT // PAGE_SIZE
API_LIMIT, API_MAX_LIMIT, API_MAX_OFFSET = 10, 50, site_search.COUNT_LIMIT


def _kind_choices():
    return [(s.key, s.label) for s in site_search.sources()]


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search for"), required=False, max_length=site_search.MAX_LENGTH)
    kind = forms.ChoiceField(label=_("Look in"), required=False)
    page = forms.IntegerField(label=_("Page"), required=False, min_value=1, max_value=MAX_PAGE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("Everything")), *_kind_choices()]

    def clean_q(self):
        value = self.cleaned_data["q"]
        if not value.strip():
            return None
        return site_search.parse(value)


class SearchView(OperationMixin, TemplateView):
    template_name = "web/search.html"

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET)
        groups, query, kind, page = [], None, None, 1
        if form.is_valid() and form.cleaned_data["q"] is not None:
            query = form.cleaned_data["q"]
            kind = form.cleaned_data["kind"] or None
            page = form.cleaned_data["page"] or 1
            if kind:
                groups = site_search.search(
                    self.request.user,
                    self.operation,
                    query,
                    kinds={kind},
                    limit=PAGE_SIZE,
                    offset=(page - 1) * PAGE_SIZE,
                )
            else:
                groups = site_search.search(self.request.user, self.operation, query, limit=PER_KIND)
        found = [g for g in groups if g.count]
        return super().get_context_data(
            form=form,
            query=query,
            kind=kind,
            page=page,
            found=found,
            empty=[g for g in groups if not g.count],
            search_q=self.request.GET.get("q", ""),
            previous_page=page - 1 if kind and page > 1 else None,
            next_page=page + 1 if kind and found and found[0].more and page < MAX_PAGE else None,
            **kwargs,
        )


# --- API -----------------------------------------------------------------------------------------


class SearchParamsSerializer(serializers.Serializer):
    q = serializers.CharField(max_length=site_search.MAX_LENGTH, trim_whitespace=True)
    operation = serializers.IntegerField(min_value=1, max_value=2**63 - 1)
    kind = serializers.ChoiceField(choices=(), required=False)
    limit = serializers.IntegerField(min_value=1, max_value=API_MAX_LIMIT, default=API_LIMIT)
    offset = serializers.IntegerField(min_value=0, max_value=API_MAX_OFFSET, default=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [s.key for s in site_search.sources()]

    def validate_q(self, value):
        try:
            return site_search.parse(value)
        except ValidationError as exc:
            raise serializers.ValidationError(exc.messages) from None


class HitSerializer(serializers.Serializer):
    id = serializers.IntegerField(source="record.pk", help_text=_("The record's identifier in its list."))
    title = serializers.CharField(help_text=_("The record's name or title."))
    meta = serializers.CharField(help_text=_("A short line about it: its kind, date or status."))
    snippet = serializers.CharField(
        source="snippet_text",
        help_text=_(
            "A passage of a field you may read where the words were found; empty when only the name matched."
        ),
    )
    url = serializers.CharField(help_text=_("Address of the record's page."))
    rank = serializers.FloatField(help_text=_("How well it matches: higher is better."))


class GroupSerializer(serializers.Serializer):
    kind = serializers.CharField(source="key", help_text=_("The kind of record."))
    label = serializers.CharField(help_text=_("The kind of record, in your language."))
    count = serializers.IntegerField(
        source="shown_count", help_text=_("How many records of this kind you may see match (at most 1,000).")
    )
    count_exact = serializers.BooleanField(
        source="counted_exactly", help_text=_("False when more than 1,000 match: the count stops there.")
    )
    hits = HitSerializer(many=True, help_text=_("The best matches first."))


class SearchAnswerSerializer(serializers.Serializer):
    query = serializers.CharField(help_text=_("The query as understood."))
    operation = serializers.IntegerField(help_text=_("The operation searched."))
    results = GroupSerializer(
        many=True, help_text=_("One entry per kind of record, kinds with matches first.")
    )


class SearchAPIView(ErrorsAsJSONMixin, APIView):
    """Search one operation's records you may see: actors, contacts, meetings, action points,
    requests to the cell and MCDA assets, accents and case ignored, best matches first."""

    @extend_schema(
        operation_id="search",
        parameters=[
            OpenApiParameter(
                "q",
                OpenApiTypes.STR,
                required=True,
                description=_("The words to find (2 to 200 characters)."),
            ),
            OpenApiParameter(
                "operation", OpenApiTypes.INT, required=True, description=_("The operation to search.")
            ),
            OpenApiParameter(
                "kind",
                OpenApiTypes.STR,
                description=_("Only this kind of record (one of the kinds the answer names)."),
            ),
            OpenApiParameter(
                "limit", OpenApiTypes.INT, description=_("Matches per kind (1 to 50, default 10).")
            ),
            OpenApiParameter(
                "offset", OpenApiTypes.INT, description=_("Skip this many matches of each kind.")
            ),
        ],
        responses={200: SearchAnswerSerializer},
    )
    def get(self, request):
        params = SearchParamsSerializer(data=request.query_params)
        params.is_valid(raise_exception=True)
        data = params.validated_data
        operation = Operation.objects.for_user(request.user).filter(pk=data["operation"]).first()
        if operation is None:
            raise NotFound()
        timezone.activate(operation.zone)  # dates read as people there live them, as on the pages
        query = data["q"]
        groups = site_search.search(
            request.user,
            operation,
            query,
            kinds={data["kind"]} if data.get("kind") else None,
            limit=data["limit"],
            offset=data["offset"],
        )
        for group in groups:
            for hit in group.hits:
                hit.url = request.build_absolute_uri(hit.url)
        answer = {"query": query.text, "operation": operation.pk, "results": groups}
        return Response(SearchAnswerSerializer(answer).data)
