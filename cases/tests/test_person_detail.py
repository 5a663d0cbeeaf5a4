from django.urls import reverse

import pytest

from cases.tests.factories import (
    CaseFactory,
    HouseholdMemberFactory,
    PersonFactory,
    QuestionFactory,
)
from wijkteam.models import AccessLogEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(team):
    return PersonFactory(
        team=team, first_name="Henk", last_name="Berg", bsn="111222333"
    )


def url(person):
    return reverse("cases:person_detail", kwargs={"pk": person.pk})


def test_anonymous_goes_to_login(client, person):
    assert client.get(url(person))["Location"].startswith(reverse("login"))


def test_other_team_gets_404(login, outsider, person):
    assert login(outsider).get(url(person)).status_code == 404


def test_role_without_right_is_403(login, kwartiermaker, person):
    assert login(kwartiermaker).get(url(person)).status_code == 403


def test_wrong_method_is_405(login, balie, person):
    assert login(balie).post(url(person)).status_code == 405


def test_shows_history_of_questions_and_logs(login, balie, team, person):
    QuestionFactory(team=team, person=person, text="Vraag over huurtoeslag")
    QuestionFactory(team=team, person=person, queued=True, text="Hulp bij douchen")
    body = login(balie).get(url(person)).content.decode()
    assert "Vraag over huurtoeslag" in body and "Hulp bij douchen" in body
    assert "111222333" in body  # the full BSN only on the person's own page
    assert list(AccessLogEntry.objects.values_list("person_id", flat=True)) == [
        person.pk
    ]


def test_casus_only_for_the_team_workers(login, balie, lid, team, person):
    case = CaseFactory(team=team)
    HouseholdMemberFactory(household=case.household, person=person)
    case_url = reverse("cases:case_detail", kwargs={"pk": case.pk})
    assert case_url not in login(balie).get(url(person)).content.decode()
    assert case_url in login(lid).get(url(person)).content.decode()
