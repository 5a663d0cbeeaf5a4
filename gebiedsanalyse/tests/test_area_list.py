from django.urls import reverse

import pytest

from wijkteam.constants import Role

URL = reverse("gebiedsanalyse:area_list")


def test_anonymous_goes_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_wrong_method_is_405(login, member, team):
    assert login(member(Role.WIJKTEAMLID, team)).post(URL).status_code == 405


@pytest.mark.parametrize("role", Role.values)
def test_every_role_sees_its_team_areas(login, member, team, areas, role):
    areas["wk"].teams.add(team)
    response = login(member(role, team)).get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Feijenoord" in body
    assert "Bloemhof" not in body


def test_search_by_name_and_code(login, member, team, areas):
    client = login(member(Role.KWARTIERMAKER, team))
    body = client.get(URL, {"q": "bloem"}).content.decode()
    assert "Bloemhof" in body and "Afrikaanderwijk" not in body
    body = client.get(URL, {"q": "bu05991086"}).content.decode()
    assert "Afrikaanderwijk" in body
    assert "Geen gebied gevonden" in client.get(URL, {"q": "xyz"}).content.decode()


def test_query_count_does_not_grow_with_areas(
    login, member, team, areas, django_assert_max_num_queries
):
    from gebiedsanalyse.tests.factories import AreaFactory

    for _ in range(30):
        AreaFactory(name="Bloemhof-Noord", parent=areas["wk"]).teams.add(team)
    client = login(member(Role.KWARTIERMAKER, team))
    with django_assert_max_num_queries(12):
        response = client.get(URL, {"q": "bloem"})
    assert response.content.decode().count("Bloemhof-Noord") >= 30
