from django.urls import reverse

from gebiedsanalyse.models import Resource
from gebiedsanalyse.tests.factories import ResourceFactory
from wijkteam.constants import Role

LIST = reverse("gebiedsanalyse:resource_list")
CREATE = reverse("gebiedsanalyse:resource_create")


def test_anonymous_goes_to_login(client):
    assert client.get(LIST)["Location"].startswith(reverse("login"))


def test_other_team_gets_404(login, member, team, other_team):
    resource = ResourceFactory(team=other_team)
    client = login(member(Role.KWARTIERMAKER, team))
    url = reverse("gebiedsanalyse:resource_edit", args=[resource.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"kind": "hulpbron", "title": "x"}).status_code == 404


def test_balie_may_read_but_not_add(login, member, team):
    client = login(member(Role.BALIE, team))
    assert client.get(LIST).status_code == 200
    assert client.post(CREATE, {"kind": "hulpbron", "title": "x"}).status_code == 403
    assert not Resource.objects.exists()


def test_wrong_method_is_405(login, member, team):
    assert login(member(Role.BALIE, team)).post(LIST).status_code == 405


def test_add_potentie_and_bad_input(login, member, team):
    client = login(member(Role.KWARTIERMAKER, team))
    response = client.post(CREATE, {"kind": "potentie", "title": ""})
    assert "Vul een titel in." in response.content.decode()
    assert not Resource.objects.exists()
    client.post(CREATE, {"kind": "potentie", "title": "Actieve bewoners"})
    assert Resource.objects.get().team == team
    assert "Actieve bewoners" in client.get(LIST).content.decode()


def test_list_query_count_is_constant(
    login, member, team, areas, django_assert_max_num_queries
):
    ResourceFactory.create_batch(25, team=team, area=areas["bu1"])
    client = login(member(Role.WIJKTEAMLID, team))
    with django_assert_max_num_queries(10):
        assert client.get(LIST).status_code == 200
