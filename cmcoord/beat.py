"""One Celery beat schedules at a time, however many run: a lock in Redis.

Every beat process sends every periodic task (celery #2856), so two of them would dispatch each
reminder run twice. ``LockedScheduler`` (settings.CELERY_BEAT_SCHEDULER when REDIS_URL is set)
sends nothing unless it holds a Redis lock, which it renews on every tick; the lock expires
BEAT_LOCK_TIMEOUT_SECONDS after its holder stopped renewing it (killed, host lost, Redis cut
off). A second beat is therefore a standby: it takes over within that time, never doubles.
"""

import contextlib
import logging

import redis
from celery.beat import PersistentScheduler
from django.conf import settings

logger = logging.getLogger(__name__)


class LockedScheduler(PersistentScheduler):
    def __init__(self, *args, **kwargs):
        self.lock_timeout = settings.BEAT_LOCK_TIMEOUT_SECONDS
        self.lock_name = f"cmcoord:beat-lock:{settings.CELERY_TASK_DEFAULT_QUEUE}"
        client = redis.Redis.from_url(settings.REDIS_URL, socket_timeout=5, socket_connect_timeout=5)
        # thread_local=False: the token is this scheduler's, whichever thread ticks.
        self.lock = client.lock(self.lock_name, timeout=self.lock_timeout, thread_local=False)
        self.holds_lock = False
        super().__init__(*args, **kwargs)

    @property
    def renew_every(self) -> float:
        return self.lock_timeout / 3

    def tick(self, *args, **kwargs):
        if not self.hold_lock():
            return self.renew_every  # standby: try again soon, send nothing
        # Wake up in time to renew the lock, however far the next task is.
        return min(super().tick(*args, **kwargs), self.renew_every)

    def hold_lock(self) -> bool:
        try:
            if self.holds_lock:
                try:
                    self.lock.reacquire()  # our token still there: its time starts again
                    return True
                except redis.exceptions.LockError:
                    self.holds_lock = False
                    logger.warning("Celery beat lost its lock %s: another beat schedules now", self.lock_name)
            if self.lock.acquire(blocking=False):
                self.holds_lock = True
                logger.info("This Celery beat schedules the periodic tasks (lock %s)", self.lock_name)
        except redis.exceptions.RedisError:
            logger.exception("Celery beat cannot reach Redis for its lock: sending nothing")
            self.holds_lock = False
        return self.holds_lock

    def close(self):
        if self.holds_lock:
            with contextlib.suppress(redis.exceptions.RedisError):
                self.lock.release()  # a standby takes over at its next tick, not after the timeout
            self.holds_lock = False
        super().close()
