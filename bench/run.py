"""`make bench`: issue 15's benchmark on PostgreSQL, served by gunicorn with production settings.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cmcoord_bench   (default; the database is created)
    BENCH_REDIS_URL=redis://127.0.0.1:6379/14  (broker and cache of the benchmark; flushed by it)
    BENCH_SCALE=1          (0.05 for a quick run; the data set is re-seeded when the scale changes)
    BENCH_REQUESTS=30      (timed requests per URL, after 3 warm-up ones)
    BENCH_ONLY=api,dispatcher  (some sections only: api, search, html, exports, throughput, dispatcher)
    BENCH_PORT=8765, GUNICORN_WORKERS (default: gunicorn.conf.py, 2 × CPUs + 1)

Seeds the data set (bench/seed.py) once per scale, serves it with gunicorn on loopback (DEBUG off,
DJANGO_ENV=production; only the HTTPS redirect and the rate limits are turned off), then prints,
in one run: p50/p95/p99 of every API list and detail for the officer (two operations), field staff
and the partner token, beside PostgreSQL producing the same page as JSON (json_agg over the
view's own SQL) and the health endpoint; the HTML lists and dashboards (with their gzipped size);
search; the reminder dispatcher (first run and no-op); the exports beside PostgreSQL's COPY of the
same rows; and throughput at 8 concurrent clients (actor list against /healthz/).
"""

import csv
import gzip
import io
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DATABASE_URL = os.environ.get("DATABASE_URL") or "postgres://postgres@127.0.0.1:5432/cmcoord_bench"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
SCALE = float(os.environ.get("BENCH_SCALE", "1"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "30"))
PORT = int(os.environ.get("BENCH_PORT", "8765"))
BASE = f"http://127.0.0.1:{PORT}"
CLIENTS = 8
THROUGHPUT_SECONDS = float(os.environ.get("BENCH_THROUGHPUT_SECONDS", "10"))
PAGE = 50
# BENCH_ONLY=api,search,html,exports,throughput,dispatcher: some sections only (default: all).
ONLY = {name.strip() for name in os.environ.get("BENCH_ONLY", "").split(",") if name.strip()}
SERVER_LOG = Path(tempfile.gettempdir()) / "cmcoord-bench-gunicorn.log"

SERVER_ENV = {
    "DJANGO_ENV": "production",
    "DJANGO_DEBUG": "false",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DJANGO_SECURE_SSL_REDIRECT": "false",  # plain http on loopback
    "DATABASE_URL": DATABASE_URL,
    "REDIS_URL": REDIS_URL,
    "EMAIL_HOST": "127.0.0.1",
    "EMAIL_PORT": "2599",  # nothing listens: the dispatcher only claims and enqueues here
    "DJANGO_STATIC_ROOT": tempfile.mkdtemp(prefix="cmcoord-bench-static-"),
    "DJANGO_LOG_LEVEL": "WARNING",
    # The benchmark sends thousands of requests as one user: lift the per-hour rate limits.
    "API_THROTTLE_USER": "100000000/hour",
    "API_THROTTLE_PARTNER": "100000000/hour",
    "API_THROTTLE_ANON": "100000000/hour",
}
os.environ.update(SERVER_ENV)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cmcoord.settings")


def ensure_database() -> None:
    import psycopg2

    parts = urlsplit(DATABASE_URL)
    name = parts.path.lstrip("/")
    admin = psycopg2.connect(DATABASE_URL.replace(parts.path, "/postgres"))
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()


ensure_database()

import django  # noqa: E402

django.setup()

import requests  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.core.exceptions import EmptyResultSet  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.urls import resolve  # noqa: E402
from django_otp import DEVICE_ID_SESSION_KEY  # noqa: E402
from django_otp.plugins.otp_totp.models import TOTPDevice  # noqa: E402
from rest_framework.test import APIRequestFactory  # noqa: E402

from bench import seed as seeder  # noqa: E402
from cmcoord.models.tokens import UserToken  # noqa: E402

ROWS: list[tuple] = []  # the table, printed as it grows and again at the end


def out(*cells) -> None:
    ROWS.append(cells)
    print(" | ".join(str(c) for c in cells), flush=True)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"


def percentiles(samples: list[float]) -> tuple[float, float, float]:
    ordered = sorted(samples)
    q = statistics.quantiles(ordered, n=100, method="inclusive") if len(ordered) > 1 else ordered * 99
    return statistics.median(ordered), q[94], q[98]


# --- preparing ----------------------------------------------------------------------------------


