"""Start-up in each mode: a bad or missing variable stops it with a message naming the variable.

Each case starts a fresh Python (settings are read once, at import) with a controlled environment:
the test run's own, minus everything the settings read, plus what the case sets.
"""

import json
import re
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.deploy.envs import PRODUCTION, ROOT, SETUP, environment, last_line, settings_variables
from tests.deploy.envs import run_python as run

REPORT = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({
    "engine": s.DATABASES["default"]["ENGINE"],
    "debug": s.DEBUG,
    "email_backend": s.EMAIL_BACKEND,
    "eager": s.CELERY_TASK_ALWAYS_EAGER,
    "broker": s.CELERY_BROKER_URL,
}))
"""


def production(drop: tuple[str, ...] = (), **values: str) -> tuple[dict[str, str], tuple[str, ...]]:
    return {**PRODUCTION, **values}, drop


# (case id, (environment, names removed from it), the variable the error must name)
BAD = [
    ("no-secret-key", production(drop=("DJANGO_SECRET_KEY",)), "DJANGO_SECRET_KEY"),
    ("short-secret-key", production(DJANGO_SECRET_KEY="too-short-a-key"), "DJANGO_SECRET_KEY"),
    ("debug-on", production(DJANGO_DEBUG="true"), "DJANGO_DEBUG"),
    ("no-allowed-hosts", production(drop=("DJANGO_ALLOWED_HOSTS",)), "DJANGO_ALLOWED_HOSTS"),
    ("no-database-url", production(drop=("DATABASE_URL",)), "DATABASE_URL"),
    ("sqlite-database-url", production(DATABASE_URL="sqlite:////tmp/cmcoord.sqlite3"), "DATABASE_URL"),
    ("no-redis-url", production(drop=("REDIS_URL",)), "REDIS_URL"),
    ("no-email-host", production(drop=("EMAIL_HOST",)), "EMAIL_HOST"),
    ("bad-email-port", production(EMAIL_PORT="smtp"), "EMAIL_PORT"),
    ("s3-without-bucket", production(S3_ENDPOINT_URL="http://minio:9000"), "S3_BUCKET"),
    (
        "s3-key-without-secret",
        production(S3_BUCKET="cmcoord", S3_ACCESS_KEY_ID="cmcoord-minio"),
        "S3_SECRET_ACCESS_KEY",
    ),
    ("s3-bad-addressing", production(S3_BUCKET="cmcoord", S3_ADDRESSING_STYLE="dns"), "S3_ADDRESSING_STYLE"),
    ("bad-log-format", production(DJANGO_LOG_FORMAT="xml"), "DJANGO_LOG_FORMAT"),
    ("unknown-mode", ({"DJANGO_ENV": "staging"}, ()), "DJANGO_ENV"),
    ("local-debug-maybe", ({"DJANGO_DEBUG": "maybe"}, ()), "DJANGO_DEBUG"),
]


@pytest.fixture(scope="module")
def bad_outcomes():
    """Start every bad case at once (each is a fresh Python of about half a second)."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        futures = {
            name: pool.submit(run, ["-c", SETUP], environment(values, drop))
            for name, (values, drop), _ in BAD
        }
        return {name: future.result() for name, future in futures.items()}


@pytest.mark.parametrize(("name", "variable"), [(name, variable) for name, _, variable in BAD])
def test_a_bad_environment_stops_start_up_naming_the_variable(bad_outcomes, name, variable):
    result = bad_outcomes[name]
    assert result.returncode != 0, result.stdout
    message = last_line(result.stderr)
    # The last line is the error itself (a traceback also quotes the source, which names it too).
    assert message.startswith("django.core.exceptions.ImproperlyConfigured:"), result.stderr
    assert variable in message, result.stderr


def test_with_nothing_set_local_mode_uses_sqlite_debug_console_mail_and_eager_celery():
    result = run(["-c", REPORT], environment({}))
    assert result.returncode == 0, result.stderr
    assert json.loads(last_line(result.stdout)) == {
        "engine": "django.db.backends.sqlite3",
        "debug": True,
        "email_backend": "django.core.mail.backends.console.EmailBackend",
        "eager": True,
        "broker": "memory://localhost/",
    }


SHARED = """
import json, django
django.setup()
from django.conf import settings as s
from django.core.files.storage import storages
print(json.dumps({
    "cache": s.CACHES["default"]["BACKEND"],
    "sessions": s.SESSION_ENGINE,
    "beat": getattr(s, "CELERY_BEAT_SCHEDULER", None),
    "files": type(storages["default"]).__name__,
}))
"""


def shared_state(env):
    result = run(["-c", SHARED], env)
    assert result.returncode == 0, result.stderr
    return json.loads(last_line(result.stdout))


def test_production_shares_cache_sessions_and_the_beat_lock_between_processes_and_hosts():
    assert shared_state(environment(PRODUCTION)) == {
        "cache": "django.core.cache.backends.redis.RedisCache",
        "sessions": "django.contrib.sessions.backends.db",
        "beat": "cmcoord.beat.LockedScheduler",
        "files": "FileSystemStorage",
    }
    with_bucket = {**PRODUCTION, "S3_BUCKET": "cmcoord", "S3_REGION": "eu-west-1"}
    assert shared_state(environment(with_bucket))["files"] == "S3Storage"


def test_local_mode_uses_redis_for_the_cache_only_when_redis_url_is_set():
    assert shared_state(environment({}))["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    with_redis = shared_state(environment({"REDIS_URL": "redis://127.0.0.1:9/0"}))
    assert with_redis["cache"] == "django.core.cache.backends.redis.RedisCache"
    assert with_redis["beat"] == "cmcoord.beat.LockedScheduler"


def test_a_valid_production_environment_passes_the_deploy_checks_without_a_warning():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], environment(PRODUCTION))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr


def test_production_with_a_bucket_and_sentry_passes_the_deploy_checks_without_a_warning():
    env = {
        **PRODUCTION,
        "S3_BUCKET": "cmcoord",
        "S3_ENDPOINT_URL": "https://s3.example.org",
        "S3_ACCESS_KEY_ID": "cmcoord",
        "S3_SECRET_ACCESS_KEY": "a-long-secret-access-key-0123456789",
        "SENTRY_DSN": "https://publickey@sentry.example.org/1",
    }
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], environment(env))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr


def test_static_files_collect_in_production_mode_as_the_image_build_does(tmp_path):
    # Dockerfile runs this at build time; the manifest storage fails on a missing referenced file.
    env = environment({**PRODUCTION, "DJANGO_STATIC_ROOT": str(tmp_path / "static")})
    result = run(["manage.py", "collectstatic", "--noinput", "-v", "0"], env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "static" / "staticfiles.json").exists()


def test_env_example_lists_every_variable_the_settings_read():
    read = settings_variables()
    assert {"DJANGO_ENV", "DJANGO_SECRET_KEY", "DATABASE_URL", "REDIS_URL"} <= read
    example = (ROOT / ".env.example").read_text()
    listed = set(re.findall(r"^#?\s*([A-Z0-9_]+)=", example, flags=re.MULTILINE))
    assert read - listed == set(), "add these to .env.example"


def test_deploy_checks_warn_when_two_factor_sign_in_is_off():
    env = environment({**PRODUCTION, "DJANGO_REQUIRE_2FA": "false"})
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode != 0
    assert "accounts.W001" in result.stdout + result.stderr
    assert "DJANGO_REQUIRE_2FA" in result.stdout + result.stderr
