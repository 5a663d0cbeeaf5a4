"""Optional single sign-on (OpenID Connect): off by default; when on, the backend,
the URLs and the button are there, and only existing active users get in."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.test import RequestFactory
from django.urls import NoReverseMatch, reverse

import pytest

from wijkteam.constants import AccessAction, AccessResult
from wijkteam.models import AccessLogEntry, User
from wijkteam.oidc import UNKNOWN_USER_MESSAGE, CallbackView, ExistingUserBackend
from wijkteam.tests.factories import UserFactory

ROOT = Path(__file__).resolve().parents[2]
BACKEND = "wijkteam.oidc.ExistingUserBackend"
OIDC_ENV = {
    "OIDC_ENABLED": "true",
    "OIDC_RP_CLIENT_ID": "wijkteam",
    "OIDC_RP_CLIENT_SECRET": "geheim",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://idp.example/authorize",
    "OIDC_OP_TOKEN_ENDPOINT": "https://idp.example/token",
    "OIDC_OP_USER_ENDPOINT": "https://idp.example/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://idp.example/jwks",
}
BACKEND_SETTINGS = {
    "OIDC_OP_TOKEN_ENDPOINT": "https://idp.example/token",
    "OIDC_OP_USER_ENDPOINT": "https://idp.example/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://idp.example/jwks",
    "OIDC_RP_CLIENT_ID": "wijkteam",
    "OIDC_RP_CLIENT_SECRET": "geheim",
    "OIDC_RP_SIGN_ALGO": "RS256",
    "OIDC_CREATE_USER": False,
}


def test_off_by_default(client):
    assert settings.OIDC_ENABLED is False
    assert BACKEND not in settings.AUTHENTICATION_BACKENDS
    with pytest.raises(NoReverseMatch):
        reverse("oidc_authentication_init")
    page = client.get(reverse("login")).content.decode()
    assert "organisatieaccount" not in page


SCRIPT = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
from django.test.utils import setup_test_environment
from django.urls import reverse
setup_test_environment()
page = Client().get("/accounts/login/").content.decode()
print(json.dumps({
    "backends": settings.AUTHENTICATION_BACKENDS,
    "init": reverse("oidc_authentication_init"),
    "callback": reverse("oidc_authentication_callback"),
    "button": "Inloggen met uw organisatieaccount" in page,
    "href": reverse("oidc_authentication_init") in page,
    "create": settings.OIDC_CREATE_USER,
}))
"""


def test_on_with_settings_the_backend_urls_and_button_are_in_place():
    env = {k: v for k, v in os.environ.items() if not k.startswith("OIDC_")}
    env.update(OIDC_ENV, DEBUG="true", DJANGO_SETTINGS_MODULE="wijkteam.settings")
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found["backends"][0] == "axes.backends.AxesStandaloneBackend"
    assert BACKEND in found["backends"]
    assert found["init"] == "/oidc/authenticate/"
    assert found["callback"] == "/oidc/callback/"
    assert found["button"] and found["href"]
    assert found["create"] is False


def test_on_without_the_provider_settings_refuses_to_start():
    env = {k: v for k, v in os.environ.items() if not k.startswith("OIDC_")}
    env.update(OIDC_ENABLED="true", DEBUG="true")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode != 0
    assert "OIDC_RP_CLIENT_ID" in result.stderr


@pytest.fixture
def backend(settings):
    for name, value in BACKEND_SETTINGS.items():
        setattr(settings, name, value)
    return ExistingUserBackend()


def test_backend_matches_an_existing_user_by_email_case_insensitively(backend, db):
    user = UserFactory(email="M.Jansen@gemeente.example", username="mjansen")
    UserFactory(email="ander@gemeente.example")
    found = backend.filter_users_by_claims({"email": "m.jansen@GEMEENTE.example"})
    assert list(found) == [user]


def test_backend_falls_back_to_the_user_name_claim(backend, db):
    user = UserFactory(email="", username="pdevries")
    claims = {"email": "p.devries@idp.example", "preferred_username": "PdeVries"}
    assert list(backend.filter_users_by_claims(claims)) == [user]


def test_backend_refuses_unknown_and_inactive_users_and_creates_nobody(
    backend, db, monkeypatch
):
    UserFactory(email="weg@gemeente.example", is_active=False)
    assert not backend.filter_users_by_claims({"email": "weg@gemeente.example"})
    assert not backend.filter_users_by_claims({})
    assert backend.verify_claims({}) is False
    monkeypatch.setattr(
        backend, "get_userinfo", lambda *a: {"email": "nieuw@gemeente.example"}
    )
    before = User.objects.count()
    assert backend.get_or_create_user("token", "id", {}) is None
    assert User.objects.count() == before


def test_a_refused_login_gets_a_dutch_message_and_is_logged(backend, db):
    request = RequestFactory().get("/oidc/callback/")
    SessionMiddleware(lambda r: None).process_request(request)
    MessageMiddleware(lambda r: None).process_request(request)
    request.user = AnonymousUser()
    response = CallbackView.as_view()(request)  # no code/state: a failure
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert [m.message for m in request._messages] == [UNKNOWN_USER_MESSAGE]
    row = AccessLogEntry.objects.get()
    assert (row.action, row.result) == (AccessAction.LOGIN_FAILED, AccessResult.DENIED)
