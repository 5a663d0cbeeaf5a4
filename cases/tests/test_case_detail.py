from django.urls import reverse

import pytest

from cases.tests.factories import CaseFactory, HouseholdMemberFactory, QuestionFactory
from wijkteam.models import AccessLogEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(team):
    case = CaseFactory(team=team)
    member = HouseholdMemberFactory(household=case.household)
    QuestionFactory(team=team, person=member.person, case=case, status="casus")
    return case


def url(case):
    return reverse("cases:case_detail", kwargs={"pk": case.pk})


def test_anonymous_goes_to_login(client, case):
    assert client.get(url(case))["Location"].startswith(reverse("login"))


def test_other_team_gets_404(login, outsider, case):
    assert login(outsider).get(url(case)).status_code == 404


def test_balie_never_sees_casus_contents(login, balie, case):
    response = login(balie).get(url(case))
    assert response.status_code == 403
    assert case.household.name not in response.content.decode()


def test_wrong_method_is_405(login, lid, case):
    assert login(lid).post(url(case)).status_code == 405


def test_wijkteamlid_sees_household_and_start_question(login, lid, case):
    body = login(lid).get(url(case)).content.decode()
    member = case.household.members.get()
    assert member.person.full_name in body
    assert "Ik begrijp een brief van de gemeente niet." in body
    assert "nog niet toegewezen" in body
    assert set(AccessLogEntry.objects.values_list("person_id", flat=True)) == {
        member.person_id
    }
