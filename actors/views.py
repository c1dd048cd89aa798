from django.utils import timezone
from django.views.generic import TemplateView

from actors import matrix
from actors.chart import operation_chart
from actors.filters import ActorFilterSet
from actors.forms import InterlocutorDecisionForm
from actors.models import Actor, Category
from cmcoord.masking import attach_visible
from cmcoord.models import Area, Sector
from cmcoord.permissions import visible_pks
from cmcoord.views_base import (
    OperationDetailView,
    OperationListView,
    OperationMixin,
)


class ActorListView(OperationListView):
    model = Actor
    template_name = "actors/actor_list.html"
    filterset_class = ActorFilterSet
    search_fields = ActorFilterSet.search_fields

    def get_queryset(self):
        return super().get_queryset().select_related("parent")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(
            categories=Category.choices,
            areas=Area.objects.filter(country=self.operation.country, level__gte=1).order_by("pcode"),
            sectors=Sector.objects.order_by("code"),
            **kwargs,
        )
        attach_visible(self.request.user, context["object_list"], "parent")
        return context


class ActorDetailView(OperationDetailView):
    model = Actor
    template_name = "actors/actor_detail.html"

    def get_context_data(self, **kwargs):
        actor, user = self.object, self.request.user
        return super().get_context_data(
            ancestors=_visible_chain(user, actor),
            children=Actor.objects.for_user(user).filter(parent=actor),
            mandates=actor.mandates.model.objects.for_user(user).filter(actor=actor),
            presences=actor.presences.select_related("area", "sector"),
            links_out=actor.links_out.model.objects.for_user(user)
            .filter(source=actor)
            .select_related("target"),
            links_in=actor.links_in.model.objects.for_user(user)
            .filter(target=actor)
            .select_related("source"),
            decision_form=kwargs.pop("decision_form", None)
            or InterlocutorDecisionForm(initial={"seen_status": self.object.interlocutor_status}),
            **kwargs,
        )


def _visible_chain(user, actor):
    """The chain of command above the actor, leaving out levels the reader may not see."""
    chain = actor.ancestors()
    shown = visible_pks(user, Actor, [a.pk for a in chain])
    return [a for a in chain if a.pk in shown]


class ActorChartView(OperationMixin, TemplateView):
    """The chain of command and the links between actors, as one page anyone in the operation reads."""

    template_name = "actors/actor_chart.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(chart=operation_chart(self.request.user, self.operation), **kwargs)


class PresenceMatrixView(OperationMixin, TemplateView):
    """3W: who does what where, from the presences of the actors the reader may see."""

    template_name = "actors/presence_matrix.html"

    def get_context_data(self, **kwargs):
        form = matrix.MatrixForm(self.request.GET)
        if form.is_valid():
            by = form.cleaned_data["by"] or matrix.BY_AREA
            table = matrix.presence_matrix(
                self.request.user,
                self.operation,
                by=by,
                categories=form.cleaned_data["category"],
                today=timezone.localdate(),
            )
        else:
            table = matrix.Matrix(by=matrix.BY_AREA)
        return super().get_context_data(
            form=form,
            matrix=table,
            max_rows=matrix.MAX_ROWS,
            filter_errors=dict(form.errors),
            **kwargs,
        )
