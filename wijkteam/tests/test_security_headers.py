"""Each security header, on a page with personal data (a logged-in page)."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.test import override_settings
from django.urls import reverse

import pytest

from wijkteam.constants import Role

ROOT = Path(__file__).resolve().parents[2]
ONE_YEAR = 365 * 24 * 60 * 60


def csp_directives(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in filter(None, (p.strip() for p in header.split(";"))):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.fixture
def page(login, member, team):
    return login(member(Role.WIJKTEAMLID, team)).get(reverse("home"))


def test_content_security_policy(page):
    csp = csp_directives(page)
    script = csp.get("script-src", csp["default-src"])
    assert "'unsafe-inline'" not in script and "'unsafe-eval'" not in script
    assert script == ["'self'"]
    assert "'unsafe-inline'" not in csp["style-src"]
    assert csp["frame-ancestors"] == ["'none'"]
    assert csp["object-src"] == ["'none'"]
    assert csp["default-src"] == ["'self'"]


def test_nosniff_referrer_frames_and_opener(page):
    assert page["X-Content-Type-Options"] == "nosniff"
    assert page["Referrer-Policy"] == "same-origin"
    assert page["X-Frame-Options"] == "DENY"
    assert page["Cross-Origin-Opener-Policy"] == "same-origin"


def test_pages_with_personal_data_are_not_stored(page):
    assert page["Cache-Control"] == "no-store"


def test_pages_behind_the_second_step_carry_the_headers_too(
    settings, login, member, team
):
    settings.OTP_ENFORCED = True
    response = login(member(Role.BALIE, team)).get(reverse("home"))
    assert response.status_code == 302  # to the 2FA setup
    assert response["Cache-Control"] == "no-store"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


@override_settings(SECURE_HSTS_SECONDS=ONE_YEAR, SECURE_SSL_REDIRECT=False)
def test_hsts_of_at_least_a_year_over_https(client, db):
    response = client.get(reverse("login"), secure=True)
    max_age = int(response["Strict-Transport-Security"].split("max-age=")[1][:8])
    assert max_age >= ONE_YEAR


def test_production_settings_turn_on_https_protections():
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "OTP_ENFORCED", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update({"DEBUG": "false", "SECRET_KEY": "prod-" + "k9Xq2!vLr7#pWm4$zT8&" * 3})
    names = [
        "SECURE_HSTS_SECONDS",
        "SECURE_SSL_REDIRECT",
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "OTP_ENFORCED",
    ]
    code = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {names!r}}}))"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert values.pop("SECURE_HSTS_SECONDS") >= ONE_YEAR
    assert all(values.values()), values
