"""Actions: add (page per goal), edit (page), gedaan (POST)."""

from django.urls import reverse
from django.utils import timezone

import pytest

from cases.models import PlanAction
from cases.tests.factories import CaseFactory, HouseholdMemberFactory
from cases.tests.factories_plan import PlanActionFactory, PlanGoalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case(team, lid):
    return CaseFactory(team=team, regievoerder=lid, in_progress=True)


@pytest.fixture
def goal(case):
    return PlanGoalFactory(plan__case=case)


@pytest.fixture
def action(goal):
    return PlanActionFactory(goal=goal, overdue=True)


def add_url(goal):
    return reverse(
        "cases:plan_action_add", kwargs={"pk": goal.plan.case_id, "goal_pk": goal.pk}
    )


def edit_url(action):
    return reverse(
        "cases:plan_action_edit", kwargs={"pk": action.case_id, "action_pk": action.pk}
    )


def done_url(action):
    return reverse(
        "cases:plan_action_done", kwargs={"pk": action.case_id, "action_pk": action.pk}
    )


def test_add_access(client, login, outsider, balie, lid, goal):
    data = {"what": "x", "who_kind": "extern", "who_name": "x"}
    assert client.get(add_url(goal))["Location"].startswith(reverse("login"))
    assert login(outsider).post(add_url(goal), data).status_code == 404
    assert login(balie).post(add_url(goal), data).status_code == 403
    assert login(lid).put(add_url(goal)).status_code == 405
    assert not PlanAction.objects.exists()


def test_add_for_a_household_member_and_a_team_member(login, lid, leader, goal, case):
    resident = HouseholdMemberFactory(household=case.household)
    client = login(lid)
    page = client.get(add_url(goal)).content.decode()
    assert resident.person.full_name in page and str(leader) in page
    response = client.post(
        add_url(goal),
        {"what": "Post openen met zus", "who_kind": "huishouden",
         "who_member": resident.pk, "due_on": "01-12-2026"},
    )  # fmt: skip
    assert response.status_code == 302
    assert response["Location"].endswith(f"#doel-{goal.pk}")
    client.post(
        add_url(goal),
        {"what": "Schuldhulp bellen", "who_kind": "teamlid", "who_user": leader.pk},
    )
    rows = list(PlanAction.objects.order_by("id").values_list("who_name", "case_id"))
    assert rows == [
        (resident.person.full_name, case.pk),
        (leader.get_full_name(), case.pk),
    ]


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"what": ""}, "Schrijf op wat er gebeurt."),
        ({"who_kind": "huishouden"}, "Kies het lid van het huishouden"),
        ({"who_kind": "teamlid", "who_user": "999999"}, "Kies het teamlid"),
        ({"who_kind": "netwerk", "who_name": ""}, "Vul de naam in"),
        ({"due_on": "morgen"}, "Vul de datum in als dd-mm-jjjj."),
    ],
)
def test_add_bad_input_saves_nothing(login, lid, goal, extra, message):
    data = {"what": "Bellen", "who_kind": "extern", "who_name": "Bank", **extra}
    response = login(lid).post(add_url(goal), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not PlanAction.objects.exists()


def test_edit_access_and_happy(client, login, outsider, balie, lid, action):
    data = {"what": "Nieuw", "who_kind": "netwerk", "who_name": "Buurman Piet",
            "due_on": "", "done_on": "02-11-2026"}  # fmt: skip
    assert client.get(edit_url(action))["Location"].startswith(reverse("login"))
    assert login(outsider).post(edit_url(action), data).status_code == 404
    assert login(balie).get(edit_url(action)).status_code == 403
    client = login(lid)
    assert client.get(edit_url(action)).status_code == 200
    assert client.post(edit_url(action), data).status_code == 302
    action.refresh_from_db()
    assert (action.what, action.who_name) == ("Nieuw", "Buurman Piet")
    assert action.done_on.isoformat() == "2026-11-02" and action.due_on is None


def test_edit_bad_input_saves_nothing(login, lid, action):
    before = action.what
    response = login(lid).post(edit_url(action), {"what": "", "who_kind": "extern"})
    assert response.status_code == 400
    action.refresh_from_db()
    assert action.what == before


def test_done_access(client, login, outsider, balie, lid, action):
    assert client.post(done_url(action))["Location"].startswith(reverse("login"))
    assert login(outsider).post(done_url(action)).status_code == 404
    assert login(balie).post(done_url(action)).status_code == 403
    assert login(lid).get(done_url(action)).status_code == 405
    action.refresh_from_db()
    assert action.done_on is None


def test_done_today_and_bad_date(login, lid, action):
    client = login(lid)
    response = client.post(done_url(action), {"done_on": "gisteren"}, follow=True)
    assert "Vul de datum in als dd-mm-jjjj." in response.content.decode()
    action.refresh_from_db()
    assert action.done_on is None
    assert client.post(done_url(action)).status_code == 302
    action.refresh_from_db()
    assert action.done_on == timezone.localdate()


def test_action_of_another_casus_is_404(login, lid, team, action):
    other = CaseFactory(team=team)
    url = reverse(
        "cases:plan_action_edit", kwargs={"pk": other.pk, "action_pk": action.pk}
    )
    assert login(lid).get(url).status_code == 404
