"""gunicorn.conf.py sizes the web workers to the machine, and an operator can override it."""

import os
import runpy
from pathlib import Path

import pytest

CONF = Path(__file__).resolve().parents[2] / "gunicorn.conf.py"


def load(monkeypatch, **env):
    for name in ("GUNICORN_WORKERS", "GUNICORN_TIMEOUT"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(CONF))


def test_workers_follow_the_cpus_the_process_may_use(monkeypatch):
    assert load(monkeypatch)["workers"] == 2 * len(os.sched_getaffinity(0)) + 1


def test_the_environment_overrides_the_worker_count_and_timeout(monkeypatch):
    conf = load(monkeypatch, GUNICORN_WORKERS="8", GUNICORN_TIMEOUT="60")
    assert (conf["workers"], conf["timeout"]) == (8, 60)


@pytest.mark.parametrize("value", ["0", "many", "-2"])
def test_a_bad_worker_count_stops_start_up_naming_the_variable(monkeypatch, value):
    with pytest.raises(SystemExit, match="GUNICORN_WORKERS"):
        load(monkeypatch, GUNICORN_WORKERS=value)
