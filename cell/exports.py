"""The HXL export of cell requests, with the RFA's task, priority, date and endorsement."""

from cmcoord.formats.hxl import Column, adm1, adm2, hxl_csv


def cell_requests_hxl(requests, *, request, view) -> str:
    def rfa(attr):
        return lambda r: getattr(r.rfa_details, attr, None)

    columns = [
        Column("Request id", "#meta+id", lambda r: r.pk),
        Column("Kind", "#meta+kind", lambda r: r.kind),
        Column("Title", "#description+title", lambda r: r.title),
        Column("Country", "#country+code", lambda r: r.operation.country),
        Column("Admin 1 P-code", "#adm1+code", lambda r: adm1(r.area)),
        Column("Admin 2 P-code", "#adm2+code", lambda r: adm2(r.area)),
        Column("Status", "#status", lambda r: r.status),
        Column("Submitted", "#date+reported", lambda r: r.created_at),
        Column("Task type", "#activity+type", rfa("task_type")),
        Column("Priority", "#severity+priority", rfa("priority")),
        Column("Needed by", "#date+needed", rfa("needed_by")),
        Column("Endorsement", "#status+endorsement", rfa("endorsement")),
        Column("Updated", "#date+updated", lambda r: r.updated_at),
    ]
    return hxl_csv(columns, requests)
