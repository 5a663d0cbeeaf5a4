from django.urls import reverse

import pytest

from bouwstenen.models import DevelopmentAction, DevelopmentGoal
from bouwstenen.tests.factories import DocumentFactory
from wijkteam.constants import Role


@pytest.fixture
def fixed(team):
    return DocumentFactory(team=team, vastgesteld=True)


def url_for(document):
    return reverse("bouwstenen:development_plan", args=[document.pk])


def test_anonymous_goes_to_login(client, fixed):
    assert client.get(url_for(fixed))["Location"].startswith(reverse("login"))


def test_other_team_gets_404(login, member, other_team, fixed):
    client = login(member(Role.KWARTIERMAKER, other_team))
    assert client.post(url_for(fixed), {"form": "doel", "text": "x"}).status_code == 404
    assert not DevelopmentGoal.objects.exists()


def test_teamleider_reads_but_cannot_add(login, teamleider, fixed):
    client = login(teamleider)
    assert client.get(url_for(fixed)).status_code == 200
    assert client.post(url_for(fixed), {"form": "doel", "text": "x"}).status_code == 403
    assert not DevelopmentGoal.objects.exists()


def test_put_is_405(login, kwartiermaker, fixed):
    assert login(kwartiermaker).put(url_for(fixed)).status_code == 405


def test_plan_van_aanpak_has_no_development_plan(login, kwartiermaker, plan):
    assert login(kwartiermaker).get(url_for(plan)).status_code == 404


def test_concept_startdocument_cannot_get_goals(login, kwartiermaker, document):
    client = login(kwartiermaker)
    assert (
        "Stel eerst een versie vast" in client.get(url_for(document)).content.decode()
    )
    response = client.post(
        url_for(document), {"form": "doel", "text": "x"}, follow=True
    )
    assert "volgt op een vastgesteld startdocument" in response.content.decode()
    assert not DevelopmentGoal.objects.exists()


def test_bad_date_shows_dutch_error_and_saves_nothing(login, kwartiermaker, fixed):
    client = login(kwartiermaker)
    client.post(url_for(fixed), {"form": "doel", "text": "Eén basismethodiek"})
    goal = DevelopmentGoal.objects.get()
    response = client.post(
        url_for(fixed),
        {"form": "actie", "goal": goal.pk, "text": "Training", "owner": "TL",
         "due_date": "31-02-2027"},
    )  # fmt: skip
    assert response.status_code == 400
    assert "Vul de datum in als dd-mm-jjjj." in response.content.decode()
    assert not DevelopmentAction.objects.exists()


def test_goal_and_action_with_owner_and_date(login, kwartiermaker, fixed):
    client = login(kwartiermaker)
    client.post(url_for(fixed), {"form": "doel", "text": "Eén basismethodiek"})
    goal = DevelopmentGoal.objects.get()
    client.post(
        url_for(fixed),
        {"form": "actie", "goal": goal.pk, "text": "Training krachtgericht werken",
         "owner": "Teamleider", "due_date": "2027-04-15"},
    )  # fmt: skip
    action = DevelopmentAction.objects.get()
    assert (action.goal, action.owner, str(action.due_date)) == (
        goal,
        "Teamleider",
        "2027-04-15",
    )
    body = client.get(url_for(fixed)).content.decode()
    assert "Training krachtgericht werken" in body
    assert "15-04-2027" in body
