from django.urls import reverse

import pytest

from bouwstenen import services
from bouwstenen.tests.factories import DocumentFactory, fill
from wijkteam.constants import Role


@pytest.fixture
def two_versions(team, kwartiermaker):
    document = DocumentFactory(
        team=team,
        answers={"kenmerken": ("Jonge wijk", []), "model": ("", ["integraal"])},
        vastgesteld=True,
    )
    services.version_start_new(document=document, user=kwartiermaker)
    fill(document, {"kenmerken": ("Jonge wijk met veel schulden", [])}, kwartiermaker)
    return document


def url_for(document, query=""):
    return reverse("bouwstenen:version_compare", args=[document.pk]) + query


def test_anonymous_goes_to_login(client, two_versions):
    assert client.get(url_for(two_versions))["Location"].startswith(reverse("login"))


def test_other_team_gets_404(login, member, other_team, two_versions):
    client = login(member(Role.TEAMLEIDER, other_team))
    assert client.get(url_for(two_versions)).status_code == 404


def test_wijkteamlid_gets_403(login, member, team, two_versions):
    assert (
        login(member(Role.WIJKTEAMLID, team)).get(url_for(two_versions)).status_code
        == 403
    )


def test_post_is_405(login, teamleider, two_versions):
    assert login(teamleider).post(url_for(two_versions)).status_code == 405


def test_unknown_version_is_404(login, teamleider, two_versions):
    assert login(teamleider).get(url_for(two_versions, "?a=9&b=1")).status_code == 404


def test_side_by_side_marks_what_changed(login, teamleider, two_versions):
    response = login(teamleider).get(url_for(two_versions, "?a=1&b=2"))
    body = response.content.decode()
    assert response.status_code == 200
    assert "1 vraag gewijzigd." in body
    assert "Jonge wijk met veel schulden" in body
    assert "Jonge wijk" in body
    assert body.count("badge text-bg-warning") == 1
    assert "Het integrale team" in body  # unchanged choice shown on both sides


def test_only_changed_questions(login, teamleider, two_versions):
    body = (
        login(teamleider)
        .get(url_for(two_versions, "?a=1&b=2&alleen=gewijzigd"))
        .content.decode()
    )
    assert "Jonge wijk met veel schulden" in body
    assert "Het integrale team" not in body
    assert "Welke potenties/ hulpbronnen" not in body
