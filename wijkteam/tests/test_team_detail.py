from django.urls import reverse

import pytest

from wijkteam.constants import Role


@pytest.fixture
def url(team):
    return reverse("team_detail", kwargs={"pk": team.pk})


def test_anonymous_goes_to_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_other_team_gets_404(login, member, other_team, url):
    client = login(member(Role.TEAMLEIDER, other_team))
    assert client.get(url).status_code == 404


def test_inactive_membership_gets_404(login, member, team, url):
    user = member(Role.WIJKTEAMLID, team)
    user.memberships.update(is_active=False)
    assert login(user).get(url).status_code == 404


def test_wrong_method_is_405(login, member, team, url):
    assert login(member(Role.BALIE, team)).post(url).status_code == 405


@pytest.mark.parametrize("role", Role.values)
def test_every_role_of_the_team_sees_location_and_members(
    login, member, team, url, role
):
    colleague = member(Role.TEAMLEIDER, team, first_name="Marieke", last_name="Jansen")
    response = login(member(role, team)).get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert team.location_name in body
    assert str(colleague) in body
    assert response["Cache-Control"] == "no-store"


def test_current_team_redirects_to_its_page(login, member, team, url):
    response = login(member(Role.BALIE, team)).get(reverse("team_current"))
    assert response.status_code == 302
    assert response["Location"] == url
