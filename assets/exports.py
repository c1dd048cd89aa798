"""The HXL exports of MCDA deployments and of the activities that depend on them. A provider or
an asset the reader may not see is left blank."""

from actors.exports import actor_columns
from actors.models import Actor
from assets.models import AssetDeployment
from cmcoord.formats.hxl import Column, adm1, adm2, hxl_csv, visible_related_of


def assets_hxl(assets, *, request, view) -> str:
    def areas(level):
        return lambda a: sorted({code for area in a.areas.all() if (code := level(area))})

    columns = [
        Column("Asset id", "#meta+id", lambda a: a.pk),
        Column("Asset", "#item+name", lambda a: a.name),
        Column("Capability", "#item+type", lambda a: a.capability),
        Column("Quantity", "#capacity", lambda a: a.quantity),
        *actor_columns(visible_related_of(request, Actor, lambda a: a.provider)),
        Column("Base", "#loc+name", lambda a: a.base),
        Column("Country", "#country+code", lambda a: a.operation.country),
        Column("Admin 1 P-codes", "#adm1+code", areas(adm1)),
        Column("Admin 2 P-codes", "#adm2+code", areas(adm2)),
        Column("Sectors", "#sector+cluster+code", lambda a: sorted(s.code for s in a.sectors.all())),
        Column("Support type", "#activity+type", lambda a: a.support_type),
        Column("Deployed on", "#date+start", lambda a: a.deployed_on),
        Column("Phase-out date", "#date+end", lambda a: a.phase_out_on),
        Column("Status", "#status", lambda a: a.status),
        Column("Updated", "#date+updated", lambda a: a.updated_at),
    ]
    return hxl_csv(columns, assets)


def dependencies_hxl(dependencies, *, request, view) -> str:
    asset = visible_related_of(request, AssetDeployment, lambda d: d.asset)

    columns = [
        Column("Dependency id", "#meta+id", lambda d: d.pk),
        Column("Activity", "#activity+name", lambda d: d.activity),
        Column("Asset id", "#meta+asset_id", lambda d: asset(d) and asset(d).pk),
        Column("Asset", "#item+name", lambda d: asset(d) and asset(d).name),
        Column("Country", "#country+code", lambda d: d.operation.country),
        Column("Admin 1 P-code", "#adm1+code", lambda d: adm1(d.area)),
        Column("Admin 2 P-code", "#adm2+code", lambda d: adm2(d.area)),
        Column("Sector", "#sector+cluster+code", lambda d: d.sector.code if d.sector else None),
        Column("Criticality", "#severity", lambda d: d.criticality),
        Column("Alternative provider", "#org+name+alternative", lambda d: d.alternative_provider),
        Column("Alternative readiness", "#status+alternative", lambda d: d.alternative_readiness),
        Column("Asset phase-out date", "#date+end", lambda d: asset(d) and asset(d).phase_out_on),
        Column("Updated", "#date+updated", lambda d: d.updated_at),
    ]
    return hxl_csv(columns, dependencies)
