"""The plan's write services: goals, status, actions, vaststellen, versions."""

import datetime as dt

from django.utils import timezone

import pytest

from cases.models import Plan, PlanAction, PlanGoal, PlanGoalStatusChange, PlanVersion
from cases.plan.constants import GoalStatus, PlanStatus
from cases.plan.services import (
    PlanError,
    action_add,
    action_edit,
    action_mark_done,
    goal_add,
    goal_change_status,
    goal_edit,
    overdue_cases,
    overdue_count,
    plan_snapshot,
    plan_vaststellen,
)
from cases.tests.factories import CaseFactory, HouseholdMemberFactory
from cases.tests.factories_plan import PlanActionFactory, PlanGoalFactory
from wijkteam.workflow import TransitionNotAllowed

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def case(team, lid):
    return CaseFactory(team=team, regievoerder=lid, in_progress=True)


@pytest.fixture
def resident(case):
    return HouseholdMemberFactory(household=case.household)


def add_goal(case, by, **extra):
    fields = {
        "domain": "financien",
        "text": "Ik wil geen brieven van deurwaarders meer.",
        "owner_kind": "netwerk",
        "owner_name": "Zus Amina",
    }
    return goal_add(case=case, by=by, **{**fields, **extra})


def test_first_goal_creates_the_plan_with_history(case, lid, resident):
    goal = add_goal(case, lid, owner_kind="inwoner", owner_member=resident)
    assert goal.owner_name == resident.person.full_name
    assert goal.start_on == TODAY
    plan = Plan.objects.get(case=case)
    assert (plan.number, plan.status, plan.changed_by) == (1, "concept", lid)
    history = PlanGoalStatusChange.objects.get(goal=goal)
    assert (history.from_status, history.to_status) == ("", "open")


def test_owner_must_be_of_this_household(case, lid, team):
    stranger = HouseholdMemberFactory(household=CaseFactory(team=team).household)
    with pytest.raises(PlanError):
        add_goal(case, lid, owner_kind="inwoner", owner_member=stranger)
    with pytest.raises(PlanError):
        add_goal(case, lid, owner_kind="professional", owner_name="  ")
    assert not PlanGoal.objects.exists()


def test_closed_casus_plan_cannot_change(team, lid):
    closed = CaseFactory(team=team, closed=True)
    with pytest.raises(PlanError, match="afgesloten"):
        add_goal(closed, lid)
    assert not Plan.objects.exists()


def test_goal_status_follows_the_transitions_and_keeps_history(case, lid):
    goal = add_goal(case, lid)
    goal = goal_change_status(goal=goal, to="bezig", by=lid)
    goal = goal_change_status(goal=goal, to="behaald", by=lid, note="Gelukt!", on=TODAY)
    assert goal.reached_on == TODAY
    with pytest.raises(TransitionNotAllowed):
        goal_change_status(goal=goal, to="vervallen", by=lid)
    goal.refresh_from_db()
    assert goal.status == GoalStatus.BEHAALD
    steps = list(goal.status_changes.values_list("to_status", "note"))
    assert steps == [("open", ""), ("bezig", ""), ("behaald", "Gelukt!")]
    goal = goal_change_status(goal=goal, to="bezig", by=lid)
    assert goal.reached_on is None


def test_goal_edit(case, lid):
    goal = add_goal(case, lid)
    goal = goal_edit(
        goal=goal, by=lid, domain="huisvesting", text="Een droog huis.",
        owner_kind="professional", owner_name="Corporatie Woonstad",
        target_on=TODAY + dt.timedelta(days=30),
    )  # fmt: skip
    goal.refresh_from_db()
    assert (goal.domain, goal.owner_name) == ("huisvesting", "Corporatie Woonstad")