def prepare() -> dict:
    if not seeder.seeded(SCALE):
        print(f"Seeding the data set at scale {SCALE:g} (seed {seeder.SEED}) ...", flush=True)
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public")
        call_command("migrate", verbosity=0)
        started = time.perf_counter()
        seeder.seed(SCALE)
        print(f"Seeded in {time.perf_counter() - started:.0f} s.", flush=True)
    else:
        call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    from django.contrib.auth import get_user_model

    users = {name: get_user_model().objects.get(username=name) for name in ("officer", "field")}
    operation = seeder_operation()
    principals = {}
    for name, user in users.items():
        _, key = UserToken.objects.create(user)
        principals[name] = {"api": f"Token {key}", "session": session_for(user)}
    principals["partner"] = {"api": f"Token {seeder.PARTNER_KEY}", "session": None}
    return {"principals": principals, "op": operation}


def seeder_operation() -> int:
    from cmcoord.models import Operation

    return Operation.objects.get(name=seeder.marker(SCALE)).pk


def session_for(user) -> str:
    """A signed-in session that passed two-factor sign-in, as the browser would hold."""
    device, _ = TOTPDevice.objects.get_or_create(user=user, name="bench", confirmed=True)
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return session.session_key


def start_server() -> subprocess.Popen:
    try:
        requests.get(f"{BASE}/healthz/", timeout=2)
    except requests.RequestException:
        pass
    else:
        raise SystemExit(f"Something already listens on port {PORT}: stop it or set BENCH_PORT.")
    env = {**os.environ, **SERVER_ENV}
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "cmcoord.wsgi", "--bind", f"127.0.0.1:{PORT}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=SERVER_LOG.open("wb"),
    )
    for _ in range(100):
        try:
            requests.get(f"{BASE}/healthz/", timeout=5)
            return server
        except requests.RequestException:
            time.sleep(0.3)
        except BaseException:
            server.kill()
            raise
    server.kill()
    raise SystemExit(f"gunicorn did not start; see {SERVER_LOG}")


# --- measuring ----------------------------------------------------------------------------------


def client(principal: dict | None, html: bool = False) -> requests.Session:
    http = requests.Session()
    http.headers["Accept-Encoding"] = "gzip"
    if principal and html:
        http.cookies.set(settings.SESSION_COOKIE_NAME, principal["session"])
    elif principal:
        http.headers["Authorization"] = principal["api"]
    return http


def timed(http: requests.Session, url: str, n: int = REQUESTS) -> tuple[list[float], requests.Response]:
    for _ in range(3):
        response = http.get(BASE + url, timeout=120)
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        response = http.get(BASE + url, timeout=120)
        samples.append(time.perf_counter() - started)
    return samples, response


def raw_sql_of(url: str, authorization: str, detail_pk: int | None = None) -> tuple[str, list]:
    """The SQL of the view's own page query for this principal, as json_agg (or row_to_json)."""
    path, _, query = url.partition("?")
    match = resolve(path)
    factory = APIRequestFactory()
    request = factory.get(url, HTTP_AUTHORIZATION=authorization)
    view = match.func.cls(**match.func.initkwargs)
    view.action_map = match.func.actions
    view.action = "retrieve" if detail_pk else "list"
    view.args, view.kwargs, view.format_kwarg = (), match.kwargs, None
    view.request = view.initialize_request(request)
    view.headers = {}
    view.initial(view.request)
    queryset = view.filter_queryset(view.get_queryset())
    try:
        return _as_json_sql(queryset, detail_pk)
    except EmptyResultSet:
        return None, []


def _as_json_sql(queryset, detail_pk):
    if detail_pk:
        queryset = queryset.filter(pk=detail_pk)
        sql, params = queryset.query.sql_with_params()
        return f"SELECT row_to_json(t) FROM ({sql}) t", list(params)  # noqa: S608 (Django's own SQL)
    sql, params = queryset[:PAGE].query.sql_with_params()
    return f"SELECT json_agg(t) FROM ({sql}) t", list(params)  # noqa: S608 (Django's own SQL)


def timed_sql(sql: str, params: list, n: int = REQUESTS) -> list[float]:
    if sql is None:  # the caller may read nothing of it: PostgreSQL is not even asked
        return [0.0]
    with connection.cursor() as cursor:
        for _ in range(3):
            cursor.execute(sql, params)
            cursor.fetchall()
        samples = []
        for _ in range(n):
            started = time.perf_counter()
            cursor.execute(sql, params)
            cursor.fetchall()
            samples.append(time.perf_counter() - started)
    return samples


