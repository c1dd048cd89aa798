"""The officers' pages to create, edit and delete actors (with where they operate) and mandates."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from actors.forms import ActorForm, MandateForm, PresenceFormSet
from actors.models import Actor, Mandate
from cmcoord.edit_views import RecordDeleteView, RecordFormView


class ActorFormView(RecordFormView):
    model = Actor
    form_class = ActorForm
    noun = _("actor")
    delete_route = "actors:delete"

    def get_formsets(self, data=None):
        presences = PresenceFormSet(
            data, instance=self.object, prefix="presence", form_kwargs=self.form_kwargs()
        )
        presences.legend = _("Where it operates")
        presences.help = _("An area, a sector or both; when, doing what.")
        return [presences]

    def cancel_url(self):
        return super().cancel_url() or reverse("actors:list", args=[self.operation.pk])


class ActorDeleteView(RecordDeleteView):
    model = Actor
    noun = _("actor")
    consequences = (
        ("mandates", _("mandates")),
        ("contacts", _("contacts")),
        ("presences", _("presences")),
    )

    def blockers(self):
        actor, reasons = self.object, []
        if actor.children.exists():
            reasons.append(gettext("Units are under its command: move them to another parent first."))
        if actor.assets_provided.exists():
            # Translators: MCDA is military and civil defence assets (the MCDA Guidelines).
            reasons.append(gettext("It provides MCDA deployments: change their provider first."))
        if actor.action_points_owned.filter(owner__isnull=True).exists():
            reasons.append(gettext("It alone owns action points: give them another owner first."))
        return reasons

    def list_url(self):
        return reverse("actors:list", args=[self.operation.pk])


class MandateFormView(RecordFormView):
    """A mandate of an actor: created from the actor's page, edited on its own."""

    model = Mandate
    form_class = MandateForm
    operation_field = "actor__operation"
    noun = _("mandate")
    delete_route = "actors:mandate-delete"

    def new_object(self):
        actors = Actor.objects.for_user(self.request.user).filter(operation=self.operation)
        return Mandate(actor=get_object_or_404(actors, pk=self.kwargs["actor"]))


class MandateDeleteView(RecordDeleteView):
    model = Mandate
    operation_field = "actor__operation"
    noun = _("mandate")

    def list_url(self):
        return self.detail_url()  # the actor's page, where its mandates are listed
