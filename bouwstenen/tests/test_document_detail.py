from django.urls import reverse

import pytest

from bouwstenen import services
from bouwstenen.tests.factories import DocumentFactory
from wijkteam.constants import Role


@pytest.fixture
def url(document):
    return reverse("bouwstenen:document_detail", args=[document.pk])


def test_anonymous_goes_to_login(client, url):
    assert client.get(url)["Location"].startswith(reverse("login"))


def test_other_team_gets_404(login, member, other_team, url):
    assert login(member(Role.KWARTIERMAKER, other_team)).get(url).status_code == 404


@pytest.mark.parametrize("role", [Role.BALIE, Role.WIJKTEAMLID])
def test_role_without_the_right_gets_403(login, member, team, url, role):
    assert login(member(role, team)).get(url).status_code == 403


def test_wrong_method_is_405(login, kwartiermaker, url):
    assert login(kwartiermaker).post(url).status_code == 405


def test_reader_sees_sections_completeness_and_answers(login, teamleider, team):
    document = DocumentFactory(
        team=team,
        answers={"kenmerken": ("Veel jonge gezinnen <b>&</b> schulden", [])},
    )
    url = reverse("bouwstenen:document_detail", args=[document.pk])
    response = login(teamleider).get(url)
    body = response.content.decode()
    assert response.status_code == 200
    for title in [
        "Opgave",
        "Inrichting en uitvoering",
        "Vormgeving",
        "Aansturing",
        "Competenties",
        "Werkprincipes",
    ]:
        assert title in body
    assert "Veel jonge gezinnen &lt;b&gt;&amp;&lt;/b&gt; schulden" in body
    assert "Totaal: 1 van 37 vragen beantwoord" in body
    assert "bewerken" not in body  # a reader does not edit
    assert "Opmerking plaatsen" in body
    assert "Exporteer als PDF" in body


def test_kwartiermaker_sees_edit_links_and_transition(login, kwartiermaker, url):
    body = login(kwartiermaker).get(url).content.decode()
    assert "Opgave bewerken" in body
    assert "Ter bespreking voorleggen" in body
    assert "Vaststellen" not in body  # not from concept


def test_detail_queries_do_not_grow_with_versions(
    login, teamleider, team, kwartiermaker, django_assert_max_num_queries
):
    document = DocumentFactory(team=team, vastgesteld=True)
    for _ in range(3):
        services.version_start_new(document=document, user=kwartiermaker)
        latest = document.versions.order_by("-number").first()
        for status in ("ter_bespreking", "vastgesteld"):
            services.version_change_status(
                version=latest, to_status=status, user=kwartiermaker
            )
    url = reverse("bouwstenen:document_detail", args=[document.pk])
    client = login(teamleider)
    with django_assert_max_num_queries(18):
        assert client.get(url).status_code == 200
