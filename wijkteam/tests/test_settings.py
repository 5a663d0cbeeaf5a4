import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

import pytest

from wijkteam.settings import env_bool, env_int, env_list

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "prod-" + "k9Xq2!vLr7#pWm4$zT8&" * 3,
    "ALLOWED_HOSTS": "wijkteam.gemeente.example",
    "CSRF_TRUSTED_ORIGINS": "https://wijkteam.gemeente.example",
}


def _manage(*args, env_extra):
    test_only = ("DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {k: v for k, v in os.environ.items() if k not in test_only}
    env.update(env_extra)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip


def test_production_settings_pass_check_deploy_without_warnings():
    result = _manage(
        "check", "--deploy", "--fail-level", "WARNING", env_extra=PRODUCTION_ENV
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_hashes_passwords_with_pbkdf2_only_the_suite_with_md5():
    """The fast hasher of the suite (conftest.py) never reaches the settings module."""
    result = _manage(
        "shell",
        "-c",
        "from django.conf import settings; print(settings.PASSWORD_HASHERS[0])",
        env_extra=PRODUCTION_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith(".PBKDF2PasswordHasher")
    assert settings.PASSWORD_HASHERS == [
        "django.contrib.auth.hashers.MD5PasswordHasher"
    ]


def test_development_settings_do_fail_check_deploy():
    """The check above can fail: with DEBUG on it reports warnings."""
    result = _manage(
        "check", "--deploy", "--fail-level", "WARNING", env_extra={"DEBUG": "true"}
    )
    assert result.returncode != 0


def test_production_refuses_to_start_without_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = _manage("check", env_extra=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_env_helpers_fail_loudly(monkeypatch):
    monkeypatch.setenv("X_BOOL", "misschien")
    with pytest.raises(ImproperlyConfigured):
        env_bool("X_BOOL", False)
    monkeypatch.setenv("X_INT", "tien")
    with pytest.raises(ImproperlyConfigured):
        env_int("X_INT", 1)
    monkeypatch.setenv("X_BOOL", "ja")
    assert env_bool("X_BOOL", False) is True
    monkeypatch.setenv("X_LIST", " a, b ,,c ")
    assert env_list("X_LIST") == ["a", "b", "c"]


def test_dutch_language_and_amsterdam_time():
    assert settings.LANGUAGE_CODE == "nl"
    assert settings.TIME_ZONE == "Europe/Amsterdam"


def test_env_example_lists_every_variable_settings_reads():
    import re

    source = (ROOT / "wijkteam" / "settings.py").read_text()
    read = set(re.findall(r'env_(?:str|bool|int|list)\(\s*"([A-Z_]+)"', source))
    example = (ROOT / ".env.example").read_text()
    listed = set(re.findall(r"^#?\s*([A-Z_]+)=", example, re.MULTILINE))
    assert read - listed == set(), f"missing in .env.example: {read - listed}"