API_LISTS = [
    "actors",
    "mandates",
    "actor-links",
    "contacts",
    "meetings",
    "action-points",
    "cell-requests",
    "assets",
    "dependencies",
]
HTML_PAGES = [
    ("dashboard", "/operations/{op}/"),
    ("actors", "/operations/{op}/actors/"),
    ("contacts", "/operations/{op}/contacts/"),
    ("meetings", "/operations/{op}/meetings/"),
    ("action points", "/operations/{op}/action-points/"),
    ("assets", "/operations/{op}/assets/"),
    ("dependencies at risk", "/operations/{op}/dependencies/?at_risk=1"),
    ("cell requests", "/operations/{op}/requests/"),
]


def bench_health() -> float:
    samples, _ = timed(client(None), "/healthz/")
    p50, p95, p99 = percentiles(samples)
    out("health", "anonymous", "/healthz/", ms(p50), ms(p95), ms(p99), "", "", "")
    return p50


def bench_api(principals: dict, health_p50: float) -> None:
    print(
        "\n## API: role | URL | p50 | p95 | p99 ms | raw PostgreSQL json_agg p50 ms | p50 / max(raw, health)"
    )
    for role, principal in principals.items():
        http = client(principal)
        for name in API_LISTS:
            url = f"/api/v1/{name}/"
            samples, response = timed(http, url)
            if response.status_code != 200:
                out("api list", role, url, f"HTTP {response.status_code}", "", "", "", "", "")
                continue
            p50, p95, p99 = percentiles(samples)
            raw = statistics.median(timed_sql(*raw_sql_of(url, principal["api"])))
            ratio = p50 / max(raw, health_p50)
            out(
                "api list",
                role,
                url,
                ms(p50),
                ms(p95),
                ms(p99),
                ms(raw),
                f"{ratio:.0f}×",
                len(response.content),
            )
            results = response.json().get("results") or []
            if not results:
                continue
            pk = results[0]["id"]
            detail = f"{url}{pk}/"
            samples, response = timed(http, detail)
            p50, p95, p99 = percentiles(samples)
            raw = statistics.median(timed_sql(*raw_sql_of(detail, principal["api"], detail_pk=pk)))
            ratio = p50 / max(raw, health_p50)
            out(
                "api detail",
                role,
                detail,
                ms(p50),
                ms(p95),
                ms(p99),
                ms(raw),
                f"{ratio:.0f}×",
                len(response.content),
            )


