"""What the plan page shows: goals grouped by leefgebied with their actions,
the transitions each goal may take, the overdue count and the versions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone

from cases.models import HouseholdMember, PlanAction, PlanGoalStatusChange
from cases.plan.constants import (
    GOAL_TRANSITION_LABELS,
    GOAL_TRANSITIONS,
    GoalStatus,
    PlanStatus,
)
from cases.plan.services import DOMAIN_ORDER, plan_of
from wijkteam.workflow import next_statuses


def plan_members(case) -> list[HouseholdMember]:
    """The household, main contact first: the plan's owners and who of an action."""
    return list(
        HouseholdMember.objects.filter(household=case.household)
        .select_related("person")
        .order_by("-is_main_contact", "id")
    )


_MARK = 987654321


class _UrlMaker:
    """The per-goal and per-action URLs of the plan page: reversed once with a
    marker and filled in per row (50 rows × 3 `{% url %}` tags were a third of
    the page's time)."""

    def __init__(self, case):
        def pattern(name, key):
            return reverse(f"cases:{name}", kwargs={"pk": case.pk, key: _MARK})

        self.goal = {
            n: pattern(f"plan_{n}", "goal_pk")
            for n in ("goal_edit", "goal_status", "action_add")
        }
        self.action = {
            n: pattern(f"plan_{n}", "action_pk") for n in ("action_edit", "action_done")
        }

    def for_goal(self, pk: int) -> dict:
        return {n: url.replace(str(_MARK), str(pk)) for n, url in self.goal.items()}

    def for_action(self, pk: int) -> dict:
        return {n: url.replace(str(_MARK), str(pk)) for n, url in self.action.items()}


@dataclass
class PlanPage:
    plan: object | None
    today: dt.date
    groups: list = field(default_factory=list)  # {"domain", "label", "goals"}
    goal_count: int = 0
    overdue: int = 0  # actions past their date under an open or bezig goal
    versions: list = field(default_factory=list)

    @property
    def is_vastgesteld(self) -> bool:
        return bool(self.plan and self.plan.status == PlanStatus.VASTGESTELD)


def _transitions(goal) -> list[tuple[str, str]]:
    allowed = next_statuses(GOAL_TRANSITIONS, goal.status, GoalStatus.choices)
    return [(to, GOAL_TRANSITION_LABELS[to]) for to, _ in allowed]


def plan_page(case) -> PlanPage:
    page = PlanPage(plan=plan_of(case), today=timezone.localdate())
    plan = page.plan
    if plan is None:
        return page
    history = PlanGoalStatusChange.objects.select_related("by")
    goals = list(plan.goals.prefetch_related(Prefetch("status_changes", history)))
    by_goal: dict[int, list[PlanAction]] = {}
    for action in PlanAction.objects.filter(case=case, goal__plan=plan):
        action.overdue = action.is_overdue(page.today)
        by_goal.setdefault(action.goal_id, []).append(action)
    goals.sort(key=lambda g: (DOMAIN_ORDER.get(g.domain, 99), g.created_at, g.pk))
    urls = _UrlMaker(case)
    for goal in goals:
        goal.urls = urls.for_goal(goal.pk)
        goal.action_list = by_goal.get(goal.pk, [])
        for action in goal.action_list:
            action.urls = urls.for_action(action.pk)
        goal.transitions = _transitions(goal)
        if goal.status in (GoalStatus.OPEN, GoalStatus.BEZIG):
            page.overdue += sum(1 for a in goal.action_list if a.overdue)
        if not page.groups or page.groups[-1]["domain"] != goal.domain:
            page.groups.append(
                {"domain": goal.domain, "label": goal.get_domain_display(), "goals": []}
            )
        page.groups[-1]["goals"].append(goal)
    page.goal_count = len(goals)
    page.versions = list(
        plan.versions.select_related("vastgesteld_by").defer("content")
    )
    return page
