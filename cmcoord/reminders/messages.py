"""What a reminder says, built at send time from the current records and for one recipient.

A reminder whose record changed since it was claimed (asset withdrawn, date moved, action point
done, meeting cancelled) or that its recipient may no longer read gives None: it is skipped.
"""

import datetime as dt
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import formats
from django.utils.translation import gettext, ngettext

from cmcoord.formats.text import one_line
from cmcoord.i18n import override_for

from . import registry
from .links import absolute_url, preferences_path

TITLE_MAX = 300


@dataclass(frozen=True)
class Message:
    title: str  # the e-mail subject and the notification title
    body: str  # the in-app text
    email_text: str  # the in-app text with the absolute link and a footer
    path: str


def build_message(delivery, now: dt.datetime) -> Message | None:
    """The reminder in its recipient's language (their choice, else the operation's default)."""
    record, _, pk = delivery.subject.partition(":")
    source = registry.source_for(record)
    if source is None or not pk.isdigit():
        return None
    with override_for(delivery.recipient, getattr(delivery, "operation", None)):
        return source.message(int(pk), delivery, now)


def days_phrase(days: int) -> str:
    if days == 0:
        return gettext("today")
    if days == 1:
        return gettext("tomorrow")
    return ngettext("in %(count)d day", "in %(count)d days", days) % {"count": days}


def date_text(value: dt.date) -> str:
    """A date for people, in the language being composed (e.g. "30 novembre 2026" in French)."""
    return formats.date_format(value, "DATE_FORMAT")


def datetime_text(value: dt.datetime, zone) -> str:
    """A moment for people, in ``zone`` (the operation's time zone) and the reader's format."""
    return formats.date_format(value.astimezone(zone), "DATETIME_FORMAT")


def render_message(template: str, title: str, path: str, context: dict) -> Message:
    """The in-app text and the e-mail from one template (``email`` tells them apart)."""
    context = {**context, "url": absolute_url(path), "preferences_url": absolute_url(preferences_path())}
    body = render_to_string(template, {**context, "email": False}).strip()
    email_text = render_to_string(template, {**context, "email": True}).strip() + "\n"
    return Message(one_line(title)[:TITLE_MAX], body, email_text, path)  # the subject: one line
