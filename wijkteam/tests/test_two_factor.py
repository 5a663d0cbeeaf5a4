"""Two-factor authentication: required for the roles that see personal data, with a
setup flow (QR code, first code, recovery codes) and a verify step after login."""

import os
import subprocess
import sys
from pathlib import Path

from django.test import Client
from django.urls import reverse

import pytest
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from wijkteam.constants import AccessAction, Role
from wijkteam.models import AccessLogEntry
from wijkteam.tests.factories_security import (
    StaticDeviceFactory,
    TOTPDeviceFactory,
    current_code,
)
from wijkteam.two_factor_views import SETUP_KEY

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "geheim-wachtwoord-123"


@pytest.fixture(autouse=True)
def enforced(settings):
    settings.OTP_ENFORCED = True


def password_login(client, username):
    response = client.post(
        reverse("login"), {"username": username, "password": PASSWORD}
    )
    assert response.status_code == 302
    return client


def test_required_roles_are_those_that_see_personal_data(settings):
    # The beheerder reads the access log and builds inzage-PDFs of whole dossiers;
    # the gemeentebeheerder changes the area data every team relies on.
    assert set(settings.OTP_REQUIRED_ROLES) == {
        "balie", "wijkteamlid", "teamleider", "beheerder", "gemeentebeheerder"
    }  # fmt: skip


def test_production_settings_enforce_two_factor():
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"OTP_ENFORCED", "DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    env.update({"DEBUG": "false", "SECRET_KEY": "prod-" + "k9Xq2!vLr7#pWm4$zT8&" * 3})
    code = "from django.conf import settings; print(settings.OTP_ENFORCED)"
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.stdout.strip().splitlines()[-1] == "True", result.stderr


@pytest.mark.parametrize(
    "role", [Role.BALIE, Role.WIJKTEAMLID, Role.TEAMLEIDER, Role.BEHEERDER]
)
def test_roles_with_personal_data_are_sent_to_setup(client, member, team, role):
    password_login(client, member(role, team).username)
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_setup"))


@pytest.mark.parametrize("role", [Role.KWARTIERMAKER])
def test_roles_without_personal_data_go_straight_in(client, member, team, role):
    password_login(client, member(role, team).username)
    assert client.get(reverse("home")).status_code == 200


def test_login_and_logout_stay_reachable_before_the_second_step(client, member, team):
    password_login(client, member(Role.BALIE, team).username)
    assert client.get(reverse("two_factor_setup")).status_code == 200
    assert client.post(reverse("logout")).status_code == 302
    assert client.get(reverse("login")).status_code == 200


def test_setup_shows_qr_svg_and_uri_and_saves_nothing(client, member, team):
    user = member(Role.BALIE, team, username="sanne")
    password_login(client, "sanne")
    body = client.get(reverse("two_factor_setup")).content.decode()
    assert "<svg" in body and "<path" in body
    assert "otpauth://totp/Wijkteam%3Asanne?secret=" in body
    assert "<script" not in body.split("<footer")[0]
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_setup_with_a_wrong_code_is_refused_in_dutch(client, member, team):
    user = member(Role.BALIE, team)
    password_login(client, user.username)
    client.get(reverse("two_factor_setup"))
    response = client.post(reverse("two_factor_setup"), {"code": "000000"})
    assert response.status_code == 200
    assert "Deze code klopt niet" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticDevice.objects.filter(user=user).exists()


def test_setup_confirmed_by_a_first_code_shows_ten_recovery_codes(client, member, team):
    user = member(Role.WIJKTEAMLID, team)
    password_login(client, user.username)
    client.get(reverse("two_factor_setup"))
    key = client.session[SETUP_KEY]
    response = client.post(reverse("two_factor_setup"), {"code": current_code(key)})
    assert response.status_code == 200
    device = TOTPDevice.objects.get(user=user)
    assert device.confirmed and device.key == key
    codes = list(
        StaticDevice.objects.get(user=user).token_set.values_list("token", flat=True)
    )
    assert len(codes) == 10
    body = response.content.decode()
    assert all(code in body for code in codes)
    assert SETUP_KEY not in client.session
    assert client.get(reverse("home")).status_code == 200


