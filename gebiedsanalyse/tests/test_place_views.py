"""Sociale kaart: list and filter, add and edit by the team (area.edit)."""

from django.urls import reverse

import pytest

from gebiedsanalyse.models import SocialPlace
from gebiedsanalyse.tests.factories import SocialPlaceFactory
from wijkteam.constants import Role

LIST = reverse("gebiedsanalyse:place_list")
CREATE = reverse("gebiedsanalyse:place_create")
EDITORS = [Role.KWARTIERMAKER, Role.TEAMLEIDER, Role.WIJKTEAMLID]


def edit_url(place):
    return reverse("gebiedsanalyse:place_edit", args=[place.pk])


def test_anonymous_goes_to_login(client, team):
    place = SocialPlaceFactory(team=team)
    for url in (LIST, CREATE, edit_url(place)):
        assert client.get(url)["Location"].startswith(reverse("login"))


def test_wrong_method_is_405(login, member, team):
    client = login(member(Role.WIJKTEAMLID, team))
    assert client.post(LIST).status_code == 405
    assert client.put(CREATE).status_code == 405


def test_other_team_gets_404_and_changes_nothing(login, member, team, other_team):
    place = SocialPlaceFactory(team=other_team, name="Hun plek")
    client = login(member(Role.KWARTIERMAKER, team))
    assert client.get(edit_url(place)).status_code == 404
    response = client.post(edit_url(place), {"kind": "mkb", "name": "Overgenomen"})
    assert response.status_code == 404
    place.refresh_from_db()
    assert place.name == "Hun plek"
    assert "Hun plek" not in client.get(LIST).content.decode()


@pytest.mark.parametrize("role", [Role.BALIE, Role.BEHEERDER])
def test_role_without_area_edit_gets_403(login, member, team, role):
    place = SocialPlaceFactory(team=team, name="Onze plek")
    client = login(member(role, team))
    assert client.get(LIST).status_code == 200
    assert client.get(CREATE).status_code == 403
    assert client.post(CREATE, {"kind": "mkb", "name": "X"}).status_code == 403
    assert client.post(edit_url(place), {"kind": "mkb", "name": "X"}).status_code == (
        403
    )
    assert SocialPlace.objects.get().name == "Onze plek"


def test_bad_input_shows_dutch_errors_and_saves_nothing(login, member, team):
    client = login(member(Role.WIJKTEAMLID, team))
    response = client.post(CREATE, {"kind": "", "name": "", "email": "geen-mail"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Vul de naam in." in body and "Kies de soort." in body
    assert "Vul een geldig e-mailadres in." in body
    assert not SocialPlace.objects.exists()


@pytest.mark.parametrize("role", EDITORS)
def test_team_adds_a_sleutelfiguur_in_its_area(login, member, team, areas, role):
    areas["wk"].teams.add(team)
    client = login(member(role, team))
    form = client.get(CREATE, {"gebied": "BU05991086"}).content.decode()
    assert "Afrikaanderwijk" in form
    response = client.post(
        CREATE,
        {
            "kind": "sleutelfiguur",
            "name": "Buurtconciërge",
            "area": areas["bu1"].pk,
            "phone": "010 123 45 67",
            "offer": "Kent de portieken",
        },
    )
    assert response.status_code == 302
    place = SocialPlace.objects.get()
    assert (place.team, place.area, place.kind) == (team, areas["bu1"], "sleutelfiguur")


def test_area_of_another_region_cannot_be_chosen(login, member, team, areas):
    client = login(member(Role.WIJKTEAMLID, team))  # the team serves no area
    response = client.post(
        CREATE, {"kind": "mkb", "name": "X", "area": areas["bu1"].pk}
    )
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not SocialPlace.objects.exists()


def test_edit_updates_the_place(login, member, team):
    place = SocialPlaceFactory(team=team, name="Oud")
    client = login(member(Role.TEAMLEIDER, team))
    response = client.post(edit_url(place), {"kind": "school", "name": "Nieuw"})
    assert response.status_code == 302
    place.refresh_from_db()
    assert (place.name, place.kind) == ("Nieuw", "school")


def test_list_filters_by_kind_area_and_name(login, member, team, areas):
    areas["wk"].teams.add(team)
    SocialPlaceFactory(team=team, name="Moskee Zuid", kind="religieus")
    SocialPlaceFactory(team=team, name="Buurthuis", area=areas["bu1"])
    client = login(member(Role.WIJKTEAMLID, team))
    body = client.get(LIST, {"kind": "religieus"}).content.decode()
    assert "Moskee Zuid" in body and "Buurthuis" not in body
    body = client.get(LIST, {"area": areas["bu1"].pk}).content.decode()
    assert "Buurthuis" in body and "Moskee Zuid" not in body
    body = client.get(LIST, {"q": "moskee"}).content.decode()
    assert "Moskee Zuid" in body and "Buurthuis" not in body


def test_list_query_count_is_constant(
    login, member, team, areas, django_assert_max_num_queries
):
    SocialPlaceFactory.create_batch(30, team=team, area=areas["bu1"])
    client = login(member(Role.WIJKTEAMLID, team))
    with django_assert_max_num_queries(12):
        response = client.get(LIST)
    assert response.content.decode().count("Bewerken") == 30
