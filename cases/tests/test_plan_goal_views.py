"""Goals: add (POST on the plan page), edit (page), status (POST)."""

from django.urls import reverse

import pytest

from cases.models import Plan, PlanGoal
from cases.tests.factories import CaseFactory, HouseholdMemberFactory
from cases.tests.factories_plan import PlanGoalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(team, lid):
    return CaseFactory(team=team, regievoerder=lid, in_progress=True)


@pytest.fixture
def resident(case):
    return HouseholdMemberFactory(household=case.household)


@pytest.fixture
def goal(case):
    return PlanGoalFactory(plan__case=case)


def add_url(case):
    return reverse("cases:plan_goal_add", kwargs={"pk": case.pk})


def edit_url(goal):
    return reverse(
        "cases:plan_goal_edit", kwargs={"pk": goal.plan.case_id, "goal_pk": goal.pk}
    )


def status_url(goal):
    return reverse(
        "cases:plan_goal_status", kwargs={"pk": goal.plan.case_id, "goal_pk": goal.pk}
    )


def data(resident, **extra):
    return {
        "domain": "sociaal_netwerk",
        "text": "Ik wil weer eens per week iemand spreken.",
        "owner_kind": "inwoner",
        "owner_member": resident.pk,
        "start_on": "01-11-2026",
        "target_on": "01-02-2027",
        **extra,
    }


# --- add --------------------------------------------------------------------------


def test_add_anonymous_goes_to_login(client, case):
    assert client.post(add_url(case))["Location"].startswith(reverse("login"))


def test_add_other_team_gets_404(login, outsider, case, resident):
    assert login(outsider).post(add_url(case), data(resident)).status_code == 404
    assert not Plan.objects.exists()


def test_add_get_is_405(login, lid, case):
    assert login(lid).get(add_url(case)).status_code == 405


def test_add_balie_403(login, balie, case, resident):
    assert login(balie).post(add_url(case), data(resident)).status_code == 403
    assert not PlanGoal.objects.exists()


def test_add_happy(login, lid, case, resident):
    response = login(lid).post(add_url(case), data(resident))
    assert response.status_code == 302
    goal = PlanGoal.objects.get()
    assert goal.owner_member == resident and goal.plan.case == case
    assert goal.start_on.isoformat() == "2026-11-01"


@pytest.mark.parametrize(
    ("extra", "field_error"),
    [
        ({"text": ""}, "Schrijf het doel op zoals de inwoner het zegt."),
        ({"domain": ""}, "Kies het leefgebied."),
        ({"owner_member": ""}, "Kies het lid van het huishouden"),
        ({"owner_kind": "netwerk", "owner_name": ""}, "Vul de naam in"),
        ({"target_on": "31-12-2020"}, "De streefdatum ligt vóór de startdatum."),
        ({"start_on": "32-13-2026"}, "Vul de datum in als dd-mm-jjjj."),
    ],
)
def test_add_bad_input_saves_nothing(login, lid, case, resident, extra, field_error):
    response = login(lid).post(add_url(case), data(resident, **extra))
    assert response.status_code == 400
    assert field_error in response.content.decode()
    assert not PlanGoal.objects.exists() and not Plan.objects.exists()


def test_add_member_of_another_household_is_refused(login, lid, case, team):
    other = HouseholdMemberFactory(household=CaseFactory(team=team).household)
    response = login(lid).post(add_url(case), data(other))
    assert response.status_code == 400
    assert not PlanGoal.objects.exists()


# --- edit -------------------------------------------------------------------------


def test_edit_access(client, login, outsider, balie, lid, goal):
    assert client.get(edit_url(goal))["Location"].startswith(reverse("login"))
    assert login(outsider).get(edit_url(goal)).status_code == 404
    assert login(balie).get(edit_url(goal)).status_code == 403
    assert login(lid).delete(edit_url(goal)).status_code == 405


def test_edit_goal_of_another_casus_is_404(login, lid, team, goal):
    other_case = CaseFactory(team=team)
    url = reverse(
        "cases:plan_goal_edit", kwargs={"pk": other_case.pk, "goal_pk": goal.pk}
    )
    assert login(lid).get(url).status_code == 404


def test_edit_get_and_post(login, lid, goal):
    client = login(lid)
    page = client.get(edit_url(goal)).content.decode()
    assert goal.text in page
    response = client.post(
        edit_url(goal),
        {"domain": "huisvesting", "text": "Een huis zonder schimmel.",
         "owner_kind": "professional", "owner_name": "Woonstad"},
    )  # fmt: skip
    assert response.status_code == 302
    goal.refresh_from_db()
    assert (goal.text, goal.owner_name) == ("Een huis zonder schimmel.", "Woonstad")


def test_edit_bad_input_saves_nothing(login, lid, goal):
    before = goal.text
    response = login(lid).post(
        edit_url(goal), {"domain": "huisvesting", "text": "", "owner_kind": "netwerk"}
    )
    assert response.status_code == 400
    goal.refresh_from_db()
    assert goal.text == before


# --- status -----------------------------------------------------------------------


def test_status_access(client, login, outsider, balie, lid, goal):
    assert client.post(status_url(goal))["Location"].startswith(reverse("login"))
    assert login(outsider).post(status_url(goal), {"to": "bezig"}).status_code == 404
    assert login(balie).post(status_url(goal), {"to": "bezig"}).status_code == 403
    assert login(lid).get(status_url(goal)).status_code == 405
    goal.refresh_from_db()
    assert goal.status == "open"


def test_status_happy_and_not_allowed(login, lid, goal):
    client = login(lid)
    assert client.post(status_url(goal), {"to": "behaald"}).status_code == 302
    goal.refresh_from_db()
    assert goal.status == "behaald" and goal.reached_on
    response = client.post(status_url(goal), {"to": "vervallen"}, follow=True)
    assert "kan het doel niet naar die status" in response.content.decode()
    goal.refresh_from_db()
    assert goal.status == "behaald"
    assert goal.status_changes.count() == 1
