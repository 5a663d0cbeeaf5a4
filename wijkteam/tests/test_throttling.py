"""Login throttling (django-axes): 5 failures lock username + IP address."""

from django.urls import reverse

import pytest

from wijkteam.constants import AccessAction, AccessResult, Role
from wijkteam.models import AccessLogEntry

PASSWORD = "geheim-wachtwoord-123"
OFFICE_IP = "10.20.30.40"


@pytest.fixture
def users(member, team):
    return member(Role.BALIE, team, username="sanne"), member(
        Role.WIJKTEAMLID, team, username="youssef"
    )


def attempt(client, username, password, ip=OFFICE_IP):
    return client.post(
        reverse("login"),
        {"username": username, "password": password},
        REMOTE_ADDR=ip,
    )


def test_settings_are_the_promised_numbers(settings):
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


def test_four_failures_do_not_lock(client, users):
    for _ in range(4):
        assert attempt(client, "sanne", "fout").status_code == 200
    response = attempt(client, "sanne", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")


def test_fifth_failure_locks_even_the_right_password(client, users):
    for _ in range(4):
        attempt(client, "sanne", "fout")
    fifth = attempt(client, "sanne", "fout")
    assert fifth.status_code == 429
    assert "Inloggen tijdelijk geblokkeerd" in fifth.content.decode()
    assert "15 minuten" in fifth.content.decode()
    locked = attempt(client, "sanne", PASSWORD)
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_colleague_behind_the_same_office_ip_is_not_locked(client, users):
    for _ in range(5):
        attempt(client, "sanne", "fout")
    response = attempt(client, "youssef", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("home")


def test_same_user_from_another_ip_is_not_locked(client, users):
    for _ in range(5):
        attempt(client, "sanne", "fout")
    response = attempt(client, "sanne", PASSWORD, ip="10.99.99.99")
    assert response.status_code == 302


def test_locked_attempts_are_in_the_access_log(client, users):
    for _ in range(4):
        attempt(client, "sanne", "fout")
    attempt(client, "sanne", "fout")
    attempt(client, "sanne", PASSWORD)
    failed = AccessLogEntry.objects.filter(action=AccessAction.LOGIN_FAILED)
    assert failed.count() == 6  # one row per attempt, none doubled
    blocked = failed.filter(purpose__startswith="geblokkeerd")
    assert blocked.count() == 2
    assert {row.result for row in failed} == {AccessResult.DENIED}
    assert {row.ip_address for row in blocked} == {OFFICE_IP}
    assert all("sanne" in row.purpose for row in blocked)
    assert not AccessLogEntry.objects.filter(action=AccessAction.LOGIN).exists()


def test_the_admin_login_is_logged_and_throttled_too(client, users):
    sanne = users[0]
    sanne.is_staff = True
    sanne.save(update_fields=["is_staff"])
    url = reverse("admin:login")
    for _ in range(4):
        response = client.post(url, {"username": "sanne", "password": "fout"})
        assert response.status_code == 200
    assert client.post(url, {"username": "sanne", "password": "x"}).status_code == 429
    failed = AccessLogEntry.objects.filter(action=AccessAction.LOGIN_FAILED)
    assert failed.filter(purpose="inlogpoging (beheer) als sanne").count() == 4
    assert failed.filter(purpose__startswith="geblokkeerd").count() == 1


def test_a_successful_admin_login_is_logged(client, users):
    sanne = users[0]
    sanne.is_staff = True
    sanne.save(update_fields=["is_staff"])
    response = client.post(
        reverse("admin:login"), {"username": "sanne", "password": PASSWORD}
    )
    assert response.status_code == 302
    row = AccessLogEntry.objects.get(action=AccessAction.LOGIN)
    assert row.username == "sanne" and row.purpose == "inloggen (beheer)"
