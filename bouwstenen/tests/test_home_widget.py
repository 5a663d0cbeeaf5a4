from django.urls import reverse

from bouwstenen.tests.factories import DocumentFactory
from wijkteam.constants import Role


def test_kwartiermaker_home_lists_own_team_documents(
    login, kwartiermaker, team, other_team
):
    DocumentFactory(team=team, title="Startdocument Noord", vastgesteld=True)
    DocumentFactory(team=other_team, title="Startdocument Zuid")
    body = login(kwartiermaker).get(reverse("home")).content.decode()
    assert "Startdocument Noord" in body
    assert "Vastgesteld" in body
    assert "Startdocument Zuid" not in body
    assert reverse("bouwstenen:plan_list") in body


def test_other_roles_do_not_see_the_widget(login, member, team):
    DocumentFactory(team=team, title="Startdocument Noord")
    body = login(member(Role.WIJKTEAMLID, team)).get(reverse("home")).content.decode()
    assert "Startdocument Noord" not in body
