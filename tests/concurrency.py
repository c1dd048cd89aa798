"""Two people acting on the same record at the same moment, as two real PostgreSQL transactions."""

import threading

from django.core.exceptions import ValidationError
from django.db import connections, transaction


def at_once(first, second) -> tuple:
    """Run ``first`` in a transaction held open until ``second`` (another connection) has started,
    so the second meets the first's uncommitted row (its lock, its unique key, its version).

    Returns both results; a ValidationError the second raised is returned as its result.
    """
    first_done, second_started = threading.Event(), threading.Event()
    results = {}

    def one():
        try:
            with transaction.atomic():
                results["first"] = first()
                first_done.set()
                second_started.wait(10)
                threading.Event().wait(0.5)  # the second is now waiting on the row, or overwriting it
        finally:
            connections.close_all()

    def two():
        first_done.wait(10)
        second_started.set()
        try:
            results["second"] = second()
        except ValidationError as error:
            results["second"] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one), threading.Thread(target=two)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results["first"], results["second"]


def race(first, second) -> list:
    """What ``second`` gave when run :func:`at_once` after ``first``: its result or its refusal."""
    return [at_once(first, second)[1]]
