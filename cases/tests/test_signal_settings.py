"""The team's werkbak signal thresholds, for the teamleider and the beheerder."""

from django.urls import reverse

import pytest

from cases.models import CaseSettings
from wijkteam.constants import Role

pytestmark = pytest.mark.django_db
URL = reverse("cases:signal_settings")
GOOD = {"no_contact_weeks": "6", "unassigned_days": "3"}


@pytest.fixture
def beheerder(member, team):
    return member(Role.BEHEERDER, team)


def test_anonymous_goes_to_login(client):
    assert client.get(URL)["Location"].startswith(reverse("login"))
    assert client.post(URL, GOOD)["Location"].startswith(reverse("login"))
    assert not CaseSettings.objects.exists()


def test_wrong_method_is_405(login, leader):
    assert login(leader).delete(URL).status_code == 405


def test_wijkteamlid_is_403(login, lid):
    client = login(lid)
    assert client.get(URL).status_code == 403
    assert client.post(URL, GOOD).status_code == 403
    assert not CaseSettings.objects.exists()


def test_not_in_any_team_is_404(client):
    from wijkteam.tests.factories import UserFactory

    client.force_login(UserFactory())
    assert client.get(URL).status_code == 404


def test_shows_the_defaults_then_saves_for_the_own_team_only(
    login, beheerder, team, other_team
):
    CaseSettings.objects.create(team=other_team, no_contact_weeks=9)
    client = login(beheerder)
    body = client.get(URL).content.decode()
    assert 'name="no_contact_weeks" value="4"' in body
    assert 'name="unassigned_days" value="5"' in body
    response = client.post(URL, GOOD)
    assert response["Location"] == URL
    saved = CaseSettings.objects.get(team=team)
    assert (saved.no_contact_weeks, saved.unassigned_days) == (6, 3)
    assert CaseSettings.objects.get(team=other_team).no_contact_weeks == 9
    assert 'value="6"' in client.get(URL).content.decode()


def test_the_werkbak_uses_and_links_them(login, leader, team):
    CaseSettings.objects.create(team=team, no_contact_weeks=7)
    body = login(leader).get(reverse("cases:werkbak")).content.decode()
    assert "(7+ weken)" in body and URL in body


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"no_contact_weeks": "", "unassigned_days": "3"}, "Vul het aantal weken in."),
        ({"no_contact_weeks": "0", "unassigned_days": "3"}, "Kies minstens 1 week."),
        ({"no_contact_weeks": "4", "unassigned_days": "91"}, "hoogstens 90 dagen"),
        ({"no_contact_weeks": "vier", "unassigned_days": "3"}, "heel aantal weken"),
    ],
)
def test_bad_input_is_400_in_dutch_and_saves_nothing(login, leader, data, error):
    response = login(leader).post(URL, data)
    assert response.status_code == 400
    assert error in response.content.decode()
    assert not CaseSettings.objects.exists()


def test_in_the_beheer_menu_of_the_beheerder(login, beheerder, lid):
    page = reverse("gebiedsanalyse:area_list")
    assert f'href="{URL}"' in login(beheerder).get(page).content.decode()
    assert f'href="{URL}"' not in login(lid).get(page).content.decode()
