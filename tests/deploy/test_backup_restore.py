"""The README's backup recipe works: pg_dump -Fc of a database with one record of each kind,
pg_restore into a fresh database, and the same rows are there (counts of every table and a few
records field by field, history and the in-app notification included)."""

import os
import shutil
import subprocess
import uuid

import psycopg2
import pytest
from django.db import connection

from tests.conftest import require_service

pytestmark = pytest.mark.postgres


def client_env() -> dict:
    """pg_dump and pg_restore reach the test database's server as the tests do."""
    db = connection.settings_dict
    env = {**os.environ, "PGHOST": db["HOST"] or "127.0.0.1", "PGPORT": str(db["PORT"] or 5432)}
    env["PGUSER"] = db["USER"] or "postgres"
    if db["PASSWORD"]:
        env["PGPASSWORD"] = db["PASSWORD"]
    return env


def run(*command) -> None:
    done = subprocess.run(
        [str(part) for part in command], env=client_env(), capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, f"{command[0]} failed:\n{done.stderr}"


def table_counts(cursor) -> dict[str, int]:
    cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
    tables = [name for (name,) in cursor.fetchall()]
    counts = {}
    for table in tables:
        cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - names from pg_tables
        counts[table] = cursor.fetchone()[0]
    return counts


SAMPLES = [
    "SELECT name, acronym, sensitivity, interlocutor_status FROM actors_actor ORDER BY id",
    "SELECT full_name, sensitivity FROM contacts_contact ORDER BY id",
    "SELECT name, phase_out_on, status FROM assets_assetdeployment ORDER BY id",
    "SELECT recipient_id, title, kind FROM cmcoord_notification ORDER BY id",
    "SELECT username, email, password FROM cmcoord_user ORDER BY id",
]


def samples(cursor) -> list[list[tuple]]:
    found = []
    for query in SAMPLES:
        cursor.execute(query)
        found.append(cursor.fetchall())
    return found


def restored_connection(name: str):
    db = connection.settings_dict
    return psycopg2.connect(
        dbname=name,
        host=db["HOST"] or "127.0.0.1",
        port=db["PORT"] or 5432,
        user=db["USER"] or "postgres",
        password=db["PASSWORD"] or None,
    )


def assert_same_rows(cursor, restored: str) -> None:
    copy = restored_connection(restored)
    try:
        with copy.cursor() as restored_cursor:
            assert table_counts(restored_cursor) == table_counts(cursor)
            assert samples(restored_cursor) == samples(cursor)
    finally:
        copy.close()


def test_a_dump_restored_into_a_fresh_database_has_the_same_rows(
    require_postgres, transactional_db, world, tmp_path
):
    for binary in ("pg_dump", "pg_restore"):
        require_service(binary, bool(shutil.which(binary)), "apt-get install postgresql-client")
    source = connection.settings_dict["NAME"]
    dump = tmp_path / "cmcoord.dump"
    run("pg_dump", "--format=custom", "--no-owner", f"--file={dump}", source)

    restored = f"{source}_restore_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{restored}"')
        try:
            run(
                "pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", f"--dbname={restored}", dump
            )
            assert_same_rows(cursor, restored)
        finally:
            cursor.execute(f'DROP DATABASE IF EXISTS "{restored}"')

    with connection.cursor() as cursor:
        counts = table_counts(cursor)
    assert counts["actors_actor"] >= 4 and counts["contacts_contact"] >= 2
    assert counts["cmcoord_notification"] >= 1 and counts["django_migrations"] > 0
