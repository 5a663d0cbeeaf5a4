"""The plan tab: /casussen/<pk>/plan/."""

import datetime as dt

from django.urls import reverse
from django.utils import timezone

import pytest

from cases.intake.constants import ZrmDomain
from cases.models import Plan
from cases.tests.factories import CaseFactory, HouseholdMemberFactory
from cases.tests.factories_plan import PlanActionFactory, PlanGoalFactory
from wijkteam.models import AccessLogEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(team, lid):
    case = CaseFactory(team=team, regievoerder=lid, in_progress=True)
    HouseholdMemberFactory(household=case.household)
    return case


def url(case):
    return reverse("cases:plan", kwargs={"pk": case.pk})


def test_anonymous_goes_to_login(client, case):
    assert client.get(url(case))["Location"].startswith(reverse("login"))


def test_other_team_gets_404(login, outsider, case):
    assert login(outsider).get(url(case)).status_code == 404


@pytest.mark.parametrize("who", ["balie", "kwartiermaker"])
def test_no_plan_for_the_desk_or_the_kwartiermaker(login, request, who, case):
    response = login(request.getfixturevalue(who)).get(url(case))
    assert response.status_code == 403
    assert case.household.name not in response.content.decode()


def test_wrong_method_is_405(login, lid, case):
    assert login(lid).post(url(case)).status_code == 405


def test_empty_plan_invites_a_first_goal_and_writes_nothing(login, lid, case):
    response = login(lid).get(url(case))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Er is nog geen plan" in body and "Doel toevoegen" in body
    assert not Plan.objects.filter(case=case).exists()  # a GET creates no plan
    assert response["Cache-Control"] == "no-store"


def test_goals_per_leefgebied_with_actions_overdue_and_log(login, lid, case):
    late = PlanActionFactory(
        goal=PlanGoalFactory(
            plan__case=case, domain=ZrmDomain.HUISVESTING, text="Een droog huis."
        ),
        overdue=True,
        what="Vochtplek melden",
    )
    PlanActionFactory(
        goal=PlanGoalFactory(plan__case=case, text="Rust in mijn hoofd over geld."),
        what="Budgetcoach bellen",
    )
    body = login(lid).get(url(case)).content.decode()
    # Financiën comes before Huisvesting (ZRM order), whatever was added first
    assert body.index("Financiën") < body.index("Huisvesting")
    assert "Rust in mijn hoofd over geld." in body and "Budgetcoach bellen" in body
    assert body.count(">te laat<") == 1
    assert "Signaal: 1 actie over de datum" in body
    assert f'id="doel-{late.goal_id}"' in body
    persons = set(
        AccessLogEntry.objects.filter(object_id=str(case.pk)).values_list(
            "person_id", flat=True
        )
    )
    assert persons == set(case.household.members.values_list("person_id", flat=True))


def test_closed_casus_plan_is_read_only(login, lid, team):
    closed = CaseFactory(team=team, closed=True)
    PlanActionFactory(goal=PlanGoalFactory(plan__case=closed), overdue=True)
    body = login(lid).get(url(closed)).content.decode()
    assert "Doel toevoegen" not in body and "Wijzigen" not in body
    assert "over de datum" not in body


def test_query_count_is_constant_at_ten_goals_forty_actions(
    login, lid, case, django_assert_max_num_queries
):
    client = login(lid)
    PlanActionFactory(goal=PlanGoalFactory(plan__case=case))
    with django_assert_max_num_queries(25) as few:
        client.get(url(case))
    domains = list(ZrmDomain.values)
    for index in range(9):
        goal = PlanGoalFactory(plan__case=case, domain=domains[index])
        goal.status_changes.create(from_status="", to_status="open", by=lid)
        for n in range(4):
            PlanActionFactory(
                goal=goal,
                due_on=timezone.localdate() + dt.timedelta(days=n - 2),
            )
    PlanActionFactory.create_batch(3, goal=goal)
    HouseholdMemberFactory.create_batch(
        3, household=case.household, is_main_contact=False, relation="kind"
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url(case))
    assert response.content.decode().count('<article id="doel-') == 10
    assert case.plan_actions.count() == 40
