"""Actions past their date: a signal on the werkbak and on the casus overview."""

from django.urls import reverse

import pytest

from cases.tests.factories import CaseFactory, HouseholdMemberFactory
from cases.tests.factories_plan import PlanActionFactory, PlanGoalFactory

pytestmark = pytest.mark.django_db
WERKBAK = reverse("cases:werkbak")


def late_case(team, name, n=1, **kwargs):
    case = CaseFactory(team=team, household__name=name, **kwargs)
    HouseholdMemberFactory(household=case.household)
    goal = PlanGoalFactory(plan__case=case)
    PlanActionFactory.create_batch(n, goal=goal, overdue=True)
    PlanActionFactory(goal=goal)  # not yet due
    return case


def test_werkbak_lists_casussen_with_overdue_actions(login, leader, team, other_team):
    late_case(team, "Huishouden Laat", n=2)
    late_case(team, "Huishouden Dicht", closed=True)
    late_case(other_team, "Huishouden Elders")
    on_time = CaseFactory(team=team, household__name="Huishouden Op Tijd")
    PlanActionFactory(goal=PlanGoalFactory(plan__case=on_time))
    body = login(leader).get(WERKBAK).content.decode()
    section = body.split('id="kop-acties-te-laat"')[1].split("</section>")[0]
    assert "Huishouden Laat" in section and "2 acties" in section
    for absent in ("Huishouden Dicht", "Huishouden Elders", "Huishouden Op Tijd"):
        assert absent not in section
    assert "<strong>1</strong> met acties over de datum" in body


def test_werkbak_query_count_stays_constant_with_overdue_casussen(
    login, leader, team, django_assert_max_num_queries
):
    client = login(leader)
    late_case(team, "Huishouden Een")
    with django_assert_max_num_queries(25) as few:
        client.get(WERKBAK)
    for n in range(6):
        late_case(team, f"Huishouden {n}", n=3)
    with django_assert_max_num_queries(len(few.captured_queries)):
        body = client.get(WERKBAK).content.decode()
    assert "<strong>7</strong> met acties over de datum" in body


def test_casus_overview_shows_the_signal(login, lid, team):
    case = late_case(team, "Huishouden Laat", n=3)
    body = login(lid).get(reverse("cases:case_detail", args=[case.pk])).content.decode()
    assert "Signaal: 3 acties uit het plan over de datum." in body
    quiet = CaseFactory(team=team)
    body = (
        login(lid).get(reverse("cases:case_detail", args=[quiet.pk])).content.decode()
    )
    assert "uit het plan over de datum" not in body
