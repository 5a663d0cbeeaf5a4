"""The page /gebieden/teamcijfers/: the team's own figures per buurt."""

from django.urls import reverse

import pytest

from cases.intake.constants import ZrmDomain
from cases.tests.factories import PersonFactory, QuestionFactory
from gebiedsanalyse.tests.factories import AreaFactory
from wijkteam.constants import Role
from wijkteam.models import AccessLogEntry

pytestmark = pytest.mark.django_db
URL = reverse("gebiedsanalyse:team_figures")


@pytest.fixture
def buurt(team):
    area = AreaFactory(name="Afrikaanderwijk", code="BU05991086")
    area.teams.add(team)
    return area


@pytest.fixture
def seven_questions(team, buurt):
    person = PersonFactory(team=team, buurt=buurt)
    return QuestionFactory.create_batch(
        7, team=team, person=person, domains=[ZrmDomain.FINANCIEN.value]
    )


def test_anonymous_goes_to_login(client):
    assert client.get(URL)["Location"].startswith(reverse("login"))


def test_wrong_method_is_405(login, member, team):
    assert login(member(Role.TEAMLEIDER, team)).post(URL).status_code == 405


def test_balie_may_not_see_team_figures(login, member, team):
    assert login(member(Role.BALIE, team)).get(URL).status_code == 403


def test_team_sees_its_suppressed_figures_with_captions(
    login, member, team, buurt, seven_questions
):
    response = login(member(Role.KWARTIERMAKER, team)).get(URL)
    body = response.content.decode()
    assert response.status_code == 200
    assert "<caption" in body and "Vragen per buurt en leefgebied" in body
    assert "Instroomkanalen per buurt" in body and "Casussen per buurt" in body
    assert '<th scope="row">Afrikaanderwijk</th>' in body
    assert ">7</td>" in body and "&lt; 5" in body
    # Aggregates, not persons: no access log rows.
    assert not AccessLogEntry.objects.exists()


def test_other_team_never_sees_these_figures(
    login, member, other_team, buurt, seven_questions
):
    buurt.teams.add(other_team)
    client = login(member(Role.TEAMLEIDER, other_team))
    body = client.get(URL, {"buurt": buurt.code}).content.decode()
    assert ">7</td>" not in body
    assert '<th scope="row">Afrikaanderwijk</th>' in body  # its own (empty) row


def test_a_buurt_the_team_does_not_serve_is_refused(login, member, team, buurt):
    elsewhere = AreaFactory(name="Tarwewijk")
    body = (
        login(member(Role.WIJKTEAMLID, team))
        .get(URL, {"buurt": elsewhere.code})
        .content.decode()
    )
    assert "Kies een buurt van uw team." in body
    assert "<caption" not in body


def test_bad_period_gives_dutch_errors(login, member, team, buurt):
    client = login(member(Role.WIJKTEAMLID, team))
    body = client.get(URL, {"van": "31-13-2026"}).content.decode()
    assert "Vul de datum in als dd-mm-jjjj." in body and "<caption" not in body
    body = client.get(URL, {"van": "01-02-2026", "tot": "01-01-2026"}).content.decode()
    assert "De einddatum ligt vóór de begindatum." in body


def test_period_in_dd_mm_jjjj_narrows(login, member, team, buurt, seven_questions):
    client = login(member(Role.WIJKTEAMLID, team))
    body = client.get(
        URL, {"van": "01-01-2000", "tot": "31-12-2000", "buurt": buurt.code}
    ).content.decode()
    assert "01-01-2000 tot en met 31-12-2000" in body
    assert ">7</td>" not in body


def test_area_page_links_to_the_buurt_figures_only_for_its_team(
    login, member, team, other_team, buurt
):
    area_url = reverse("gebiedsanalyse:area_detail", kwargs={"code": buurt.code})
    link = f"{URL}?buurt={buurt.code}"
    own = login(member(Role.WIJKTEAMLID, team)).get(area_url).content.decode()
    assert link in own
    other = login(member(Role.WIJKTEAMLID, other_team)).get(area_url).content.decode()
    assert link not in other
