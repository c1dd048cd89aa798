"""What of the MCDA deployments people find from the operation's search box
(``cmcoord.site_search``)."""

from django.utils.translation import gettext_lazy as _

from assets.models import AssetDeployment
from cmcoord import site_search


def register() -> None:
    site_search.register(
        "assets",
        model=AssetDeployment,
        label=_("MCDA assets"),
        fields={"name": "A", "base": "B", "phase_out_plan": "C"},
        meta=lambda asset: f"{asset.get_capability_display()} · {asset.get_status_display()}",
    )
