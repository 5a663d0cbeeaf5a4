"""A real local BRP over HTTP on 127.0.0.1, and small misbehaving servers.

Session-scoped: one local BRP per xdist worker, each on a free port (port 0)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from brp import localservice
from brp.client import BrpClient

API_KEY = "test-sleutel-lokaal"


@pytest.fixture(scope="session")
def brp_server():
    server = localservice.serve_in_thread(api_key=API_KEY)
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def brp_base_url(brp_server):
    return f"http://127.0.0.1:{brp_server.server_port}/haalcentraal/api/brp"


@pytest.fixture
def brp_client(brp_base_url):
    return BrpClient(base_url=brp_base_url, api_key=API_KEY, doelbinding="test")


@pytest.fixture
def brp_settings(settings, brp_base_url):
    """Django settings pointing at the local BRP (for the service)."""
    settings.BRP_URL = brp_base_url
    settings.BRP_API_KEY = API_KEY
    settings.BRP_CONNECT_TIMEOUT = 1
    settings.BRP_READ_TIMEOUT = 2
    return settings


class _Misbehaving(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    status = 200
    body = b""
    content_type = "application/json"
    delay = 0.0
    trickle = False
    on_request = None

    def log_message(self, format, *args):  # noqa: A002 - stdlib's signature
        pass

    def do_POST(self):  # noqa: N802 - stdlib's name
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.on_request:
            self.on_request(self)
        time.sleep(self.delay)
        self.send_response(self.status)
        self.send_header("Content-Type", self.content_type)
        if self.trickle:  # headers at once, then a byte every 0.2 s, for ever
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            try:
                while True:
                    self.wfile.write(b"1\r\n \r\n")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                return
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)


@pytest.fixture
def misbehaving():
    """misbehaving(status=..., body=..., delay=..., trickle=...) -> base URL."""
    servers = []

    def make(**attrs) -> str:
        handler = type("H", (_Misbehaving,), attrs)
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}/haalcentraal/api/brp"

    yield make
    for server in servers:
        server.shutdown()
        server.server_close()
