"""Gunicorn's settings, read from the working directory by every `gunicorn` start (image, compose,
`make bench`). Workers are sized to the machine: GUNICORN_WORKERS if set, else 2 × the CPUs this
process may run on + 1 (gunicorn's own advice for synchronous workers, which wait on PostgreSQL
half the time). GUNICORN_TIMEOUT (seconds, default 30) ends a request that hangs."""

import os


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the CPUs a container's cpuset gives, not the host's
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _positive(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    if not value.isdigit() or int(value) < 1:
        raise SystemExit(f"Environment variable {name} must be a whole number of at least 1, not {value!r}.")
    return int(value)


workers = _positive("GUNICORN_WORKERS", 2 * _cpus() + 1)
timeout = _positive("GUNICORN_TIMEOUT", 30)
