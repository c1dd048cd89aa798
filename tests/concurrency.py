"""Two people acting on the same record at the same moment, as two real PostgreSQL transactions."""

import threading

from django.core.exceptions import ValidationError
from django.db import connections, transaction


def race(first, second) -> list:
    """Run ``first`` in a transaction held open until ``second`` (another connection) has started.

    Returns what ``second`` gave: its result, or the ValidationError it raised.
    """
    first_done, second_started = threading.Event(), threading.Event()
    outcome = []

    def one():
        try:
            with transaction.atomic():
                first()
                first_done.set()
                second_started.wait(10)
                threading.Event().wait(0.5)  # the second is now waiting on the row, or overwriting it
        finally:
            connections.close_all()

    def two():
        first_done.wait(10)
        second_started.set()
        try:
            outcome.append(second())
        except ValidationError as error:
            outcome.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=one), threading.Thread(target=two)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return outcome
