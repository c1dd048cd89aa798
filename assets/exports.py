"""The HXL exports of MCDA deployments and of the activities that depend on them. A provider or
an asset the reader may not see is left blank."""

from django.utils.translation import gettext as _

from actors.exports import actor_columns
from actors.models import Actor
from assets.models import AssetDeployment
from cmcoord.formats.hxl import Column, adm1, adm2, hxl_csv, visible_related_of


def assets_hxl(assets, *, request, view) -> str:
    def areas(level):
        return lambda a: sorted({code for area in a.areas.all() if (code := level(area))})

    columns = [
        Column(_("Asset id"), "#meta+id", lambda a: a.pk),
        Column(_("Asset"), "#item+name", lambda a: a.name),
        Column(_("Capability"), "#item+type", lambda a: a.capability),
        Column(_("Quantity"), "#capacity", lambda a: a.quantity),
        *actor_columns(visible_related_of(request, Actor, lambda a: a.provider)),
        Column(_("Base"), "#loc+name", lambda a: a.base),
        Column(_("Country"), "#country+code", lambda a: a.operation.country),
        Column(_("Admin 1 P-codes"), "#adm1+code", areas(adm1)),
        Column(_("Admin 2 P-codes"), "#adm2+code", areas(adm2)),
        Column(_("Sectors"), "#sector+cluster+code", lambda a: sorted(s.code for s in a.sectors.all())),
        Column(_("Support type"), "#activity+type", lambda a: a.support_type),
        Column(_("Deployed on"), "#date+start", lambda a: a.deployed_on),
        Column(_("Phase-out date"), "#date+end", lambda a: a.phase_out_on),
        Column(_("Status"), "#status", lambda a: a.status),
        Column(_("Updated"), "#date+updated", lambda a: a.updated_at),
    ]
    return hxl_csv(columns, assets)


def dependencies_hxl(dependencies, *, request, view) -> str:
    asset = visible_related_of(request, AssetDeployment, lambda d: d.asset)

    columns = [
        Column(_("Dependency id"), "#meta+id", lambda d: d.pk),
        Column(_("Activity"), "#activity+name", lambda d: d.activity),
        Column(_("Asset id"), "#meta+asset_id", lambda d: asset(d) and asset(d).pk),
        Column(_("Asset"), "#item+name", lambda d: asset(d) and asset(d).name),
        Column(_("Country"), "#country+code", lambda d: d.operation.country),
        Column(_("Admin 1 P-code"), "#adm1+code", lambda d: adm1(d.area)),
        Column(_("Admin 2 P-code"), "#adm2+code", lambda d: adm2(d.area)),
        Column(_("Sector"), "#sector+cluster+code", lambda d: d.sector.code if d.sector else None),
        Column(_("Criticality"), "#severity", lambda d: d.criticality),
        Column(_("Alternative provider"), "#org+name+alternative", lambda d: d.alternative_provider),
        Column(_("Alternative readiness"), "#status+alternative", lambda d: d.alternative_readiness),
        Column(_("Asset phase-out date"), "#date+end", lambda d: asset(d) and asset(d).phase_out_on),
        Column(_("Updated"), "#date+updated", lambda d: d.updated_at),
    ]
    return hxl_csv(columns, dependencies)
