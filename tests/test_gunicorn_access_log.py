"""The web server's access log carries no query strings: gunicorn runs for real with
the production config (wijkteam/gunicorn.conf.py) and its log line is read."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.urls import reverse

import pytest
import yaml

from tests.fixtures import _database_url_of

ROOT = Path(__file__).resolve().parent.parent
CONFIG = "wijkteam/gunicorn.conf.py"
BSN = "999993653"  # a test BSN (passes the elfproef), never a resident's


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> int:
    request = urllib.request.Request(url)

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=20) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


@pytest.mark.django_db
def test_the_access_log_line_has_the_path_but_no_query_string(tmp_path):
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env["DATABASE_URL"] = _database_url_of(settings.DATABASES["default"])
    log_path = tmp_path / "gunicorn.log"
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "-c", CONFIG,
             "--bind", f"127.0.0.1:{port}", "--workers", "1",
             "wijkteam.wsgi:application"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            path = reverse("cases:person_search")
            url = f"http://127.0.0.1:{port}{path}?bsn={BSN}&naam=x"
            # Generous: the first request loads Django, slow on a busy machine.
            deadline = time.monotonic() + 90
            while True:
                try:
                    status = _get(url)
                    break
                except (ConnectionError, TimeoutError, urllib.error.URLError):
                    if proc.poll() is not None or time.monotonic() > deadline:
                        pytest.fail("gunicorn did not start")
                    time.sleep(0.2)
        finally:
            proc.terminate()
            proc.wait(timeout=20)
    logged = log_path.read_text().splitlines()
    lines = [line for line in logged if f"GET {path}" in line]
    # One line, or more where a first try timed out on a busy machine.
    assert lines, "no access log line for the request"
    assert f'"GET {path} HTTP/1.1" {status}' in lines[-1]
    for line in lines:
        # Not in an assertion message: the suite's log scan would count the BSN.
        assert BSN not in line
        assert "naam=x" not in line and "?" not in line


def test_the_image_and_compose_start_gunicorn_with_that_config():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert f'"gunicorn", "-c", "{CONFIG}"' in dockerfile
    assert "--access-logfile" not in dockerfile
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    assert compose["services"]["web"]["command"][:3] == ["gunicorn", "-c", CONFIG]
