"""The officers' pages to create, edit and delete MCDA deployments and what depends on them."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from assets.forms import AssetForm, DependencyForm
from assets.models import AssetDeployment, Dependency
from cmcoord.edit_views import RecordDeleteView, RecordFormView, RecordWords
from cmcoord.views_base import query_id

ASSET_WORDS = RecordWords(
    new=_("New MCDA deployment"),
    edit=_("Edit MCDA deployment: %(name)s"),
    created=_("MCDA deployment “%(name)s” created."),
    saved=_("MCDA deployment “%(name)s” saved."),
    delete_link=_("Delete this MCDA deployment…"),
    delete_question=_("Delete MCDA deployment “%(name)s”?"),
    deleted=_("MCDA deployment “%(name)s” deleted."),
)

DEPENDENCY_WORDS = RecordWords(
    new=_("New dependency"),
    edit=_("Edit dependency: %(name)s"),
    created=_("Dependency “%(name)s” created."),
    saved=_("Dependency “%(name)s” saved."),
    delete_link=_("Delete this dependency…"),
    delete_question=_("Delete dependency “%(name)s”?"),
    deleted=_("Dependency “%(name)s” deleted."),
)


class AssetFormView(RecordFormView):
    model = AssetDeployment
    form_class = AssetForm
    m2m_fields = AssetForm.m2m_fields
    words = ASSET_WORDS
    delete_route = "assets:delete"

    def cancel_url(self):
        return super().cancel_url() or reverse("assets:list", args=[self.operation.pk])


class AssetDeleteView(RecordDeleteView):
    model = AssetDeployment
    words = ASSET_WORDS
    consequences = (
        ("dependencies", ngettext_lazy("%(count)d dependency", "%(count)d dependencies", "count")),
    )

    def list_url(self):
        return reverse("assets:list", args=[self.operation.pk])


class DependencyFormView(RecordFormView):
    """``dependencies/new/?asset=<id>`` starts with the asset chosen; saved, shows the asset."""

    model = Dependency
    form_class = DependencyForm
    words = DEPENDENCY_WORDS
    delete_route = "assets:dependency-delete"

    def initial(self):
        asset = query_id(self.request, "asset")
        return {"asset": asset} if self.creating and asset else {}

    def cancel_url(self):
        return super().cancel_url() or reverse("assets:dependency-list", args=[self.operation.pk])


class DependencyDeleteView(RecordDeleteView):
    model = Dependency
    words = DEPENDENCY_WORDS

    def list_url(self):
        return self.detail_url()  # the asset's page, where its dependencies are listed
