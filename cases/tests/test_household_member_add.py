from django.urls import reverse

import pytest

from cases.models import HouseholdMember, Person
from cases.tests.factories import CaseFactory, HouseholdMemberFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(team, lid):
    case = CaseFactory(team=team, regievoerder=lid)
    HouseholdMemberFactory(household=case.household)
    return case


def url(case):
    return reverse("cases:household_member_add", kwargs={"pk": case.pk})


def test_anonymous_goes_to_login(client, case):
    response = client.post(url(case), {"first_name": "Lina", "relation": "kind"})
    assert response["Location"].startswith(reverse("login"))
    assert HouseholdMember.objects.count() == 1


def test_get_is_405(login, lid, case):
    assert login(lid).get(url(case)).status_code == 405


def test_other_team_is_404(login, outsider, case):
    response = login(outsider).post(url(case), {"first_name": "L", "relation": "kind"})
    assert response.status_code == 404


def test_balie_is_403(login, balie, case):
    response = login(balie).post(url(case), {"first_name": "L", "relation": "kind"})
    assert response.status_code == 403
    assert HouseholdMember.objects.count() == 1


def test_add_known_resident_from_the_search(login, lid, team, case):
    known = PersonFactory(team=team, first_name="Lina")
    response = login(lid).post(
        url(case), {"person_choice": str(known.pk), "relation": "kind"}
    )
    assert response.status_code == 302
    member = HouseholdMember.objects.get(person=known)
    assert member.household == case.household and member.relation == "kind"


def test_add_new_resident(login, lid, case):
    login(lid).post(
        url(case),
        {"person_choice": "nieuw", "first_name": "Noah", "last_name": "Kaya",
         "birth_date": "01-02-2015", "relation": "kind"},
    )  # fmt: skip
    person = Person.objects.get(first_name="Noah")
    assert person.team == case.team
    assert HouseholdMember.objects.filter(person=person).exists()


def test_bad_input_and_duplicates_are_refused(login, lid, team, other_team, case):
    client = login(lid)
    response = client.post(url(case), {"person_choice": "nieuw", "relation": "kind"})
    assert response.status_code == 400
    assert "Vul de voornaam in van het nieuwe lid." in response.content.decode()
    stranger = PersonFactory(team=other_team)
    response = client.post(
        url(case), {"person_choice": str(stranger.pk), "relation": "kind"}
    )
    assert "Kies een inwoner uit de lijst." in response.content.decode()
    existing = case.household.members.get().person
    response = client.post(
        url(case), {"person_choice": str(existing.pk), "relation": "kind"}
    )
    assert "hoort al bij het huishouden" in response.content.decode()
    assert HouseholdMember.objects.count() == 1
