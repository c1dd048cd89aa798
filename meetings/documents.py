"""The meeting record as a Word document (DOCX, python-docx), to attach to an e-mail.

The same content and masking as the print view: it is written from ``meetings.record.meeting_record``
for the person downloading it, in the language of their page.
"""

import io

from django.utils import formats
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from docx import Document
from docx.shared import Pt

from meetings.record import MeetingRecord, local

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docx_filename(meeting) -> str:
    """ASCII letters, digits and hyphens only: safe in any header, file system and mail client."""
    slug = slugify(meeting.title)[:60].strip("-") or "meeting"
    day = local(meeting.starts_at, meeting.operation.zone).date().isoformat()
    return f"meeting-{meeting.pk}-{day}-{slug}.docx"


def _facts(document, rows) -> None:
    table = document.add_table(rows=0, cols=2)
    table.style = "Table Grid"
    for label, value in rows:
        cells = table.add_row().cells
        cells[0].text, cells[1].text = str(label), str(value)
        for run in cells[0].paragraphs[0].runs:
            run.bold = True


def meeting_docx(record: MeetingRecord) -> bytes:
    meeting, operation = record.meeting, record.meeting.operation
    zone = operation.zone
    document = Document()
    document.styles["Normal"].font.size = Pt(11)
    document.core_properties.title = meeting.title
    document.core_properties.author = "CMCoord"
    document.add_paragraph(f"{operation.name} · {_('UN-CMCoord cell')}")
    document.add_heading(meeting.title, level=0)
    starts, ends = local(meeting.starts_at, zone), local(meeting.ends_at, zone)
    rows = [
        (
            _("When"),
            f"{formats.date_format(starts, 'SHORT_DATETIME_FORMAT')}–{formats.time_format(ends)} ({zone})",
        ),
        (_("Where"), meeting.location or "—"),
    ]
    if record.forum is not None:
        rows.append((_("Forum"), record.forum.name))
    if record.chair is not None:
        rows.append((_("Chair"), str(record.chair)))
    rows.append((_("Status"), meeting.get_status_display()))
    _facts(document, rows)

    if record.agenda:
        document.add_heading(_("Agenda"), level=1)
        for item in record.agenda:
            document.add_paragraph(item.title, style="List Number")
            if item.notes:
                document.add_paragraph(item.notes)

    if record.groups:
        document.add_heading(_("Participants"), level=1)
        for group in record.groups:
            document.add_heading(group.label, level=2)
            for participant in group.participants:
                document.add_paragraph(_participant_line(participant), style="List Bullet")

    if meeting.summary:
        document.add_heading(_("Summary"), level=1)
        document.add_paragraph(meeting.summary)

    if record.decisions:
        document.add_heading(_("Decisions"), level=1)
        for decision in record.decisions:
            document.add_paragraph(decision.text, style="List Bullet")

    if record.action_points:
        document.add_heading(_("Action points"), level=1)
        table = document.add_table(rows=1, cols=4)
        table.style = "Table Grid"
        header = table.rows[0].cells
        header[0].text = pgettext("column of the action points", "Action point")
        header[1].text = _("Owner")
        header[2].text = _("Due date")
        header[3].text = _("Status")
        for point in record.action_points:
            cells = table.add_row().cells
            cells[0].text = point.title
            cells[1].text = point.owner_shown
            cells[2].text = formats.date_format(point.due_date, "SHORT_DATE_FORMAT")
            cells[3].text = point.get_status_display()

    if record.minutes is not None:
        document.add_heading(_("Minutes (restricted: officers and HCT/UNCT only)"), level=1)
        document.add_paragraph(record.minutes)

    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _participant_line(participant) -> str:
    who = participant.contact or participant.user or participant.actor
    if participant.contact_id and participant.user_id:
        who = f"{participant.contact} · {participant.user}"
    if participant.attended is True:
        return _("%(who)s (attended)") % {"who": who}
    if participant.attended is False:
        return _("%(who)s (absent)") % {"who": who}
    return str(who)
