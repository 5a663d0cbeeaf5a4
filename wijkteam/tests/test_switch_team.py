from django.urls import reverse

from wijkteam.constants import Role
from wijkteam.tests.factories import MembershipFactory


def test_member_of_two_teams_switches_and_sees_the_other_role(
    login, member, team, other_team
):
    user = member(Role.BALIE, team)
    MembershipFactory(user=user, team=other_team, role=Role.TEAMLEIDER)
    client = login(user)
    response = client.post(reverse("team_switch"), {"team": other_team.pk})
    assert response.status_code == 302
    home = client.get(reverse("home")).content.decode()
    assert "Als teamleider" in home
    assert "Als balie-medewerker" not in home


def test_cannot_switch_into_a_team_one_is_not_in(login, member, team, other_team):
    client = login(member(Role.BALIE, team))
    response = client.post(reverse("team_switch"), {"team": other_team.pk}, follow=True)
    assert "U bent geen lid van dat team." in response.content.decode()
    assert "Als balie-medewerker" in response.content.decode()


def test_switch_needs_post(login, member, team):
    assert (
        login(member(Role.BALIE, team)).get(reverse("team_switch")).status_code == 405
    )
