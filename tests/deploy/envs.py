"""Controlled environments for the start-up tests: the test run's own, minus what settings read."""

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def settings_variables() -> set[str]:
    """The names cmcoord/settings.py reads with cmcoord.env's helpers."""
    source = (ROOT / "cmcoord" / "settings.py").read_text()
    return set(re.findall(r"env_(?:str|bool|int|list)\(\s*\"([A-Z0-9_]+)\"", source))


# Removed from every controlled environment: what the settings read, and their families.
READ_PREFIXES = ("DJANGO_", "EMAIL_", "CMCOORD_", "REMINDER_", "CELERY_", "API_THROTTLE_")
READ_NAMES = {"DATABASE_URL", "REDIS_URL", "SQLITE_PATH"} | settings_variables()

SECRET_KEY = "Zq3vQm9xTt2LwB7nKc5rYp8sHj4dGf6aVe1uNi0oXl-_RzWyMkPbJcDgSh2TqFv"

PRODUCTION = {
    "DJANGO_ENV": "production",
    "DJANGO_SECRET_KEY": SECRET_KEY,
    "DJANGO_ALLOWED_HOSTS": "cmcoord.example.org",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://cmcoord.example.org",
    "CMCOORD_SITE_URL": "https://cmcoord.example.org",
    # Never connected to: django.setup() and check --deploy open no connection.
    "DATABASE_URL": "postgres://cmcoord:secret@db.invalid:5432/cmcoord",
    "REDIS_URL": "redis://redis.invalid:6379/0",
    "EMAIL_HOST": "smtp.invalid",
    "EMAIL_PORT": "587",
    "DJANGO_DEFAULT_FROM_EMAIL": "CMCoord <cmcoord@example.org>",
}

SETUP = "import django; django.setup()"


def environment(values: dict[str, str], drop: tuple[str, ...] = ()) -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(READ_PREFIXES) and name not in READ_NAMES
    }
    env.update(values)
    for name in drop:
        env.pop(name, None)
    env["DJANGO_SETTINGS_MODULE"] = "cmcoord.settings"
    return env


def run_python(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess:
    """Run the project's Python (a fresh process: settings are read once, at import)."""
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""
