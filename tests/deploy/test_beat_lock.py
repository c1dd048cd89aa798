"""Two Celery beats never both schedule: the Redis lock of cmcoord/beat.py, against a real Redis.

Each beat gets its own periodic task (every 0.2 s) sent to a queue of this test; the messages in
Redis tell which beat sent what. The lock's timeout is shortened to one second.
"""

import json
import time
import uuid

import pytest
import redis
from celery import Celery

from cmcoord.beat import LockedScheduler

pytestmark = pytest.mark.redis


@pytest.fixture
def beats(redis_url, settings, tmp_path):
    settings.REDIS_URL = redis_url
    settings.BEAT_LOCK_TIMEOUT_SECONDS = 1
    settings.CELERY_TASK_DEFAULT_QUEUE = f"beat-lock-test-{uuid.uuid4().hex[:8]}"
    queue = settings.CELERY_TASK_DEFAULT_QUEUE
    made = {}

    def beat(name):
        app = Celery(f"beat-{name}", broker=redis_url, set_as_current=False)
        app.conf.beat_schedule = {
            f"ping-{name}": {"task": f"tests.beat.{name}", "schedule": 0.2, "options": {"queue": queue}}
        }
        made[name] = LockedScheduler(app=app, schedule_filename=str(tmp_path / f"schedule-{name}"))
        return made[name]

    client = redis.Redis.from_url(redis_url)
    yield beat, queue, client
    for scheduler in made.values():
        scheduler.close()
    client.delete(queue)


def run(seconds, *schedulers):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for scheduler in schedulers:
            scheduler.tick()
        time.sleep(0.05)


def senders(client, queue) -> list[str]:
    """The task names of the messages in the queue, oldest first."""
    names = []
    for raw in reversed(client.lrange(queue, 0, -1)):
        message = json.loads(raw)
        names.append(message["headers"]["task"])
    client.delete(queue)
    return names


def test_a_second_beat_sends_nothing_while_the_first_runs_and_takes_over_when_it_dies(beats):
    beat, queue, client = beats
    first, second = beat("first"), beat("second")

    run(1.5, first, second)
    sent = senders(client, queue)
    assert len(sent) >= 4 and set(sent) == {"tests.beat.first"}, sent
    assert first.holds_lock and not second.holds_lock

    # The first beat is killed: it stops ticking and never releases its lock. Within the lock's
    # timeout the second one schedules, and only it.
    run(2.5, second)
    sent = senders(client, queue)
    assert set(sent) == {"tests.beat.second"} and len(sent) >= 4, sent

    # The first comes back (a restart): it finds the lock taken and stays a standby.
    run(1.0, first, second)
    assert set(senders(client, queue)) == {"tests.beat.second"}
    assert not first.holds_lock

    # The second stops cleanly: it lets go at once, and the first takes over at its next tick.
    second.close()
    run(0.6, first)
    assert set(senders(client, queue)) == {"tests.beat.first"}


def test_the_lock_is_per_deployment_queue_and_expires(beats, settings):
    beat, queue, client = beats
    scheduler = beat("only")
    scheduler.tick()
    assert scheduler.holds_lock
    key = f"cmcoord:beat-lock:{queue}"
    assert client.exists(key) and 0 < client.pttl(key) <= 1000
