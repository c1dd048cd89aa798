"""FilterSets of actors, mandates and links (shared by the API and the HTML lists)."""

import django_filters as df
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from actors.models import (
    MILITARY_CATEGORIES,
    Actor,
    ActorLink,
    ActorType,
    AssociationRisk,
    Authority,
    Category,
    Echelon,
    InterlocutorStatus,
    LinkKind,
    Mandate,
    Relationship,
)
from cmcoord.api.filters import IdFilter, RecordFilterSet, VisibleIdFilter, pcode_filter, sector_filter
from cmcoord.models import Sensitivity


class ActorFilterSet(RecordFilterSet):
    search_fields = ("name", "acronym", "notes")
    category = df.MultipleChoiceFilter(choices=Category.choices, help_text=_("Category; repeat to combine."))
    actor_type = df.MultipleChoiceFilter(choices=ActorType.choices, help_text=_("Type; repeat to combine."))
    military = df.BooleanFilter(
        method="filter_military", label=_("Military"), help_text=_("true: military and paramilitary only.")
    )
    sensitivity = df.ChoiceFilter(choices=Sensitivity.choices, help_text=_("Who may read it."))
    interlocutor_status = df.ChoiceFilter(
        choices=InterlocutorStatus.choices, help_text=_("HCT/UNCT decision.")
    )
    relationship = df.ChoiceFilter(
        choices=Relationship.choices, help_text=_("Character of the relationship.")
    )
    association_risk = df.ChoiceFilter(choices=AssociationRisk.choices, help_text=_("Risk of association."))
    echelon = df.ChoiceFilter(choices=Echelon.choices, help_text=_("Level in the military structure."))
    parent = VisibleIdFilter(field_name="parent_id", help_text=_("Identifier of the parent actor."))
    contributing_state = df.CharFilter(
        lookup_expr="iexact", help_text=_("ISO 3166 alpha-3 contributing state.")
    )
    sector = sector_filter("presences__sector")
    area = pcode_filter("presences__area")

    class Meta:
        model = Actor
        fields = ["operation", "updated_since"]

    def filter_military(self, queryset, name, value):
        if value is None:
            return queryset
        q = Q(category__in=MILITARY_CATEGORIES)
        return queryset.filter(q if value else ~q)


class MandateFilterSet(RecordFilterSet):
    search_fields = ("title", "reference", "scope")
    operation = IdFilter(field_name="actor__operation_id", help_text=_("Identifier of the operation."))
    actor = VisibleIdFilter(field_name="actor_id", help_text=_("Identifier of the actor."))
    authority = df.ChoiceFilter(choices=Authority.choices, help_text=_("Authority of the mandate."))
    sensitivity = df.ChoiceFilter(choices=Sensitivity.choices, help_text=_("Who may read it."))
    in_force_on = df.DateFilter(
        method="filter_in_force_on",
        label=_("In force on"),
        help_text=_("Only mandates in force on this date."),
    )

    class Meta:
        model = Mandate
        fields = ["operation", "updated_since"]

    def filter_in_force_on(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(in_force_from__lte=value).filter(
            Q(in_force_until__isnull=True) | Q(in_force_until__gte=value)
        )


class ActorLinkFilterSet(RecordFilterSet):
    search_fields = ("mechanism", "notes", "source__name", "target__name")
    source = IdFilter(field_name="source_id", help_text=_("Identifier of the source actor."))
    target = IdFilter(field_name="target_id", help_text=_("Identifier of the target actor."))
    actor = IdFilter(method="filter_actor", label=_("Actor"), help_text=_("Links from or to this actor."))
    kind = df.ChoiceFilter(choices=LinkKind.choices, help_text=_("Kind of link."))
    sensitivity = df.ChoiceFilter(choices=Sensitivity.choices, help_text=_("Who may read it."))

    class Meta:
        model = ActorLink
        fields = ["operation", "updated_since"]

    def filter_actor(self, queryset, name, value):
        return queryset.filter(Q(source_id=value) | Q(target_id=value)) if value else queryset
