"""Reminders: what is due (``due``, from the sources each app registers in ``registry``),
claiming it exactly once (``dispatch``), sending it (``delivery``), what it says (``messages``),
the user's side (``inbox``), and how it is all doing (``health``: backlog, last dispatch).

Celery tasks in ``cmcoord.tasks`` and ``manage.py send_reminders`` only call ``dispatch`` and
``deliver``.
"""

from .delivery import deliver
from .dispatcher import DispatchReport, dispatch
from .inbox import unread_count
from .registry import register

__all__ = ["DispatchReport", "deliver", "dispatch", "register", "unread_count"]
