"""The gebiedsanalyse never shows another team's records.

Two teams serve the same buurt. Team B holds lookalikes of team A's area knowledge
with distinctive names ("...-Zuid"), and more casework in the shared buurt, so that
a leak shows in the lists, the area page, the CSV and the counts per buurt.
"""

from django.urls import reverse

import pytest

from cases.intake.constants import ZrmDomain
from cases.tests.factories import PersonFactory, QuestionFactory
from gebiedsanalyse.tests.factories import (
    AreaFactory,
    InfoMeetingFactory,
    OutreachActionFactory,
    ResidentGroupFactory,
    ResourceFactory,
    SocialPlaceFactory,
)
from wijkteam.constants import Role

pytestmark = pytest.mark.django_db


@pytest.fixture
def buurt(team, other_team):
    area = AreaFactory(name="Afrikaanderwijk", code="BU05991086")
    area.teams.add(team, other_team)
    return area


def _knowledge(team, area, tag: str) -> None:
    SocialPlaceFactory(team=team, area=area, name=f"Wijkcentrum De Brug-{tag}")
    ResourceFactory(team=team, area=area, title=f"Moestuin Oranjepark-{tag}")
    group = ResidentGroupFactory(team=team, name=f"Alleenstaande ouders-{tag}")
    OutreachActionFactory(team=team, group=group, title=f"Koffieochtend-{tag}")
    InfoMeetingFactory(team=team, title=f"Bewonersavond-{tag}")


@pytest.fixture
def world(team, other_team, buurt):
    _knowledge(team, buurt, "Noord")
    _knowledge(other_team, buurt, "Zuid")
    for t, count in ((team, 6), (other_team, 9)):
        person = PersonFactory(team=t, buurt=buurt)
        QuestionFactory.create_batch(
            count, team=t, person=person, domains=[ZrmDomain.FINANCIEN.value]
        )


@pytest.fixture
def client_a(login, member, team):
    return login(member(Role.TEAMLEIDER, team))


@pytest.mark.parametrize(
    ("url_name", "kwargs"),
    [
        ("gebiedsanalyse:place_list", None),
        ("gebiedsanalyse:resource_list", None),
        ("gebiedsanalyse:wijkanalyse", None),
        ("gebiedsanalyse:area_detail", {"code": "BU05991086"}),
    ],
)
def test_lists_show_only_own_team(client_a, world, url_name, kwargs):
    body = client_a.get(reverse(url_name, kwargs=kwargs)).content.decode()
    assert "-Noord" in body, url_name
    assert "-Zuid" not in body, url_name


def test_place_list_search_finds_only_own_team(client_a, world):
    url = reverse("gebiedsanalyse:place_list")
    body = client_a.get(url, {"q": "De Brug"}).content.decode()
    assert "De Brug-Noord" in body
    assert "De Brug-Zuid" not in body


def test_area_csv_holds_public_figures_only(client_a, world):
    url = reverse("gebiedsanalyse:area_csv", kwargs={"code": "BU05991086"})
    body = b"".join(client_a.get(url).streaming_content).decode()
    assert "-Zuid" not in body and "-Noord" not in body


def test_counts_per_buurt_are_own_team_only(client_a, world):
    response = client_a.get(reverse("gebiedsanalyse:team_figures"))
    body = response.content.decode()
    assert ">6</td>" in body
    assert ">9</td>" not in body and ">15</td>" not in body
