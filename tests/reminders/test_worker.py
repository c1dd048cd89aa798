"""Real Redis and real worker processes: exactly once through duplicates, kills and a broker outage;
the queue notices and the daily digest.

The worker must read the very database the test writes: ``transactional_db`` commits the test's
rows, and the worker's DATABASE_URL names pytest-django's test database. SQLite's test database
is in memory, which another process cannot open, so these tests need PostgreSQL (they skip
without Redis or PostgreSQL locally and fail under CI=true). Each test uses its own queue name,
and an empty Redis database number of the shared server (or a private redis-server).
"""

import datetime as dt
import os
import shutil
import subprocess
import sys
import time
import uuid
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import pytest
import redis
from celery import Celery
from django.utils import timezone

from cmcoord.models import Notification, NotificationKind, NotificationPreference, ReminderDelivery
from cmcoord.roles import Role
from cmcoord.services import role_grant
from tests.conftest import require_service
from tests.factories import (
    AssetFactory,
    CellRequestFactory,
    DependencyFactory,
    MilitaryActorFactory,
    UserFactory,
)

from .filemail import written_messages
from .processes import REPO, RedisServer, Worker, wait_for, worker_database_url

pytestmark = [pytest.mark.redis, pytest.mark.worker]
STALE_SECONDS = 3  # the workers' REMINDER_RETRY_STALE_AFTER_SECONDS: a killed claim is retried soon


class Scene:
    """A due reminder for four people, a queue, a mail directory, and the tools to watch them."""

    def __init__(self, tmp_path, broker_url, recipients):
        self.tmp_path, self.broker_url, self.recipients = tmp_path, broker_url, recipients
        self.queue = f"cmcoord-test-{uuid.uuid4().hex[:10]}"
        self.mail_dir = tmp_path / "mail"
        self.mail_dir.mkdir()
        self.workers: list[Worker] = []

    def env(self, **extra) -> dict:
        env = {key: value for key, value in os.environ.items() if key != "EMAIL_HOST"}
        env.update(
            DJANGO_SETTINGS_MODULE="cmcoord.settings",
            DJANGO_ENV="local",
            PYTHONPATH=str(REPO),
            DATABASE_URL=worker_database_url(),
            REDIS_URL=self.broker_url,
            CELERY_TASK_DEFAULT_QUEUE=self.queue,
            EMAIL_BACKEND="tests.reminders.filemail.EmailBackend",
            CMCOORD_TEST_MAIL_DIR=str(self.mail_dir),
            REMINDER_RETRY_STALE_AFTER_SECONDS=str(STALE_SECONDS),
            **extra,
        )
        return env

    def worker(self, name: str = "worker", **extra) -> Worker:
        worker = Worker(self.env(**extra), self.queue, self.tmp_path / f"{name}.log")
        self.workers.append(worker)
        return worker

    def dispatch(self, task_id: str | None = None) -> str:
        """What beat does every few minutes: queue one dispatcher run."""
        client = Celery("cmcoord-test-client", broker=self.broker_url)
        try:
            task_id = task_id or uuid.uuid4().hex
            client.send_task("cmcoord.tasks.dispatch_reminders", queue=self.queue, task_id=task_id)
            return task_id
        finally:
            client.close()

    def wait_until_all_sent(self, timeout: float = 40) -> None:
        """Dispatch again every STALE_SECONDS, as beat would, until every recipient's row is SENT."""
        deadline, last = time.monotonic() + timeout, 0.0
        while self.sent() < len(self.recipients):
            assert time.monotonic() < deadline, f"not all sent; worker log:\n{self.workers[-1].tail()}"
            if time.monotonic() - last > STALE_SECONDS:
                self.dispatch()
                last = time.monotonic()
            time.sleep(0.2)

    def drain(self, *workers: Worker) -> None:
        """Queue a last dispatch and wait for it: the queue is FIFO, so all before it was taken."""
        task_id = self.dispatch(task_id=f"sentinel-{uuid.uuid4().hex}")
        done = f"[{task_id}] succeeded"
        logs = "\n".join(worker.tail() for worker in workers)
        wait_for(lambda: any(done in worker.text() for worker in workers), 30, f"the sentinel; logs:\n{logs}")

    def sent(self) -> int:
        return ReminderDelivery.objects.filter(status=ReminderDelivery.Status.SENT, lead_days=7).count()

    def emails_by_recipient(self) -> list[str]:
        return sorted(message["To"] for message in written_messages(self.mail_dir))

    def assert_exactly_once(self) -> None:
        expected = sorted(user.email for user in self.recipients)
        assert self.emails_by_recipient() == expected
        assert Notification.objects.count() == len(expected)
        assert self.sent() == len(expected)

    def close(self) -> None:
        for worker in self.workers:
            worker.stop()


