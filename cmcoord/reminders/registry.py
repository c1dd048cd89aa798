"""The reminder registry: each app says what of its records is due and what a reminder says.

An app registers a source in its ``AppConfig.ready()``::

    reminders.register("asset", due=due_assets, message=asset_message)

``due(now)`` returns the ``Due`` items whose subject is ``"asset:<pk>"``; ``message(pk, delivery,
now)`` builds the reminder at send time for one recipient, or None to skip it. The dispatcher and
the delivery only ever go through this registry, so the core imports no app.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class ReminderSource:
    record: str
    due: Callable[[dt.datetime], list]
    message: Callable[[int, object, dt.datetime], object]


_SOURCES: dict[str, ReminderSource] = {}


def register(record: str, *, due, message) -> None:
    """Register (or replace, on a second ``ready()``) the reminders of one kind of record."""
    _SOURCES[record] = ReminderSource(record, due, message)


def sources() -> list[ReminderSource]:
    return list(_SOURCES.values())


def source_for(record: str) -> ReminderSource | None:
    return _SOURCES.get(record)
