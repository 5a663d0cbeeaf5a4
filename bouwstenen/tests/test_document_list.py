from django.urls import reverse

import pytest

from bouwstenen.tests.factories import DocumentFactory
from wijkteam.constants import Role

URLS = ["bouwstenen:startdocument_list", "bouwstenen:plan_list"]


@pytest.mark.parametrize("name", URLS)
def test_anonymous_goes_to_login(client, db, name):
    response = client.get(reverse(name))
    assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("role", [Role.BALIE, Role.WIJKTEAMLID, Role.BEHEERDER])
def test_roles_without_the_right_get_403(login, member, team, role):
    client = login(member(role, team))
    assert client.get(reverse(URLS[0])).status_code == 403


def test_wrong_method_is_405(login, kwartiermaker):
    assert login(kwartiermaker).post(reverse(URLS[0])).status_code == 405


def test_lists_own_team_documents_only(
    login, teamleider, team, other_team, django_assert_max_num_queries
):
    for n in range(4):
        DocumentFactory(team=team, title=f"Startdocument Noord {n}")
    DocumentFactory(team=team, plan=True, title="Plan Noord")
    DocumentFactory(team=other_team, title="Startdocument Zuid")
    client = login(teamleider)
    with django_assert_max_num_queries(8):  # the same with 1 or 9 documents
        response = client.get(reverse(URLS[0]))
    body = response.content.decode()
    assert response.status_code == 200
    assert body.count("Startdocument Noord") == 4
    assert "Startdocument Zuid" not in body
    assert "Plan Noord" not in body
    assert "Nieuw startdocument" not in body  # teamleider reads, does not write
    plans = client.get(reverse(URLS[1])).content.decode()
    assert "Plan Noord" in plans


def test_kwartiermaker_sees_new_button(login, kwartiermaker, document):
    body = login(kwartiermaker).get(reverse(URLS[0])).content.decode()
    assert "Nieuw startdocument" in body
    assert document.title in body
    assert "Concept" in body


def test_table_caption_uses_the_plural(login, kwartiermaker, team, plan):
    """ "Plannen van aanpak", not "Plan van aanpaken" (read out by screen readers)."""
    body = login(kwartiermaker).get(reverse(URLS[1])).content.decode()
    assert f"Plannen van aanpak van {team.name}</caption>" in body
    assert "aanpaken" not in body