def maputo_today() -> dt.date:
    return timezone.now().astimezone(ZoneInfo("Africa/Maputo")).date()


@pytest.fixture
def recipients(transactional_db, operation, officer, hct, field):
    """Two officers, an HCT member and the field focal point of a helicopter phasing out in 7 days."""
    second_officer = UserFactory(username="officer2")
    role_grant(user=second_officer, operation=operation, role=Role.OFFICER)
    provider = MilitaryActorFactory(operation=operation, name="SANDF")
    asset = AssetFactory(
        operation=operation,
        provider=provider,
        phase_out_on=maputo_today() + dt.timedelta(days=7),
        focal_point=field,
    )
    DependencyFactory(asset=asset, operation=operation, activity="Food distribution in Búzi district")
    return [officer, second_officer, hct, field]


def fresh_database_url(url: str) -> str:
    """An empty Redis database number of the shared server, so this run's keys stay apart."""
    for number in range(15, 0, -1):
        if redis.Redis.from_url(url, db=number).dbsize() == 0:
            return urlparse(url)._replace(path=f"/{number}").geturl()
    return urlparse(url)._replace(path="/15").geturl()  # the unique queue name still keeps runs apart


def forget_queue(url: str, queue: str) -> None:
    """Remove this run's keys, including messages a killed worker left unacknowledged."""
    client = redis.Redis.from_url(url)
    for key in client.scan_iter(f"*{queue}*"):
        client.delete(key)
    for tag, payload in client.hgetall("unacked").items():
        if queue.encode() in payload:
            client.hdel("unacked", tag)
            client.zrem("unacked_index", tag)


@pytest.fixture
def scene(redis_url, require_postgres, transactional_db, recipients, tmp_path):
    url = fresh_database_url(redis_url)
    scene = Scene(tmp_path, url, recipients)
    yield scene
    scene.close()
    forget_queue(url, scene.queue)


def test_two_dispatches_on_two_workers_give_one_email_per_recipient(scene):
    """Two dispatcher runs at once (two beat processes, say) race for the same claims."""
    workers = [scene.worker("one").launch(), scene.worker("two").launch()]
    for worker in workers:
        worker.wait_ready()
    scene.dispatch()
    scene.dispatch()
    scene.wait_until_all_sent()
    scene.drain(*workers)
    for worker in workers:
        worker.stop()  # warm shutdown: what either still runs finishes first
    scene.assert_exactly_once()
    runs = "".join(worker.text() for worker in workers).count("dispatch_reminders[")
    assert runs >= 3  # both dispatches and the sentinel ran


def test_a_worker_killed_mid_send_loses_none_and_doubles_none(scene):
    """The first worker is killed (SIGKILL) while it waits inside a send, between claim and e-mail.

    CMCOORD_TEST_SEND_DELAY makes each send take a second: the kill lands in that wait, after
    the in-app notification and the SENDING mark committed, before the SMTP hand-off. Its Celery
    message is stuck unacknowledged in Redis (no parent process to requeue it), so once the mark
    is stale the restarted worker's next dispatch sends the e-mail, and the notification is not
    made again. Killing in the milliseconds between the server's acceptance and the SENT mark
    would send twice: that is the at-least-once trade-off (measured in test_smtp.py).
    """
    worker = scene.worker(CMCOORD_TEST_SEND_DELAY="1").start()
    scene.dispatch()
    wait_for(lambda: scene.emails_by_recipient(), 20, f"the first e-mail; log:\n{worker.tail()}")
    time.sleep(0.4)  # inside the next send's delay
    worker.kill()
    sent_before_kill = scene.sent()
    assert 1 <= sent_before_kill < len(scene.recipients)
    assert len(scene.emails_by_recipient()) == sent_before_kill

    restarted = scene.worker("restarted", CMCOORD_TEST_SEND_DELAY="1").start()
    scene.wait_until_all_sent()
    scene.drain(restarted)
    restarted.stop()
    scene.assert_exactly_once()


