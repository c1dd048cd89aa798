"""The officers' pages to create, edit and delete MCDA deployments and what depends on them."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from assets.forms import AssetForm, DependencyForm
from assets.models import AssetDeployment, Dependency
from cmcoord.edit_views import RecordDeleteView, RecordFormView
from cmcoord.views_base import query_id


class AssetFormView(RecordFormView):
    model = AssetDeployment
    form_class = AssetForm
    m2m_fields = AssetForm.m2m_fields
    noun = _("MCDA deployment")
    delete_route = "assets:delete"

    def cancel_url(self):
        return super().cancel_url() or reverse("assets:list", args=[self.operation.pk])


class AssetDeleteView(RecordDeleteView):
    model = AssetDeployment
    noun = _("MCDA deployment")
    consequences = (("dependencies", _("dependencies")),)

    def list_url(self):
        return reverse("assets:list", args=[self.operation.pk])


class DependencyFormView(RecordFormView):
    """``dependencies/new/?asset=<id>`` starts with the asset chosen; saved, shows the asset."""

    model = Dependency
    form_class = DependencyForm
    noun = _("dependency")
    delete_route = "assets:dependency-delete"

    def initial(self):
        asset = query_id(self.request, "asset")
        return {"asset": asset} if self.creating and asset else {}

    def cancel_url(self):
        return super().cancel_url() or reverse("assets:dependency-list", args=[self.operation.pk])


class DependencyDeleteView(RecordDeleteView):
    model = Dependency
    noun = _("dependency")

    def list_url(self):
        return self.detail_url()  # the asset's page, where its dependencies are listed
