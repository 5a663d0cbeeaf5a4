"""A resident's buurt: offered from the team's own buurten only, optional."""

import uuid

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

import pytest

from cases.models import Person, Question
from cases.persons.services import person_create
from cases.tests.factories import PersonFactory
from gebiedsanalyse.tests.factories import AreaFactory
from wijkteam.models import Team

pytestmark = pytest.mark.django_db
URL = reverse("cases:question_register")


def form_data(**overrides):
    data = {
        "idempotency_key": str(uuid.uuid4()),
        "first_name": "Gülsen",
        "last_name": "Kaya",
        "person_choice": "nieuw",
        "channel": "inloop",
        "text": "Mijn zoon gaat niet meer naar school.",
        "urgency": "normaal",
        "outcome": "beantwoord",
    }
    data.update(overrides)
    return data


@pytest.fixture
def own_buurt(team):
    buurt = AreaFactory(name="Afrikaanderwijk")
    buurt.teams.add(team)
    return buurt


@pytest.fixture
def foreign_buurt(other_team):
    buurt = AreaFactory(name="Tarwewijk")
    buurt.teams.add(other_team)
    return buurt


def test_form_offers_only_the_teams_buurten(login, balie, own_buurt, foreign_buurt):
    html = login(balie).get(URL).content.decode()
    assert 'name="buurt"' in html
    assert "Afrikaanderwijk" in html
    assert "Tarwewijk" not in html


def test_new_resident_gets_the_chosen_buurt(login, balie, own_buurt):
    response = login(balie).post(URL, form_data(buurt=own_buurt.pk))
    assert response.status_code == 302
    assert Person.objects.get().buurt == own_buurt


def test_buurt_is_optional(login, balie, own_buurt):
    assert login(balie).post(URL, form_data()).status_code == 302
    assert Person.objects.get().buurt is None


def test_other_teams_buurt_is_refused_and_nothing_saved(
    login, balie, own_buurt, foreign_buurt
):
    response = login(balie).post(URL, form_data(buurt=foreign_buurt.pk))
    assert response.status_code == 200
    assert "Kies een buurt uit de lijst." in response.content.decode()
    assert not Person.objects.exists() and not Question.objects.exists()


def test_demo_gives_residents_a_buurt_of_their_team_idempotently():
    call_command("demo_data", force=True)
    first = Team.objects.get(name="Wijkteam Feijenoord")
    persons = Person.objects.filter(team=first)
    assert persons.exists()
    served = set(first.areas.filter(level="buurt").values_list("pk", flat=True))
    assert served
    assert {p.buurt_id for p in persons} <= served
    before = dict(Person.objects.values_list("pk", "buurt_id"))
    call_command("demo_data", force=True)
    assert dict(Person.objects.values_list("pk", "buurt_id")) == before


def test_service_refuses_a_buurt_the_team_does_not_serve(team, balie, foreign_buurt):
    with pytest.raises(ValidationError) as error:
        person_create(team=team, by=balie, first_name="Jan", buurt=foreign_buurt)
    assert "Kies een buurt waar uw team werkt." in str(error.value)
    assert not Person.objects.exists()


def test_person_page_shows_the_buurt(login, balie, team, own_buurt):
    person = PersonFactory(team=team, buurt=own_buurt)
    url = reverse("cases:person_detail", kwargs={"pk": person.pk})
    assert "Afrikaanderwijk" in login(balie).get(url).content.decode()
