"""Mutual TLS and the CA bundle, against a real TLS server on 127.0.0.1 with
certificates made for the test (openssl)."""

from __future__ import annotations

import shutil
import ssl
import subprocess
import threading
from http.server import ThreadingHTTPServer

import pytest

from brp import client as brp
from brp.client import BrpClient, BrpUnavailable
from brp.tests.conftest import _Misbehaving

pytestmark = pytest.mark.skipif(not shutil.which("openssl"), reason="needs openssl")
# EC keys: made in milliseconds, where RSA keys take seconds on a busy machine.
EC_KEY = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1")
EMPTY = b'{"type": "RaadpleegMetBurgerservicenummer", "personen": []}'


def _openssl(*args, cwd):
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    """A CA, a server certificate for 127.0.0.1 and a client certificate."""
    d = tmp_path_factory.mktemp("pki")
    _openssl(
        "req", "-x509", *EC_KEY, "-nodes", "-days", "1",
        "-subj", "/CN=Test-CA", "-keyout", "ca.key", "-out", "ca.pem", cwd=d,
    )  # fmt: skip
    (d / "san.cnf").write_text("subjectAltName=IP:127.0.0.1\n")
    for name in ("server", "client"):
        _openssl(
            "req", *EC_KEY, "-nodes", "-subj", f"/CN={name}",
            "-keyout", f"{name}.key", "-out", f"{name}.csr", cwd=d,
        )  # fmt: skip
        _openssl(
            "x509", "-req", "-in", f"{name}.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
            "-CAcreateserial", "-days", "1", "-extfile", "san.cnf",
            "-out", f"{name}.pem", cwd=d,
        )  # fmt: skip
    return d


@pytest.fixture(scope="module")
def tls_url(pki):
    """A BRP stand-in that demands a client certificate signed by the CA."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH, cafile=pki / "ca.pem")
    context.verify_mode = ssl.CERT_REQUIRED
    context.load_cert_chain(pki / "server.pem", pki / "server.key")
    handler = type("H", (_Misbehaving,), {"body": EMPTY})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
    ).start()
    yield f"https://127.0.0.1:{server.server_port}/haalcentraal/api/brp"
    server.shutdown()
    server.server_close()


def _ask(client):
    return brp.raadpleeg_met_bsn(["999993653"], user="balie", client=client)


def test_with_the_client_certificate_and_the_ca_bundle(pki, tls_url):
    client = BrpClient(
        base_url=tls_url,
        client_cert=str(pki / "client.pem"),
        client_key=str(pki / "client.key"),
        ca_bundle=str(pki / "ca.pem"),
    )
    assert _ask(client).persons == []


def test_without_a_client_certificate_the_brp_is_unavailable(pki, tls_url):
    client = BrpClient(base_url=tls_url, ca_bundle=str(pki / "ca.pem"))
    with pytest.raises(BrpUnavailable) as caught:
        _ask(client)
    assert caught.value.reason == "unreachable"


def test_a_server_the_ca_bundle_does_not_trust_is_unavailable(pki, tls_url):
    client = BrpClient(
        base_url=tls_url,
        client_cert=str(pki / "client.pem"),
        client_key=str(pki / "client.key"),
    )  # certifi's CAs do not know the test CA
    with pytest.raises(BrpUnavailable) as caught:
        _ask(client)
    assert caught.value.reason == "unreachable"


def test_an_unreadable_certificate_is_unavailable_not_a_crash(tmp_path):
    with pytest.raises(BrpUnavailable) as caught:
        BrpClient(base_url="https://127.0.0.1:1", client_cert=str(tmp_path / "nee.pem"))
    assert caught.value.reason == "tls_config"
