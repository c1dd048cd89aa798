"""The officers' pages to create, edit and delete actors (with where they operate) and mandates."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from actors.forms import ActorForm, ActorLinkForm, MandateForm, PresenceFormSet
from actors.models import Actor, ActorLink, Mandate
from cmcoord.edit_views import RecordDeleteView, RecordFormView, RecordWords

ACTOR_WORDS = RecordWords(
    new=_("New actor"),
    edit=_("Edit actor: %(name)s"),
    created=_("Actor “%(name)s” created."),
    saved=_("Actor “%(name)s” saved."),
    delete_link=_("Delete this actor…"),
    delete_question=_("Delete actor “%(name)s”?"),
    deleted=_("Actor “%(name)s” deleted."),
)

MANDATE_WORDS = RecordWords(
    new=_("New mandate"),
    edit=_("Edit mandate: %(name)s"),
    created=_("Mandate “%(name)s” created."),
    saved=_("Mandate “%(name)s” saved."),
    delete_link=_("Delete this mandate…"),
    delete_question=_("Delete mandate “%(name)s”?"),
    deleted=_("Mandate “%(name)s” deleted."),
)

LINK_WORDS = RecordWords(
    new=_("New link between actors"),
    edit=_("Edit link: %(name)s"),
    created=_("Link “%(name)s” created."),
    saved=_("Link “%(name)s” saved."),
    delete_link=_("Delete this link…"),
    delete_question=_("Delete link “%(name)s”?"),
    deleted=_("Link “%(name)s” deleted."),
)


class ActorFormView(RecordFormView):
    model = Actor
    form_class = ActorForm
    words = ACTOR_WORDS
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
    words = ACTOR_WORDS
    consequences = (
        ("mandates", ngettext_lazy("%(count)d mandate", "%(count)d mandates", "count")),
        ("contacts", ngettext_lazy("%(count)d contact", "%(count)d contacts", "count")),
        ("presences", ngettext_lazy("%(count)d presence", "%(count)d presences", "count")),
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
    words = MANDATE_WORDS
    delete_route = "actors:mandate-delete"

    def new_object(self):
        actors = Actor.objects.for_user(self.request.user).filter(operation=self.operation)
        return Mandate(actor=get_object_or_404(actors, pk=self.kwargs["actor"]))


class MandateDeleteView(RecordDeleteView):
    model = Mandate
    operation_field = "actor__operation"
    words = MANDATE_WORDS

    def list_url(self):
        return self.detail_url()  # the actor's page, where its mandates are listed


class ActorLinkFormView(RecordFormView):
    """A link between two actors: created from an actor's page (that actor first), edited on its own."""

    model = ActorLink
    form_class = ActorLinkForm
    words = LINK_WORDS
    delete_route = "actors:link-delete"

    def page_actor(self):
        actors = Actor.objects.for_user(self.request.user).filter(operation=self.operation)
        return get_object_or_404(actors, pk=self.kwargs["actor"])

    def get_object(self):
        if self.creating:
            self.from_actor = self.page_actor()
        return super().get_object()

    def initial(self) -> dict:
        return {"source": self.from_actor} if self.creating else {}

    def success_url(self):
        return self.from_actor.get_absolute_url() if self.creating else super().success_url()

    def cancel_url(self):
        return self.success_url()


class ActorLinkDeleteView(RecordDeleteView):
    model = ActorLink
    words = LINK_WORDS

    def list_url(self):
        return self.detail_url()  # the page of the actor it started from
