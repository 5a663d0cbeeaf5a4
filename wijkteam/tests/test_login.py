from django.urls import reverse

import pytest

from wijkteam.constants import AccessAction, Role
from wijkteam.models import AccessLogEntry


@pytest.fixture
def user(member, team):
    return member(Role.BALIE, team, username="sanne")


def test_login_page_is_dutch(client, db):
    body = client.get(reverse("login")).content.decode()
    assert 'lang="nl"' in body
    assert "Gebruikersnaam" in body and "Wachtwoord" in body


def test_login_logs_in_and_is_logged(client, user):
    response = client.post(
        reverse("login"), {"username": "sanne", "password": "geheim-wachtwoord-123"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    row = AccessLogEntry.objects.get(action=AccessAction.LOGIN)
    assert row.username == "sanne"


def test_wrong_password_gives_a_dutch_error_and_is_logged(client, user):
    response = client.post(reverse("login"), {"username": "sanne", "password": "fout"})
    assert response.status_code == 200
    assert "Gebruikersnaam of wachtwoord klopt niet" in response.content.decode()
    row = AccessLogEntry.objects.get(action=AccessAction.LOGIN_FAILED)
    assert row.result == "denied"
    assert "sanne" in row.purpose


def test_new_session_id_at_login(client, user):
    client.get(reverse("login"))
    client.session.save()
    before = client.session.session_key
    client.post(
        reverse("login"), {"username": "sanne", "password": "geheim-wachtwoord-123"}
    )
    assert client.session.session_key != before


def test_logout_is_post_and_ends_the_session(login, user):
    client = login(user)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 302
    assert AccessLogEntry.objects.filter(action=AccessAction.LOGOUT).count() == 1


@pytest.mark.parametrize(
    ("role", "heading"),
    [
        (Role.BALIE, "Als balie-medewerker"),
        (Role.WIJKTEAMLID, "Als wijkteamlid"),
        (Role.TEAMLEIDER, "Als teamleider"),
        (Role.KWARTIERMAKER, "Als kwartiermaker"),
        (Role.BEHEERDER, "Als beheerder"),
    ],
)
def test_home_page_per_role(login, member, team, role, heading):
    body = login(member(role, team)).get(reverse("home")).content.decode()
    assert heading in body
    others = {"Als balie-medewerker", "Als wijkteamlid", "Als teamleider",
              "Als kwartiermaker", "Als beheerder"} - {heading}  # fmt: skip
    assert not any(other in body for other in others)


def test_user_without_team_is_told_so(login, db):
    from wijkteam.tests.factories import UserFactory

    body = login(UserFactory()).get(reverse("home")).content.decode()
    assert "nog geen lid van een team" in body


@pytest.mark.parametrize(
    ("hour", "word"),
    [(3, "Goedenacht"), (9, "Goedemorgen"), (14, "Goedemiddag"), (20, "Goedenavond")],
)
def test_greeting_follows_the_hour(hour, word):
    from wijkteam.views import greeting

    assert greeting(hour) == word


def test_an_overlong_username_gets_a_dutch_error_not_a_crash(client, db):
    """Found by tests/test_fuzz_forms.py: 20 000 characters made the throttle's
    record of the failed attempt overflow (500)."""
    from django.urls import reverse

    response = client.post(
        reverse("login"), {"username": "x" * 20_000, "password": "geheim"}
    )
    assert response.status_code == 200
    assert "150 tekens" in response.content.decode()
