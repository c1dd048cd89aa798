"""Reminders: what is due (``due``), claiming it exactly once (``dispatch``), sending it
(``delivery``), what it says (``messages``), and the user's side (``inbox``).

Celery tasks in ``cmcoord.tasks`` and ``manage.py send_reminders`` only call ``dispatch`` and
``deliver``.
"""

from .delivery import deliver
from .dispatcher import DispatchReport, dispatch
from .inbox import unread_count
from .links import action_point_path, asset_path, meeting_path

__all__ = [
    "DispatchReport",
    "action_point_path",
    "asset_path",
    "deliver",
    "dispatch",
    "meeting_path",
    "unread_count",
]
