"""The beheerder picks the wijken and buurten the current team serves."""

from django.urls import reverse

import pytest

from gebiedsanalyse.tests.factories import AreaFactory
from wijkteam.constants import Role

pytestmark = pytest.mark.django_db
URL = reverse("gebiedsanalyse:team_areas")


@pytest.fixture
def beheerder(member, team):
    return member(Role.BEHEERDER, team)


def linked(team) -> set[str]:
    return set(team.areas.values_list("code", flat=True))


def test_anonymous_goes_to_login(client, areas):
    assert client.get(URL)["Location"].startswith(reverse("login"))
    response = client.post(URL, {"buurten": [areas["bu1"].pk]})
    assert response["Location"].startswith(reverse("login"))


def test_wrong_method_is_405(login, beheerder):
    assert login(beheerder).delete(URL).status_code == 405


def test_teamleider_is_403(login, member, team, areas):
    client = login(member(Role.TEAMLEIDER, team))
    assert client.get(URL).status_code == 403
    assert client.post(URL, {"buurten": [areas["bu1"].pk]}).status_code == 403
    assert linked(team) == set()


def test_lists_buurten_by_wijk_with_the_current_links(login, beheerder, team, areas):
    areas["bu1"].teams.add(team)
    body = login(beheerder).get(URL).content.decode()
    assert "<legend" in body and "Feijenoord" in body
    assert f'value="{areas["bu1"].pk}" id="buurt-{areas["bu1"].pk}" checked' in body
    assert f'id="buurt-{areas["bu2"].pk}">' in body  # not checked


def test_a_wijk_brings_its_buurten_and_other_teams_keep_theirs(
    login, beheerder, team, other_team, areas
):
    areas["gm"].teams.add(team)  # a gemeente link is not this page's business
    areas["bu1"].teams.add(other_team)
    elsewhere = AreaFactory(code="BU05990101", name="Oude Westen")
    elsewhere.teams.add(team)
    response = login(beheerder).post(URL, {"wijken": [areas["wk"].pk]})
    assert response["Location"] == URL
    assert linked(team) == {"GM0599", "WK059910", "BU05991086", "BU05991081"}
    assert linked(other_team) == {"BU05991086"}


def test_one_buurt_only(login, beheerder, team, areas):
    login(beheerder).post(URL, {"buurten": [areas["bu2"].pk]})
    assert linked(team) == {"BU05991081"}


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({}, "Kies minstens één wijk of buurt"),
        ({"buurten": ["999999"]}, "Kies buurten uit de lijst."),
        ({"wijken": ["gm"]}, "Kies wijken uit de lijst."),
    ],
)
def test_bad_input_is_400_in_dutch_and_changes_nothing(
    login, beheerder, team, areas, data, error
):
    areas["bu1"].teams.add(team)
    if data.get("wijken") == ["gm"]:
        data = {"wijken": [areas["gm"].pk], "buurten": [areas["bu2"].pk]}
    response = login(beheerder).post(URL, data)
    assert response.status_code == 400
    assert error in response.content.decode()
    assert linked(team) == {"BU05991086"}


def test_in_the_beheer_menu_of_the_beheerder_only(login, member, beheerder, team):
    page = reverse("gebiedsanalyse:area_list")
    assert f'href="{URL}"' in login(beheerder).get(page).content.decode()
    leader = member(Role.TEAMLEIDER, team)
    assert f'href="{URL}"' not in login(leader).get(page).content.decode()
