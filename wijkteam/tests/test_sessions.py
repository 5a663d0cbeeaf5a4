"""Sessions: 30 minutes idle, 12 hours absolute, ended on the server at logout and
when the account is deactivated."""

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone

import pytest

from wijkteam.constants import AccessAction, Role
from wijkteam.models import AccessLogEntry, UserSession
from wijkteam.security import LOGIN_AT_KEY
from wijkteam.services import user_deactivate

PASSWORD = "geheim-wachtwoord-123"


@pytest.fixture
def user(member, team):
    return member(Role.WIJKTEAMLID, team, username="youssef")


def log_in(client, username="youssef"):
    response = client.post(
        reverse("login"), {"username": username, "password": PASSWORD}
    )
    assert response.status_code == 302
    return client.session.session_key


def test_idle_limit_is_30_minutes_and_slides(settings, client, user):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST
    key = log_in(client)
    Session.objects.filter(pk=key).update(
        expire_date=timezone.now() + timedelta(minutes=1)
    )
    assert client.get(reverse("home")).status_code == 200
    expiry = Session.objects.get(pk=key).expire_date
    assert expiry > timezone.now() + timedelta(minutes=29)


def test_idle_session_is_refused_by_the_server(client, user):
    key = log_in(client)
    Session.objects.filter(pk=key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_absolute_limit_of_12_hours_ends_an_active_session(settings, client, user):
    assert settings.SESSION_ABSOLUTE_SECONDS == 12 * 60 * 60
    key = log_in(client)
    session = client.session
    session[LOGIN_AT_KEY] -= 12 * 60 * 60 - 60  # 11 h 59 min ago
    session.save()
    assert client.get(reverse("home")).status_code == 200
    session = client.session
    session[LOGIN_AT_KEY] -= 120  # 12 h 1 min ago
    session.save()
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    assert not Session.objects.filter(pk=key).exists()
    assert AccessLogEntry.objects.filter(
        action=AccessAction.LOGOUT, purpose__contains="maximale duur"
    ).exists()


def test_login_records_time_and_owner(client, user):
    key = log_in(client)
    assert isinstance(client.session[LOGIN_AT_KEY], int)
    assert UserSession.objects.get(session_id=key).user == user


def test_logout_deletes_the_session_on_the_server(client, user):
    key = log_in(client)
    assert Session.objects.filter(pk=key).exists()
    client.post(reverse("logout"))
    assert not Session.objects.filter(pk=key).exists()
    assert not UserSession.objects.filter(session_id=key).exists()
    # The old cookie is worthless afterwards.
    stolen = Client()
    stolen.cookies["sessionid"] = key
    assert stolen.get(reverse("home")).status_code == 302


def test_deactivating_a_user_ends_all_their_sessions(user, member, team):
    laptop, tablet, colleague = Client(), Client(), Client()
    log_in(laptop)
    log_in(tablet)
    other = member(Role.WIJKTEAMLID, team, username="ingrid")
    log_in(colleague, "ingrid")
    assert UserSession.objects.filter(user=user).count() == 2

    assert user_deactivate(user=user) == 2

    user.refresh_from_db()
    assert not user.is_active
    assert not UserSession.objects.filter(user=user).exists()
    for client in (laptop, tablet):
        assert client.get(reverse("home")).status_code == 302
    assert colleague.get(reverse("home")).status_code == 200
    assert UserSession.objects.filter(user=other).count() == 1


def test_admin_action_deactivates_and_ends_sessions(client, user, member, team):
    from wijkteam.tests.factories import UserFactory

    admin = UserFactory(username="admin", is_staff=True, is_superuser=True)
    laptop = Client()
    log_in(laptop)
    client.force_login(admin)
    response = client.post(
        reverse("admin:wijkteam_user_changelist"),
        {"action": "deactivate", "_selected_action": [user.pk]},
    )
    assert response.status_code == 302
    assert laptop.get(reverse("home")).status_code == 302
    user.refresh_from_db()
    assert not user.is_active
