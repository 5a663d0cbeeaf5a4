"""scripts/devenv.py, the helper behind `make run`: the port comes from PORT, the
"draait op" line waits until the server answers, beat keeps its file in .data/."""

import http.server
import importlib.util
import subprocess
import sys
import threading
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
spec = importlib.util.spec_from_file_location("devenv", ROOT / "scripts" / "devenv.py")
devenv = importlib.util.module_from_spec(spec)
spec.loader.exec_module(devenv)


def test_port_from_the_environment(monkeypatch):
    monkeypatch.delenv("PORT", raising=False)
    assert devenv._port() == 8000
    monkeypatch.setenv("PORT", "8001")
    assert devenv._port() == 8001
    for bad in ("80x", "0", "70000"):
        monkeypatch.setenv("PORT", bad)
        with pytest.raises(SystemExit, match="geen poortnummer"):
            devenv._port()


def test_waits_for_an_answer_and_gives_up_when_the_server_stopped():
    server = http.server.HTTPServer(
        ("127.0.0.1", 0), http.server.BaseHTTPRequestHandler
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        url = f"http://127.0.0.1:{server.server_port}/accounts/login/"
        # The bare handler answers 501: an error page is an answer.
        assert devenv._wait_until_answering(url, [running], timeout=10) is True
        server.shutdown()
        server.server_close()
        stopped = subprocess.Popen([sys.executable, "-c", "pass"])
        stopped.wait()
        assert devenv._wait_until_answering(url, [stopped], timeout=10) is False
    finally:
        running.kill()


def test_beat_schedule_lives_in_the_data_folder():
    command = devenv.worker_command()
    schedule = Path(command[command.index("--schedule") + 1])
    assert schedule.parent == ROOT / ".data"
    assert "--beat" in command
