"""The HXL export of cell requests, with the RFA's task, priority, date and endorsement."""

from django.utils.translation import gettext as _

from cmcoord.formats.hxl import Column, adm1, adm2, hxl_csv


def cell_requests_hxl(requests, *, request, view) -> str:
    def rfa(attr):
        return lambda r: getattr(r.rfa_details, attr, None)

    columns = [
        Column(_("Request id"), "#meta+id", lambda r: r.pk),
        Column(_("Kind"), "#meta+kind", lambda r: r.kind),
        Column(_("Title"), "#description+title", lambda r: r.title),
        Column(_("Country"), "#country+code", lambda r: r.operation.country),
        Column(_("Admin 1 P-code"), "#adm1+code", lambda r: adm1(r.area)),
        Column(_("Admin 2 P-code"), "#adm2+code", lambda r: adm2(r.area)),
        Column(_("Status"), "#status", lambda r: r.status),
        Column(_("Submitted"), "#date+reported", lambda r: r.created_at),
        Column(_("Task type"), "#activity+type", rfa("task_type")),
        Column(_("Priority"), "#severity+priority", rfa("priority")),
        Column(_("Needed by"), "#date+needed", rfa("needed_by")),
        Column(_("Endorsement"), "#status+endorsement", rfa("endorsement")),
        Column(_("Updated"), "#date+updated", lambda r: r.updated_at),
    ]
    return hxl_csv(columns, requests)
