"""Fixtures every test may use: teams and members, a real Celery worker, a browser."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

from django.conf import settings

import pytest

from wijkteam.constants import Role
from wijkteam.tests.factories import MembershipFactory, TeamFactory, UserFactory

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


# --- teams and people -------------------------------------------------------


@pytest.fixture
def team(db):
    return TeamFactory(name="Wijkteam Noord")


@pytest.fixture
def other_team(db):
    return TeamFactory(name="Wijkteam Zuid")


@pytest.fixture
def member(db):
    """member(role, team) -> a user with that role in that team."""

    def make(role: Role | str, team, **user_fields):
        user = UserFactory(**user_fields)
        MembershipFactory(user=user, team=team, role=role)
        return user

    return make


@pytest.fixture
def login(client):
    """login(user) -> the test client, logged in."""

    def do(user):
        client.force_login(user)
        return client

    return do


# --- emptying the database after a transaction=True test -------------------


@pytest.fixture(scope="session", autouse=True)
def flush_as_replica():
    """Django empties the database after every `transaction=True` test with one
    TRUNCATE of all tables, which the access log refuses (wijkteam migration 0009).
    Only that flush runs with `session_replication_role = replica`, under which no
    trigger fires; only a superuser (the suite's database user) may set it."""
    from django.db.backends.postgresql.operations import DatabaseOperations

    original = DatabaseOperations.execute_sql_flush

    def execute_sql_flush(self, sql_list):
        original(self, ["SET LOCAL session_replication_role = replica", *sql_list])

    DatabaseOperations.execute_sql_flush = execute_sql_flush
    yield
    DatabaseOperations.execute_sql_flush = original


# --- a real Celery worker on real Redis -------------------------------------


def _database_url_of(db: dict) -> str:
    host = quote(db.get("HOST") or "", safe="")
    auth = quote(db.get("USER") or "", safe="")
    if db.get("PASSWORD"):
        auth += ":" + quote(db["PASSWORD"], safe="")
    port = f":{db['PORT']}" if db.get("PORT") else ""
    return f"postgres://{auth}@{host}{port}/{db['NAME']}"


@pytest.fixture(scope="session")
def celery_worker(django_db_setup, django_db_blocker):
    """A worker process (prefork, 2 children) on this run's own queue, connected to
    the test database. Tests that use it need committed data: `transaction=True`."""
    from wijkteam.tasks import ping

    env = dict(os.environ)
    env["DATABASE_URL"] = _database_url_of(settings.DATABASES["default"])
    env["CELERY_QUEUE"] = settings.CELERY_TASK_DEFAULT_QUEUE
    (ROOT / ".data").mkdir(exist_ok=True)
    log_path = (
        ROOT
        / ".data"
        / f"test-worker-{os.environ.get('PYTEST_XDIST_WORKER', 'main')}.log"
    )
    log = open(log_path, "w")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "celery", "-A", "wijkteam", "worker",
         "-Q", settings.CELERY_TASK_DEFAULT_QUEUE, "--concurrency", "2",
         "--loglevel", "INFO", "--without-heartbeat", "--without-gossip",
         "--without-mingle"],
        env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while True:
        try:
            if ping.apply_async().get(timeout=2) == "pong":
                break
        except Exception:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                log.close()
                pytest.fail(
                    "Celery worker did not start: " + log_path.read_text()[-2000:]
                )
    yield proc
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


# --- a browser: Debian's Chromium through Playwright ------------------------


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        message = f"{CHROMIUM} ontbreekt (apt-get install chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url,
        locale="nl-NL",
        timezone_id="Europe/Amsterdam",
        viewport={"width": 1024, "height": 768},  # a tablet in landscape
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()
