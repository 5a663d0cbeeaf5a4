"""Writes on the plan of a casus: goals, their status, actions, vaststellen.

Every write locks the plan row first, so two people editing the same plan take
turns, and goes through `_changed`: a change to a vastgesteld plan starts the next
concept version (the vastgesteld one stays as its snapshot in PlanVersion).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Count, Min
from django.utils import timezone

from cases.casework.constants import CaseStatus
from cases.intake.constants import ZrmDomain
from cases.models import (
    Case,
    HouseholdMember,
    Plan,
    PlanAction,
    PlanGoal,
    PlanGoalStatusChange,
    PlanVersion,
)
from cases.plan.constants import (
    GOAL_TRANSITIONS,
    ActionWho,
    GoalOwner,
    GoalStatus,
    PlanStatus,
)
from wijkteam.models import User, team_workers
from wijkteam.workflow import transition

DOMAIN_ORDER = {value: index for index, value in enumerate(ZrmDomain.values)}


class PlanError(Exception):
    """A write the plan does not allow (closed casus, wrong owner, nothing to fix)."""


# --- reading -------------------------------------------------------------------


def plan_of(case: Case) -> Plan | None:
    return Plan.objects.filter(case=case).select_related("changed_by").first()


def plan_snapshot(plan: Plan | None) -> dict:
    """Goals (by leefgebied) with their actions, as plain JSON: what a version
    freezes, and what the PDF prints. Two queries, whatever the plan's size."""
    if plan is None:
        return {"number": 1, "goals": []}
    goals = list(plan.goals.all())
    actions: dict[int, list[PlanAction]] = {}
    for action in PlanAction.objects.filter(goal__plan=plan).order_by(
        "due_on", "created_at", "id"
    ):
        actions.setdefault(action.goal_id, []).append(action)
    goals.sort(key=lambda g: (DOMAIN_ORDER.get(g.domain, 99), g.created_at, g.pk))
    return {
        "number": plan.number,
        "goals": [
            {
                "domain": g.domain,
                "domain_label": g.get_domain_display(),
                "text": g.text,
                "owner_kind": g.owner_kind,
                "owner": g.owner_name,
                "status": g.status,
                "status_label": g.get_status_display(),
                "start_on": _iso(g.start_on),
                "target_on": _iso(g.target_on),
                "reached_on": _iso(g.reached_on),
                "actions": [
                    {
                        "what": a.what,
                        "who_kind": a.who_kind,
                        "who": a.who_name,
                        "due_on": _iso(a.due_on),
                        "done_on": _iso(a.done_on),
                    }
                    for a in actions.get(g.pk, [])
                ],
            }
            for g in goals
        ],
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def snapshot_for_display(content: dict) -> list[dict]:
    """The snapshot's goals grouped per leefgebied, dates as dates again."""

    def day(value):
        return dt.date.fromisoformat(value) if value else None

    groups: list[dict] = []
    for goal in content.get("goals", []):
        shown = {
            **goal,
            **{k: day(goal.get(k)) for k in ("start_on", "target_on", "reached_on")},
            "actions": [
                {**a, "due_on": day(a.get("due_on")), "done_on": day(a.get("done_on"))}
                for a in goal.get("actions", [])
            ],
        }
        if not groups or groups[-1]["domain"] != goal["domain"]:
            groups.append(
                {"domain": goal["domain"], "label": goal["domain_label"], "goals": []}
            )
        groups[-1]["goals"].append(shown)
    return groups


# --- writing -------------------------------------------------------------------


def _lock_plan(case: Case, by: User) -> Plan:
    """The casus's plan, created on the first write, locked for this transaction."""
    if Case.objects.filter(pk=case.pk, status=CaseStatus.AFGESLOTEN).exists():
        raise PlanError("De casus is afgesloten: het plan kan niet meer veranderen.")
    plan, _ = Plan.objects.get_or_create(case=case, defaults={"changed_by": by})
    return Plan.objects.select_for_update().get(pk=plan.pk)


def _changed(plan: Plan, by: User) -> None:
    """A vastgesteld plan becomes the next concept; every change is dated."""
    if plan.status == PlanStatus.VASTGESTELD:
        plan.number += 1
        plan.status = PlanStatus.CONCEPT
    plan.changed_at = timezone.now()
    plan.changed_by = by
    plan.save(update_fields=["number", "status", "changed_at", "changed_by"])


def _member_of(case: Case, member: HouseholdMember | None) -> HouseholdMember:
    if member is None or member.household_id != case.household_id:
        raise PlanError("Kies een lid van dit huishouden.")
    return member


def _owner(case: Case, kind: str, member, name: str) -> tuple:
    if kind == GoalOwner.INWONER:
        member = _member_of(case, member)
        return member, member.person.full_name
    if not name.strip():
        raise PlanError("Vul in van wie het doel is.")
    return None, name.strip()[:200]


def goal_add(
    *,
    case: Case,
    by: User,
    domain: str,
    text: str,
    owner_kind: str,
    owner_member: HouseholdMember | None = None,
    owner_name: str = "",
    start_on: dt.date | None = None,
    target_on: dt.date | None = None,
) -> PlanGoal:
    with transaction.atomic():
        plan = _lock_plan(case, by)
        member, name = _owner(case, owner_kind, owner_member, owner_name)
        goal = PlanGoal.objects.create(
            plan=plan,
            domain=domain,
            text=text.strip(),
            owner_kind=owner_kind,
            owner_member=member,
            owner_name=name,
            start_on=start_on or timezone.localdate(),
            target_on=target_on,
            created_by=by,
        )
        PlanGoalStatusChange.objects.create(
            goal=goal, from_status="", to_status=goal.status, by=by
        )
        _changed(plan, by)
    return goal


def goal_edit(
    *,
    goal: PlanGoal,
    by: User,
    domain: str,
    text: str,
    owner_kind: str,
    owner_member: HouseholdMember | None = None,
    owner_name: str = "",
    start_on: dt.date | None = None,
    target_on: dt.date | None = None,
) -> PlanGoal:
    case = goal.plan.case
    with transaction.atomic():
        plan = _lock_plan(case, by)
        member, name = _owner(case, owner_kind, owner_member, owner_name)
        locked = PlanGoal.objects.get(pk=goal.pk, plan=plan)
        locked.domain, locked.text = domain, text.strip()
        locked.owner_kind, locked.owner_member, locked.owner_name = (
            owner_kind,
            member,
            name,
        )
        locked.start_on, locked.target_on = start_on, target_on
        locked.save(
            update_fields=[
                "domain",
                "text",
                "owner_kind",
                "owner_member",
                "owner_name",
                "start_on",
                "target_on",
            ]
        )
        _changed(plan, by)
    return locked


def goal_change_status(
    *,
    goal: PlanGoal,
    to: str,
    by: User,
    note: str = "",
    on: dt.date | None = None,
) -> PlanGoal:
    """Move a goal along GOAL_TRANSITIONS; behaald keeps the date it was reached."""
    with transaction.atomic():
        plan = _lock_plan(goal.plan.case, by)  # the plan's lock guards its goals
        with transition(
            PlanGoal.objects.get(pk=goal.pk, plan=plan),
            to=to,
            by=by,
            note=note,
            transitions=GOAL_TRANSITIONS,
            history=PlanGoalStatusChange,
            lock=False,
            labels=True,
        ) as move:
            move.row.reached_on = (
                (on or timezone.localdate()) if to == "behaald" else None
            )
            move.fields.append("reached_on")
        _changed(plan, by)
    return move.row


def _who(case: Case, kind: str, member, user, name: str) -> tuple:
    if kind == ActionWho.HUISHOUDEN:
        member = _member_of(case, member)
        return member, None, member.person.full_name
    if kind == ActionWho.TEAMLID:
        if user is None or not team_workers(case.team).filter(pk=user.pk).exists():
            raise PlanError("Kies een teamlid van dit team.")
        return None, user, (user.get_full_name() or user.get_username())[:200]
    if not name.strip():
        raise PlanError("Vul in wie de actie doet.")
    return None, None, name.strip()[:200]


def action_add(
    *,
    goal: PlanGoal,
    by: User,
    what: str,
    who_kind: str,
    who_member: HouseholdMember | None = None,
    who_user: User | None = None,
    who_name: str = "",
    due_on: dt.date | None = None,
) -> PlanAction:
    case = goal.plan.case
    with transaction.atomic():
        plan = _lock_plan(case, by)
        member, user, name = _who(case, who_kind, who_member, who_user, who_name)
        action = PlanAction.objects.create(
            goal=PlanGoal.objects.get(pk=goal.pk, plan=plan),
            case=case,
            what=what.strip(),
            who_kind=who_kind,
            who_member=member,
            who_user=user,
            who_name=name,
            due_on=due_on,
            created_by=by,
        )
        _changed(plan, by)
    return action


def action_edit(
    *,
    action: PlanAction,
    by: User,
    what: str,
    who_kind: str,
    who_member: HouseholdMember | None = None,
    who_user: User | None = None,
    who_name: str = "",
    due_on: dt.date | None = None,
    done_on: dt.date | None = None,
) -> PlanAction:
    case = action.case
    with transaction.atomic():
        plan = _lock_plan(case, by)
        member, user, name = _who(case, who_kind, who_member, who_user, who_name)
        locked = PlanAction.objects.get(pk=action.pk, goal__plan=plan)
        locked.what, locked.who_kind = what.strip(), who_kind
        locked.who_member, locked.who_user, locked.who_name = member, user, name
        locked.due_on, locked.done_on = due_on, done_on
        locked.save(
            update_fields=[
                "what",
                "who_kind",
                "who_member",
                "who_user",
                "who_name",
                "due_on",
                "done_on",
            ]
        )
        _changed(plan, by)
    return locked


def action_mark_done(
    *, action: PlanAction, by: User, done_on: dt.date | None = None
) -> PlanAction:
    with transaction.atomic():
        plan = _lock_plan(action.case, by)
        locked = PlanAction.objects.get(pk=action.pk, goal__plan=plan)
        if locked.done_on is not None:
            raise PlanError("Deze actie is al gedaan.")
        locked.done_on = done_on or timezone.localdate()
        locked.save(update_fields=["done_on"])
        _changed(plan, by)
    return locked


def plan_vaststellen(
    *, case: Case, by: User, agreed_with_resident: bool, note: str = ""
) -> PlanVersion:
    """Freeze the current concept as a version: who, when, agreed with the resident."""
    with transaction.atomic():
        plan = _lock_plan(case, by)
        if plan.status == PlanStatus.VASTGESTELD:
            raise PlanError(
                f"Versie {plan.number} is al vastgesteld; er is niets veranderd sinds."
            )
        if not plan.goals.exists():
            raise PlanError("Een plan zonder doelen kan niet worden vastgesteld.")
        version = PlanVersion.objects.create(
            plan=plan,
            number=plan.number,
            vastgesteld_by=by,
            agreed_with_resident=agreed_with_resident,
            note=note.strip()[:500],
            content=plan_snapshot(plan),
        )
        plan.status = PlanStatus.VASTGESTELD
        plan.save(update_fields=["status"])
    return version


# --- the overdue signal (werkbak and casus) ---------------------------------------


def overdue_cases(team, today: dt.date | None = None):
    """Open casussen of the team with actions past their date: `overdue_actions`
    (how many) and `oldest_due` (the earliest date missed), most overdue first."""
    today = today or timezone.localdate()
    return (
        Case.objects.of_team(team)
        .open()
        .filter(
            plan_actions__done_on__isnull=True,
            plan_actions__due_on__lt=today,
            plan_actions__goal__status__in=[GoalStatus.OPEN, GoalStatus.BEZIG],
        )
        .annotate(
            overdue_actions=Count("plan_actions"),
            oldest_due=Min("plan_actions__due_on"),
        )
        .order_by("oldest_due", "pk")
    )


def overdue_count(case: Case) -> int:
    if case.status == CaseStatus.AFGESLOTEN:
        return 0
    return PlanAction.objects.overdue().filter(case=case).count()