def test_after_login_a_code_is_asked_and_checked(settings, client, member, team):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # no waiting after the wrong code here
    user = member(Role.TEAMLEIDER, team)
    device = TOTPDeviceFactory(user=user)
    password_login(client, user.username)
    response = client.get(reverse("team_current"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_verify"))
    verify = response["Location"]
    assert client.get(verify).status_code == 200

    wrong = client.post(verify, {"code": "123456"})
    assert "Deze code klopt niet" in wrong.content.decode()
    assert AccessLogEntry.objects.filter(
        action=AccessAction.LOGIN_FAILED, purpose__contains="tweede stap"
    ).exists()
    assert client.get(reverse("home")).status_code == 302

    right = client.post(verify, {"code": current_code(device.key)})
    assert right.status_code == 302
    assert right["Location"] == reverse("team_current")
    assert client.get(reverse("home")).status_code == 200


def test_a_recovery_code_works_once(member, team):
    user = member(Role.BALIE, team)
    TOTPDeviceFactory(user=user)
    StaticDeviceFactory(user=user, codes=["abcd2345ef"])
    first = password_login(Client(), user.username)
    response = first.post(reverse("two_factor_verify"), {"code": "abcd 2345ef"})
    assert response.status_code == 302
    assert first.get(reverse("home")).status_code == 200
    second = password_login(Client(), user.username)
    again = second.post(reverse("two_factor_verify"), {"code": "abcd2345ef"})
    assert again.status_code == 200
    assert second.get(reverse("home")).status_code == 302


def test_with_a_device_setup_is_not_open_before_the_second_step(client, member, team):
    """Someone with only the password cannot replace the victim's app."""
    user = member(Role.BALIE, team)
    device = TOTPDeviceFactory(user=user)
    password_login(client, user.username)
    response = client.get(reverse("two_factor_setup"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_verify"))
    client.post(reverse("two_factor_setup"), {"code": "000000"})
    assert list(TOTPDevice.objects.filter(user=user)) == [device]


def test_demo_accounts_are_exempt_only_in_demo_mode(settings, member, team):
    member(Role.BALIE, team, username="balie")
    settings.DEMO_MODE = True
    demo = password_login(Client(), "balie")
    assert demo.get(reverse("home")).status_code == 200
    settings.DEMO_MODE = False
    real = password_login(Client(), "balie")
    assert real.get(reverse("home")).status_code == 302


def test_verify_without_a_device_goes_to_setup(client, member, team):
    password_login(client, member(Role.BALIE, team).username)
    response = client.get(reverse("two_factor_verify"))
    assert response.status_code == 302
    assert response["Location"] == reverse("two_factor_setup")


@pytest.mark.parametrize("name", ["two_factor_setup", "two_factor_verify"])
def test_wrong_method_is_405(client, member, team, name):
    password_login(client, member(Role.BALIE, team).username)
    assert client.put(reverse(name)).status_code == 405


def test_next_cannot_send_the_user_elsewhere(client, member, team):
    user = member(Role.BALIE, team)
    device = TOTPDeviceFactory(user=user)
    password_login(client, user.username)
    response = client.post(
        reverse("two_factor_verify") + "?next=https://kwaad.example/",
        {"code": current_code(device.key)},
    )
    assert response["Location"] == reverse("home")


def test_guessing_is_throttled(client, member, team):
    """After a wrong code even the right one is refused for a moment (django-otp
    doubles the wait after every failure)."""
    user = member(Role.BALIE, team)
    device = TOTPDeviceFactory(user=user)
    password_login(client, user.username)
    client.post(reverse("two_factor_verify"), {"code": "123456"})
    response = client.post(
        reverse("two_factor_verify"), {"code": current_code(device.key)}
    )
    assert response.status_code == 200
    assert client.get(reverse("home")).status_code == 302


@pytest.mark.parametrize(
    "flags",
    [{"is_superuser": True, "is_staff": True}, {"is_staff": True}],
    ids=["superuser", "staff"],
)
def test_every_account_that_reaches_the_admin_gives_the_second_factor(db, flags):
    """A superuser made with createsuperuser has no membership, so no role asked for
    the second factor: the admin was open with the password alone."""
    from wijkteam.tests.factories import UserFactory

    user = UserFactory(username="opzet", **flags)
    client = Client()
    response = client.post(
        reverse("admin:login"), {"username": "opzet", "password": PASSWORD}
    )
    assert response.status_code == 302
    for name in ("admin:index", "admin:wijkteam_user_changelist"):
        refused = client.get(reverse(name))
        assert refused.status_code == 302, name
        assert refused["Location"].startswith(reverse("two_factor_setup")), name
    device = TOTPDeviceFactory(user=user)
    refused = client.get(reverse("admin:index"))
    assert refused["Location"].startswith(reverse("two_factor_verify"))
    client.post(reverse("two_factor_verify"), {"code": current_code(device.key)})
    assert client.get(reverse("admin:index")).status_code == 200


def test_recovery_codes_continue_to_the_home_page_without_next(client, member, team):
    """Without ?next the "verder" link was href="home", relative to the setup page."""
    password_login(client, member(Role.BALIE, team).username)
    client.get(reverse("two_factor_setup"))
    key = client.session[SETUP_KEY]
    response = client.post(reverse("two_factor_setup"), {"code": current_code(key)})
    assert f'href="{reverse("home")}"' in response.content.decode()
    assert 'href="home"' not in response.content.decode()
