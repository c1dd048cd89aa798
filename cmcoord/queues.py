""" "Waiting for you": what waits for each person, per role, registered by the apps.

An app registers its queue sources in ``AppConfig.ready()`` (the core registers the strategy
draft below)::

    queues.register(
        "cell_new", roles={Role.OFFICER}, title=_("New requests and concerns to triage"),
        items=untriaged, notice=_("New request to triage: %(item)s"),
        notify=NotificationKind.QUEUE_NEW_REQUEST, entered=lambda r: r.created_at,
    )

``items(user, operation_ids, now)`` returns the QuerySet of what waits for ``user`` in those
operations; it starts from the model's ``for_user``, so nothing the user may not read is listed or
counted. An item leaves the queue when ``items`` no longer returns it (done, closed, withdrawn).
Each item links to ``link(item)`` (by default its ``get_absolute_url()``), where it is dealt with.

Counting costs one grouped COUNT per source for the whole request (``counts``), whatever the
number of items or operations; the header reads it once per request (``request_counts``).

Being told: a source with ``notify`` (a NotificationKind) is also a reminder source
(``cmcoord.reminders``): each dispatch finds what entered someone's queue, and the reminder
machinery tells them once (in the app, and by e-mail or in the daily digest, per their preference
for that kind), and skips it if the item left the queue before it went out. Sources whose entry
already has a reminder of its own (action points due, phase-outs) set no ``notify``.

The sources: ``cell/queues.py`` (requests and RFAs), ``contacts/queues.py`` (interlocutor
questions), ``meetings/queues.py`` (action points), ``assets/queues.py`` (phase-outs), and the
strategy draft below.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cmcoord import permissions, reminders
from cmcoord.i18n import override_for
from cmcoord.models import NotificationKind
from cmcoord.reminders.due import Due
from cmcoord.reminders.messages import Message, render_message
from cmcoord.roles import Role

SUBJECT_PREFIX = "queue."
SHOWN_PER_SOURCE = 10


@dataclass(frozen=True)
class QueueSource:
    key: str
    roles: frozenset[str]
    title: str  # lazily translated: the heading of the queue on the dashboard
    items: Callable[[object, list[int], dt.datetime], QuerySet]
    notice: str | None = None  # lazily translated sentence with %(item)s: the notification title
    notify: str | None = None  # NotificationKind of the "entered your queue" notification
    entered: Callable[[object], dt.date | dt.datetime] | None = None  # when it entered: once per date
    link: Callable[[object], str] | None = None
    label: Callable[[object], str] = str
    operation_field: str = "operation"  # how its items name their operation (Operation itself: "pk")
    per_person: bool = False  # items differ between people of the same role (their own records)

    def url(self, item) -> str:
        return self.link(item) if self.link else item.get_absolute_url()

    @property
    def record(self) -> str:
        return f"{SUBJECT_PREFIX}{self.key}"


_SOURCES: dict[str, QueueSource] = {}


def register(key: str, **options) -> QueueSource:
    """Register (or replace, on a second ``ready()``) one queue; with ``notify``, its notice too."""
    if ":" in key or len(SUBJECT_PREFIX + key) > 40:
        raise ValueError(f"Queue key {key!r}: no colon, at most {40 - len(SUBJECT_PREFIX)} characters")
    options["roles"] = frozenset(options["roles"])
    source = QueueSource(key, **options)
    _SOURCES[key] = source
    if source.notify:
        if not source.notice or not source.entered:
            raise ValueError(f"Queue {key!r} notifies: give it a notice and an entered date")
        reminders.register(source.record, due=_due_of(source), message=_message_of(source))
    return source


def sources() -> list[QueueSource]:
    return list(_SOURCES.values())


def _operations_by_role(user) -> dict[str, list[int]]:
    by_role = defaultdict(list)
    for operation_id, role in permissions.memberships(user).items():
        by_role[role].append(operation_id)
    return by_role


def counts(user, now: dt.datetime | None = None) -> dict[int, int]:
    """{operation id: items waiting for the user}: one grouped COUNT per source that concerns them."""
    if not getattr(user, "is_authenticated", False) or permissions.is_partner(user):
        return {}
    now = now or timezone.now()
    by_role = _operations_by_role(user)
    totals: dict[int, int] = defaultdict(int)
    for source in _SOURCES.values():
        operation_ids = sorted({op for role in source.roles for op in by_role.get(role, [])})
        if not operation_ids:
            continue
        rows = (
            source.items(user, operation_ids, now)
            .order_by()
            .values(source.operation_field)
            .annotate(n=Count("pk"))
            .values_list(source.operation_field, "n")
        )
        for operation_id, n in rows:
            totals[operation_id] += n
    return dict(totals)


def request_counts(request) -> dict[int, int]:
    """``counts`` for the signed-in user, computed at most once per request."""
    cached = getattr(request, "_waiting_counts", None)
    if cached is None:
        cached = counts(request.user)
        request._waiting_counts = cached
    return cached


@dataclass
class Section:
    source: QueueSource
    count: int
    rows: list[tuple[object, str, str]]  # (item, its label, its link)

    @property
    def title(self):
        return self.source.title

    @property
    def more(self) -> int:
        return self.count - len(self.rows)


def waiting_for(user, operation, now: dt.datetime | None = None) -> list[Section]:
    """The dashboard's "Waiting for you": the sources of the user's role there, each with its count
    and its first items (two queries per source, whatever the number of items)."""
    now = now or timezone.now()
    role = permissions.role_in(user, operation.pk)
    sections = []
    for source in _SOURCES.values():
        if role not in source.roles:
            continue
        items = source.items(user, [operation.pk], now)
        count = items.count()
        if not count:
            continue
        shown = list(items[:SHOWN_PER_SOURCE])
        sections.append(Section(source, count, [(i, source.label(i), source.url(i)) for i in shown]))
    return sections


# --- Being told when something enters a queue (through the reminder machinery) -------------------


def _entered_date(source: QueueSource, item) -> dt.date:
    value = source.entered(item)
    return timezone.localdate(value) if isinstance(value, dt.datetime) else value


def _due_of(source: QueueSource):
    def due(now: dt.datetime) -> list[Due]:
        from cmcoord.models import Operation
        from cmcoord.services import operation_members

        entries: dict[int, tuple[object, int, set[int]]] = {}
        for operation in Operation.objects.order_by("pk"):
            members = [u for u, role in operation_members(operation) if role in source.roles and u.is_active]
            if not members:
                continue
            shared = None
            for user in members:
                if shared is None or source.per_person:
                    found = list(source.items(user, [operation.pk], now))
                    shared = found
                for item in shared:
                    entries.setdefault(item.pk, (item, operation.pk, set()))[2].add(user.pk)
        return [
            Due(
                source.notify,
                f"{source.record}:{pk}",
                _entered_date(source, item),
                0,
                operation_id,
                tuple(sorted(recipients)),
            )
            for pk, (item, operation_id, recipients) in sorted(entries.items())
        ]

    return due


def _message_of(source: QueueSource):
    def message(pk: int, delivery, now: dt.datetime) -> Message | None:
        """At send time, for one recipient: None (skipped) once it left their queue."""
        user = delivery.recipient
        if permissions.role_in(user, delivery.operation_id) not in source.roles:
            return None
        item = source.items(user, [delivery.operation_id], now).filter(pk=pk).first()
        if item is None or _entered_date(source, item) != delivery.occasion:
            return None
        operation = delivery.operation
        with override_for(user, operation):
            label = source.label(item)
            title = str(source.notice) % {"item": label}
            context = {"title": title, "queue": source.title, "operation": operation, "user": user}
            return render_message("email/reminders/queue.txt", title, source.url(item), context)

    return message


# --- The core's own queue: the strategy draft the HCT/UNCT approves ------------------------------


def strategy_drafts(user, operation_ids, now):
    from cmcoord.models import Operation, StrategyStatus

    pending = Operation.objects.for_user(user).filter(pk__in=operation_ids)
    return pending.exclude(strategy_draft="") | pending.filter(strategy_status=StrategyStatus.DRAFT).exclude(
        strategy=""
    )


def register_core() -> None:
    register(
        "strategy",
        roles={Role.HCT},
        title=_("Strategy drafts awaiting your approval"),
        items=strategy_drafts,
        notice=_("A CMCoord strategy draft awaits your approval: %(item)s"),
        notify=NotificationKind.QUEUE_STRATEGY_DRAFT,
        entered=lambda operation: operation.updated_at,
        link=lambda operation: f"{operation.get_absolute_url()}#strategy",
        operation_field="pk",
    )
