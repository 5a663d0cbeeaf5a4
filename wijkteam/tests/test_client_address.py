"""The client's address behind a proxy: X-Forwarded-For only when TRUSTED_PROXY_COUNT
says how many proxies append to it; without it the header is ignored."""

import os
import subprocess
import sys
from pathlib import Path

from django.test import RequestFactory
from django.urls import reverse

import pytest

from wijkteam.accesslog import client_ip
from wijkteam.constants import AccessAction, Role
from wijkteam.models import AccessLogEntry

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "geheim-wachtwoord-123"
PROXY = "10.0.0.2"


def request_with(forwarded: str | None):
    extra = {"REMOTE_ADDR": PROXY}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_default_is_no_trusted_proxy(settings):
    assert settings.TRUSTED_PROXY_COUNT == 0


@pytest.mark.parametrize(
    ("count", "forwarded", "expected"),
    [
        (0, "203.0.113.7", PROXY),  # spoofed: nobody vouches for the header
        (0, None, PROXY),
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "198.51.100.1, 203.0.113.7", "203.0.113.7"),  # left part: the client's
        (2, "198.51.100.1, 203.0.113.7, 10.0.0.9", "203.0.113.7"),
        (2, "203.0.113.7", PROXY),  # fewer addresses than proxies
        (1, "geen-adres", PROXY),
        (1, "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_ip(settings, count, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = count
    assert client_ip(request_with(forwarded)) == expected


def attempt(client, username, password, forwarded):
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def test_behind_one_proxy_a_lockout_is_per_client_and_logged_with_it(
    settings, client, member, team
):
    """Every request comes from the proxy: without the setting, five failures by
    anyone lock the username for everyone."""
    settings.TRUSTED_PROXY_COUNT = 1
    member(Role.BALIE, team, username="sanne")
    for _ in range(5):
        attempt(client, "sanne", "fout", "203.0.113.66")
    assert attempt(client, "sanne", PASSWORD, "203.0.113.66").status_code == 429
    response = attempt(client, "sanne", PASSWORD, "198.51.100.20")
    assert response.status_code == 302
    failed = AccessLogEntry.objects.filter(action=AccessAction.LOGIN_FAILED)
    assert set(failed.values_list("ip_address", flat=True)) == {"203.0.113.66"}
    login = AccessLogEntry.objects.get(action=AccessAction.LOGIN)
    assert login.ip_address == "198.51.100.20"


def test_without_the_setting_a_spoofed_header_does_not_escape_the_lockout(
    client, member, team
):
    member(Role.BALIE, team, username="sanne")
    for n in range(5):
        attempt(client, "sanne", "fout", f"203.0.113.{n}")
    assert attempt(client, "sanne", PASSWORD, "198.51.100.20").status_code == 429
    rows = AccessLogEntry.objects.filter(action=AccessAction.LOGIN_FAILED)
    assert set(rows.values_list("ip_address", flat=True)) == {PROXY}


def test_a_negative_count_refuses_to_start():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env["TRUSTED_PROXY_COUNT"] = "-1"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0
    assert "TRUSTED_PROXY_COUNT" in result.stderr