def test_actions_who_is_a_member_a_team_worker_or_a_name(case, lid, resident, leader):
    goal = add_goal(case, lid)
    mine = action_add(
        goal=goal, by=lid, what="Post openen", who_kind="huishouden",
        who_member=resident,
    )  # fmt: skip
    assert mine.who_name == resident.person.full_name and mine.case == case
    ours = action_add(
        goal=goal, by=lid, what="Bellen", who_kind="teamlid", who_user=lid
    )
    assert ours.who_user == lid and ours.who_name == lid.get_full_name()
    with pytest.raises(PlanError):
        action_add(goal=goal, by=lid, what="x", who_kind="extern", who_name="")
    outsider_user = CaseFactory().opened_by
    with pytest.raises(PlanError):
        action_add(
            goal=goal, by=lid, what="x", who_kind="teamlid", who_user=outsider_user
        )
    assert PlanAction.objects.count() == 2
    edited = action_edit(
        action=ours, by=lid, what="Bellen met de bank", who_kind="teamlid",
        who_user=leader, due_on=TODAY,
    )  # fmt: skip
    assert edited.who_user == leader and edited.due_on == TODAY


def test_action_done_once(case, lid):
    action = PlanActionFactory(goal=PlanGoalFactory(plan__case=case))
    done = action_mark_done(action=action, by=lid)
    assert done.done_on == TODAY
    with pytest.raises(PlanError, match="al gedaan"):
        action_mark_done(action=action, by=lid)


def test_vaststellen_freezes_and_a_change_starts_the_next_concept(case, lid):
    with pytest.raises(PlanError, match="zonder doelen"):
        plan_vaststellen(case=case, by=lid, agreed_with_resident=True)
    goal = add_goal(case, lid)
    action_add(goal=goal, by=lid, what="Brief sturen", who_kind="extern",
               who_name="Schuldhulp", due_on=TODAY)  # fmt: skip
    version = plan_vaststellen(
        case=case, by=lid, agreed_with_resident=True, note="Samen besproken"
    )
    assert (version.number, version.agreed_with_resident) == (1, True)
    assert version.content["goals"][0]["text"] == goal.text
    assert version.content["goals"][0]["actions"][0]["what"] == "Brief sturen"
    plan = Plan.objects.get(case=case)
    assert plan.status == PlanStatus.VASTGESTELD
    with pytest.raises(PlanError, match="al vastgesteld"):
        plan_vaststellen(case=case, by=lid, agreed_with_resident=True)
    goal_edit(goal=goal, by=lid, domain="financien", text="Andere woorden.",
              owner_kind="netwerk", owner_name="Zus Amina")  # fmt: skip
    plan.refresh_from_db()
    assert (plan.number, plan.status) == (2, "concept")
    # the frozen version did not move
    version.refresh_from_db()
    assert version.content["goals"][0]["text"] == goal.text
    second = plan_vaststellen(case=case, by=lid, agreed_with_resident=False)
    assert second.number == 2
    assert PlanVersion.objects.filter(plan=plan).count() == 2


def test_snapshot_orders_goals_by_leefgebied(case, lid):
    add_goal(case, lid, domain="justitie", text="Laatste")
    add_goal(case, lid, domain="financien", text="Eerste")
    plan = Plan.objects.get(case=case)
    assert [g["text"] for g in plan_snapshot(plan)["goals"]] == ["Eerste", "Laatste"]


def test_overdue_counts_only_open_actions_of_running_goals_in_open_cases(
    team, case, lid
):
    goal = PlanGoalFactory(plan__case=case)
    PlanActionFactory(goal=goal, overdue=True)
    PlanActionFactory(goal=goal, overdue=True)
    PlanActionFactory(goal=goal, overdue=True, done=True)  # done
    PlanActionFactory(goal=goal)  # due later
    PlanActionFactory(goal=goal, due_on=None)  # no date
    PlanActionFactory(goal=PlanGoalFactory(plan__case=case, status="vervallen"),
                      overdue=True)  # fmt: skip
    closed = CaseFactory(team=team, closed=True)
    PlanActionFactory(goal=PlanGoalFactory(plan__case=closed), overdue=True)
    assert overdue_count(case) == 2
    assert overdue_count(closed) == 0
    rows = list(overdue_cases(team))
    assert [(c.pk, c.overdue_actions) for c in rows] == [(case.pk, 2)]
    assert rows[0].oldest_due == TODAY - dt.timedelta(days=3)
