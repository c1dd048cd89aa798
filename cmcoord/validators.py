"""Dates people can mean: every date and time a person enters lies between 1900 and 2200.

Python's calendar stops at year 1 and year 9999, and a date at either end breaks what is
computed from it (a reminder "7 days before", the day after in a calendar feed, a time shown in
the operation's time zone). Model fields carry the check, so forms, the API and the admin all
refuse such a date with the same message; list filters use it too.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

EARLIEST = dt.date(1900, 1, 1)
LATEST = dt.date(2200, 12, 31)


def validate_calendar_range(value) -> None:
    """A date or a date and time between EARLIEST and LATEST (a time: on its own day)."""
    day = value.date() if isinstance(value, dt.datetime) else value
    if isinstance(day, dt.date) and not EARLIEST <= day <= LATEST:
        raise ValidationError(
            _("Enter a date between %(earliest)s and %(latest)s."),
            code="date_out_of_range",
            params={"earliest": EARLIEST.isoformat(), "latest": LATEST.isoformat()},
        )
