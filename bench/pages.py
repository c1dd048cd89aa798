"""Page weight and server time of the pages field staff open most, on the demo data.

Run by hand (not part of the test suite):  .venv/bin/python bench/pages.py [--repeat 20]
It builds the demo in a throw-away SQLite file, then GETs each page as each role through
Django's test client and prints the median server time, the HTML size (raw and gzipped, as
a slow link would carry it) and the number of SQL queries.
"""

import argparse
import gzip
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cmcoord.settings")
os.environ["SQLITE_PATH"] = str(Path(tempfile.mkdtemp()) / "bench.sqlite3")
os.environ.pop("DATABASE_URL", None)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext, setup_test_environment  # noqa: E402

PAGES = [
    "/operations/{op}/",
    "/operations/{op}/actors/",
    "/operations/{op}/contacts/",
    "/operations/{op}/meetings/",
    "/operations/{op}/assets/",
    "/operations/{op}/dependencies/?at_risk=1",
    "/operations/{op}/requests/",
    "/api/v1/actors/",
    "/api/v1/contacts/",
    "/api/v1/assets/?format=hxl",
]


def measure(client, url, repeat):
    times, response = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    body = response.content
    return response.status_code, statistics.median(times), len(body), len(gzip.compress(body)), len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    setup_test_environment()
    call_command("migrate", verbosity=0)
    call_command("seed_demo", password="bench-password-1", verbosity=0)  # noqa: S106 (throw-away DB)
    from cmcoord.models import Operation, User

    op = Operation.objects.get(country="MOZ").pk
    print(f"{'role':8} {'page':44} {'status':>6} {'ms':>7} {'bytes':>8} {'gzip':>7} {'queries':>7}")
    for username in ["field", "officer"]:
        client = Client()
        client.force_login(User.objects.get(username=username))
        for page in PAGES:
            url = page.format(op=op)
            status, ms, size, zipped, queries = measure(client, url, args.repeat)
            print(f"{username:8} {url:44} {status:>6} {ms:>7.1f} {size:>8} {zipped:>7} {queries:>7}")


if __name__ == "__main__":
    main()
