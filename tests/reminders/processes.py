"""Real processes for the worker tests: a Celery worker, a private redis-server, the command.

Each is started in its own session so it can be killed with its children, by its own id, and
always in a ``finally`` (or fixture teardown).
"""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

from django.db import connection

REPO = Path(__file__).resolve().parents[2]  # the checkout this test file is in, wherever CI cloned it


def wait_for(condition, timeout: float, what: str, interval: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"Timed out after {timeout} s waiting for {what}")


def worker_database_url() -> str:
    """The database the test is using right now (pytest-django's test_… database)."""
    db = connection.settings_dict
    credentials = quote(db["USER"] or "postgres", safe="")
    if db["PASSWORD"]:
        credentials += ":" + quote(db["PASSWORD"], safe="")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop(process: subprocess.Popen, timeout: float = 10) -> None:
    """SIGTERM (a worker's warm shutdown), then SIGKILL; only this process's own group."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout)
    except subprocess.TimeoutExpired:
        kill(process)


def kill(process: subprocess.Popen) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(10)


class Worker:
    """``celery -A cmcoord worker --pool=solo`` on one queue, logging to a file."""

    def __init__(self, env: dict, queue: str, log: Path):
        self.env, self.queue, self.log = env, queue, log
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 30) -> "Worker":
        return self.launch().wait_ready(timeout)

    def launch(self) -> "Worker":
        self._offset = self.log.stat().st_size if self.log.exists() else 0
        command = [
            *(sys.executable, "-m", "celery", "-A", "cmcoord", "worker", "--pool=solo", "-l", "info"),
            *("--concurrency", "1", "-Q", self.queue, "-n", f"{self.log.stem}-{self.queue}@%h"),
            *("--without-gossip", "--without-mingle", "--without-heartbeat"),
        ]
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                command, cwd=REPO, env=self.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        return self

    def wait_ready(self, timeout: float = 30) -> "Worker":
        wait_for(
            lambda: self._ready_since(self._offset), timeout, f"the worker to start; log:\n{self.tail()}"
        )
        return self

    def _ready_since(self, offset: int) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"The worker exited with {self.process.returncode}; log:\n{self.tail()}")
        return b" ready." in self.log.read_bytes()[offset:]

    def text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def tail(self, lines: int = 40) -> str:
        return "\n".join(self.text().splitlines()[-lines:])

    def kill(self) -> None:
        kill(self.process)

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)


class RedisServer:
    """A private, throw-away redis-server (no persistence) on a free port: it can be stopped."""

    def __init__(self, binary: str, workdir: Path):
        self.binary, self.workdir, self.port = binary, workdir, free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "RedisServer":
        command = [
            self.binary,
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
        ]
        self.process = subprocess.Popen(
            command,
            cwd=self.workdir,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_for(self._answers, 10, f"redis-server on port {self.port}")
        return self

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)