def bench_search(principals: dict) -> None:
    print("\n## Search (API ?search=)")
    for role in ("officer", "field"):
        http = client(principals[role])
        for term in ("Beira", "Helicopter 1", "zzzz-no-match"):
            for name in ("actors", "contacts", "assets"):
                url = f"/api/v1/{name}/?search={term}"
                samples, response = timed(http, url, n=max(10, REQUESTS // 2))
                p50, p95, p99 = percentiles(samples)
                count = response.json().get("count") if response.status_code == 200 else response.status_code
                out("search", role, url, ms(p50), ms(p95), ms(p99), "", f"{count} rows", "")


def bench_html(principals: dict, op: int) -> None:
    print("\n## HTML pages (session): role | page | p50 | p95 | p99 ms | HTML bytes | gzip bytes")
    for role in ("officer", "field"):
        http = client(principals[role], html=True)
        for label, template in HTML_PAGES:
            url = template.format(op=op)
            samples, response = timed(http, url, n=max(10, REQUESTS // 2))
            p50, p95, p99 = percentiles(samples)
            body = response.content
            status = "" if response.status_code == 200 else f"HTTP {response.status_code}"
            out(
                "html",
                role,
                f"{label} {status}".strip(),
                ms(p50),
                ms(p95),
                ms(p99),
                len(body),
                len(gzip.compress(body)),
                "",
            )


def bench_exports(principals: dict) -> None:
    print(
        "\n## Exports (HXL): role | URL | seconds | rows | bytes | PostgreSQL COPY of the same query, seconds"
    )
    for role in ("officer", "partner"):
        http = client(principals[role])
        for name in ("actors", "assets"):
            url = f"/api/v1/{name}/?format=hxl"
            started = time.perf_counter()
            response = http.get(BASE + url, timeout=600)
            took = time.perf_counter() - started
            rows = max(0, sum(1 for _ in csv.reader(io.StringIO(response.text))) - 2)  # header, hashtags
            path, _, _ = url.partition("?")
            sql, params = raw_sql_of(path, principals[role]["api"])
            if sql is None:
                out("export", role, url, f"{took:.2f} s", f"{rows} rows", len(response.content), "", "", "")
                continue
            inner = sql.removeprefix("SELECT json_agg(t) FROM (").removesuffix(") t")
            inner = inner.rsplit(" LIMIT ", 1)[0]  # every row the caller may read, not one page
            with connection.cursor() as cursor:
                copy = cursor.mogrify(f"COPY ({inner}) TO STDOUT WITH CSV HEADER", params).decode()
                sink = _Sink()
                started = time.perf_counter()
                cursor.copy_expert(copy, sink)
                copy_took = time.perf_counter() - started
            out(
                "export",
                role,
                url,
                f"{took:.2f} s",
                f"{rows} rows",
                len(response.content),
                f"COPY {copy_took:.2f} s, {sink.lines} rows",
                "",
                "",
            )


class _Sink:
    def __init__(self):
        self.lines = -1

    def write(self, data):  # COPY's CSV quotes no newline in these columns: one line a row
        self.lines += data.count(b"\n") if isinstance(data, bytes) else data.count("\n")


def bench_dispatcher() -> None:
    print("\n## Reminder dispatcher (claims and enqueues to Redis; no worker runs)")
    import redis

    from cmcoord.models import ReminderDelivery
    from cmcoord.reminders import dispatch

    broker = redis.Redis.from_url(REDIS_URL)
    ReminderDelivery.objects.all().delete()
    broker.flushdb()
    for label in ("first run", "no-op run"):
        queries = [0]

        def count(execute, sql, params, many, context, queries=queries):
            queries[0] += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            started = time.perf_counter()
            report = dispatch()
            took = time.perf_counter() - started
        out("dispatcher", label, str(report), f"{took:.1f} s", f"{queries[0]} queries", "", "", "", "")
    broker.flushdb()  # the queued sends: no worker runs in the benchmark


def throughput(url: str, principal: dict | None) -> float:
    stop = time.perf_counter() + THROUGHPUT_SECONDS
    counts = [0] * CLIENTS

    def worker(index):
        http = client(principal)
        while time.perf_counter() < stop:
            # Every answer counts: /healthz/ answers 503 while claimed reminders wait for a worker
            # (none runs in the benchmark), after doing the same work.
            if http.get(BASE + url, timeout=120).status_code in (200, 503):
                counts[index] += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / THROUGHPUT_SECONDS


def bench_throughput(principals: dict) -> None:
    print(
        f"\n## Throughput, {CLIENTS} concurrent clients, {THROUGHPUT_SECONDS:g} s each"
        " (the load driver shares the CPUs)"
    )
    health = throughput("/healthz/", None)
    actors = throughput("/api/v1/actors/", principals["officer"])
    out("throughput", "anonymous", "/healthz/", f"{health:.1f} req/s", "", "", "", "", "")
    out(
        "throughput",
        "officer",
        "/api/v1/actors/",
        f"{actors:.1f} req/s",
        "",
        "",
        "",
        f"{actors / health:.2f} of health" if health else "health answered nothing",
        "",
    )


def main() -> None:
    state = prepare()
    from django.apps import apps

    counts = {}
    for label in (
        "actors.Actor",
        "actors.ActorPresence",
        "contacts.Contact",
        "meetings.Meeting",
        "assets.AssetDeployment",
        "assets.Dependency",
        "meetings.ActionPoint",
        "cell.CellRequest",
    ):
        counts[label] = apps.get_model(label).objects.count()
    print(f"Data set at scale {SCALE:g}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    workers = subprocess.run(
        [sys.executable, "-c", "import runpy; print(runpy.run_path('gunicorn.conf.py')['workers'])"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    print(f"gunicorn workers: {workers}; CPUs: {os.cpu_count()}; {REQUESTS} timed requests per URL\n")
    sections = [
        ("api", lambda health: bench_api(state["principals"], health)),
        ("search", lambda health: bench_search(state["principals"])),
        ("html", lambda health: bench_html(state["principals"], state["op"])),
        ("exports", lambda health: bench_exports(state["principals"])),
        ("throughput", lambda health: bench_throughput(state["principals"])),
    ]
    chosen = [name for name, _ in sections if not ONLY or name in ONLY]
    if chosen:
        server = start_server()
        try:
            health = bench_health()
            for name, run in sections:
                if name in chosen:
                    run(health)
        finally:
            server.terminate()
            server.wait(30)
    if not ONLY or "dispatcher" in ONLY:
        bench_dispatcher()


if __name__ == "__main__":
    main()