def test_reminders_go_out_after_redis_comes_back(
    redis_url, require_postgres, transactional_db, recipients, tmp_path
):
    binary = shutil.which("redis-server")
    require_service(
        "redis-server (to stop and restart a private Redis)", bool(binary), "apt-get install redis-server"
    )
    broker = RedisServer(binary, tmp_path).start()
    scene = Scene(tmp_path, broker.url, recipients)
    try:
        worker = scene.worker().start()
        broker.stop()
        with pytest.raises(Exception):  # noqa: B017 - beat could not queue the dispatch either
            scene.dispatch()
        # Cron's `send_reminders` still runs: it claims, but cannot queue the sends.
        command = subprocess.run(
            [sys.executable, "manage.py", "send_reminders"],
            cwd=REPO,
            env=scene.env(),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert command.returncode == 0, command.stderr
        assert "4 claimed" in command.stdout and "4 not queued" in command.stdout, command.stdout
        assert scene.emails_by_recipient() == []

        broker.start()
        wait_for(
            lambda: worker.text().count("Connected to redis://") >= 2, 40, f"reconnect:\n{worker.tail()}"
        )
        scene.wait_until_all_sent()
        scene.drain(worker)
        worker.stop()
        scene.assert_exactly_once()
    finally:
        scene.close()
        broker.stop()


# --- The daily digest ------------------------------------------------------------------------


def send_task(scene, name: str) -> str:
    client = Celery("cmcoord-test-client", broker=scene.broker_url)
    try:
        task_id = f"{name.rsplit('.', 1)[-1]}-{uuid.uuid4().hex}"
        client.send_task(name, queue=scene.queue, task_id=task_id)
        return task_id
    finally:
        client.close()


def waited(worker, condition, what: str) -> None:
    """``wait_for``, and on a time-out the rows and the worker's log as they are then."""
    try:
        wait_for(condition, 60, what)
    except AssertionError as exc:
        rows = list(
            ReminderDelivery.objects.values_list("kind", "recipient__username", "status", "email_state")
        )
        raise AssertionError(f"{exc}\nrows: {rows}\nlog:\n{worker.text()[-6000:]}") from None


def officer_mail(scene, officer):
    return [m for m in written_messages(scene.mail_dir) if m["To"] == officer.email]


def test_the_digest_gathers_what_entered_the_queue_into_one_email_through_a_real_worker(
    # The officer chose the daily digest for phase-outs and new requests; a request arrives. The
    # dispatcher tells them in the app at once; the digest task, run twice (beat sent it twice,
    # say), sends one e-mail with both.
    scene,
    operation,
    officer,
    field,
):
    for kind in (NotificationKind.PHASE_OUT, NotificationKind.QUEUE_NEW_REQUEST):
        NotificationPreference.objects.create(user=officer, kind=kind, email=True, digest=True)
    request = CellRequestFactory(operation=operation, submitted_by=field, title="Checkpoint at Búzi bridge")
    worker = scene.worker().start()
    scene.dispatch()
    waiting = ReminderDelivery.objects.filter(
        recipient=officer, email_state=ReminderDelivery.EmailState.DIGEST
    )
    waited(worker, lambda: waiting.count() == 2, "the officer's notices")
    assert Notification.objects.filter(recipient=officer).count() == 2
    assert officer_mail(scene, officer) == []  # nothing by e-mail until the digest

    first, second = (
        send_task(scene, "cmcoord.tasks.send_digests"),
        send_task(scene, "cmcoord.tasks.send_digests"),
    )
    for task_id in (first, second):
        waited(worker, lambda t=task_id: f"[{t}] succeeded" in worker.text(), "the digest task")
    worker.stop()
    [digest] = officer_mail(scene, officer)
    body = digest.get_payload(decode=True).decode()
    assert "2 notifications" in digest["Subject"]
    assert request.get_absolute_url() in body and "phases out in 7 days" in body
    assert not waiting.exists()
