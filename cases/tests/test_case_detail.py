from django.urls import reverse

import pytest

from cases.models import CaseAssignment, JournalEntry
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


def test_wijkteamlid_sees_household_start_question_and_logs(login, lid, case):
    body = login(lid).get(url(case)).content.decode()
    member = case.household.members.get()
    assert member.person.full_name in body
    assert "Ik begrijp een brief van de gemeente niet." in body
    assert "nog niet toegewezen" in body
    assert "Regievoerder toewijzen" not in body  # only the teamleider assigns
    assert set(AccessLogEntry.objects.values_list("person_id", flat=True)) == {
        member.person_id
    }


def test_timeline_has_assignments_and_journal(login, leader, lid, case):
    CaseAssignment.objects.create(case=case, to_user=lid, by=leader, reason="")
    JournalEntry.objects.create(
        case=case, kind="huisbezoek", note="Bij de familie thuis.", author=lid
    )
    body = login(leader).get(url(case)).content.decode()
    timeline = body.split('id="kop-tijdlijn"')[1]
    assert f"Regievoerder: {lid}" in timeline
    assert "Journaal: Huisbezoek" in timeline
    assert "Regievoerder toewijzen" in body


def test_visit_by_the_regievoerder_marks_assignment_seen(login, leader, lid, case):
    case.regievoerder = lid
    case.save()
    assignment = CaseAssignment.objects.create(case=case, to_user=lid, by=leader)
    login(leader).get(url(case))
    assignment.refresh_from_db()
    assert assignment.seen_at is None
    login(lid).get(url(case))
    assignment.refresh_from_db()
    assert assignment.seen_at is not None


def test_query_count_is_constant(login, lid, case, django_assert_max_num_queries):
    client = login(lid)
    with django_assert_max_num_queries(30) as few:
        client.get(url(case))
    for _ in range(5):
        HouseholdMemberFactory(household=case.household, is_main_contact=False)
        JournalEntry.objects.create(case=case, kind="telefoon", note="x", author=lid)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url(case))
