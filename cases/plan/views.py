"""The plan tab of a casus: goals per leefgebied, actions, vaststellen, versions.

Access: plan.view / plan.edit (team workers; never the desk), through the casus
(`get_case_for_user`: another team is 404). Every page writes the access log for
the persons of the household, whose names the plan shows.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases.access import get_case_for_user, log_household_access
from cases.casework.constants import CaseStatus
from cases.models import (
    HouseholdMember,
    PlanAction,
    PlanGoal,
    PlanGoalStatusChange,
    PlanVersion,
)
from cases.plan.constants import (
    GOAL_TRANSITION_LABELS,
    GOAL_TRANSITIONS,
    GoalStatus,
    PlanStatus,
)
from cases.plan.exports import EXPORT_KIND
from cases.plan.forms import (
    ActionDoneForm,
    ActionForm,
    GoalForm,
    GoalStatusForm,
    VaststellenForm,
)
from cases.plan.services import (
    DOMAIN_ORDER,
    PlanError,
    action_add,
    action_edit,
    action_mark_done,
    goal_add,
    goal_change_status,
    goal_edit,
    plan_of,
    plan_vaststellen,
    snapshot_for_display,
)
from wijkteam.access import can, get_object_for_user
from wijkteam.models import ExportJob, team_workers
from wijkteam.workflow import TransitionNotAllowed


def _members(case) -> list[HouseholdMember]:
    return list(
        HouseholdMember.objects.filter(household=case.household)
        .select_related("person")
        .order_by("-is_main_contact", "id")
    )


def _can_edit(request, case) -> bool:
    return case.status != CaseStatus.AFGESLOTEN and can(
        request.user, "plan.edit", case.team
    )


def _goal_for(request, case, goal_pk: int) -> PlanGoal:
    goal = get_object_for_user(
        request,
        PlanGoal.objects.select_related("plan__case"),
        "plan.edit",
        team_field="plan__case__team",
        pk=goal_pk,
        plan__case=case,
    )
    goal.plan.case = case  # the one already loaded (with its team and household)
    return goal


def _action_for(request, case, action_pk: int) -> PlanAction:
    action = get_object_for_user(
        request,
        PlanAction.objects.select_related("goal"),
        "plan.edit",
        team_field="case__team",
        pk=action_pk,
        case=case,
    )
    action.case = case
    return action


# --- the plan page -------------------------------------------------------------

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


@login_required
@require_GET
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "plan.view")
    return _render_plan(request, case)


def _render_plan(request, case, *, status=200, goal_form=None, vaststellen_form=None):
    members = _members(case)
    log_household_access(request, case, members=members, purpose="plan inzien")
    plan = plan_of(case)
    today = timezone.localdate()
    groups, goals, overdue = [], [], 0
    versions = []
    if plan is not None:
        history = PlanGoalStatusChange.objects.select_related("by")
        goals = list(plan.goals.prefetch_related(Prefetch("status_changes", history)))
        by_goal: dict[int, list[PlanAction]] = {}
        for action in PlanAction.objects.filter(case=case, goal__plan=plan):
            action.overdue = action.is_overdue(today)
            by_goal.setdefault(action.goal_id, []).append(action)
        goals.sort(key=lambda g: (DOMAIN_ORDER.get(g.domain, 99), g.created_at, g.pk))
        urls = _UrlMaker(case)
        for goal in goals:
            goal.urls = urls.for_goal(goal.pk)
            goal.action_list = by_goal.get(goal.pk, [])
            for action in goal.action_list:
                action.urls = urls.for_action(action.pk)
            goal.transitions = [
                (to, GOAL_TRANSITION_LABELS[to])
                for to in GoalStatus.values
                if to in GOAL_TRANSITIONS.get(goal.status, ())
            ]
            if goal.status in (GoalStatus.OPEN, GoalStatus.BEZIG):
                overdue += sum(1 for a in goal.action_list if a.overdue)
            if not groups or groups[-1]["domain"] != goal.domain:
                groups.append(
                    {
                        "domain": goal.domain,
                        "label": goal.get_domain_display(),
                        "goals": [],
                    }
                )
            groups[-1]["goals"].append(goal)
        versions = list(plan.versions.select_related("vastgesteld_by").defer("content"))
    can_edit = _can_edit(request, case)
    return render(
        request,
        "cases/plan.html",
        {
            "case": case,
            "members": members,
            "plan": plan,
            "number": plan.number if plan else 1,
            "is_vastgesteld": bool(plan and plan.status == PlanStatus.VASTGESTELD),
            "groups": groups,
            "goal_count": len(goals),
            "overdue": overdue if case.status != CaseStatus.AFGESLOTEN else 0,
            "versions": versions,
            "today": today,
            "can_edit": can_edit,
            "goal_form": goal_form or (GoalForm(members=members) if can_edit else None),
            "vaststellen_form": vaststellen_form or VaststellenForm(),
            "jobs": ExportJob.objects.filter(
                kind=EXPORT_KIND.name, object_id=case.pk
            ).select_related("requested_by")[:3],
        },
        status=status,
    )


@login_required
@require_POST
def plan_goal_add(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "plan.edit")
    form = GoalForm(request.POST, members=_members(case))
    if form.is_valid():
        try:
            goal_add(case=case, by=request.user, **form.cleaned_data)
        except PlanError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "Het doel is toegevoegd.")
            return redirect("cases:plan", pk=case.pk)
    return _render_plan(request, case, goal_form=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def plan_goal_edit(request: HttpRequest, pk: int, goal_pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "plan.edit")
    goal = _goal_for(request, case, goal_pk)
    members = _members(case)
    fields = ("domain", "text", "owner_kind", "owner_name", "start_on", "target_on")
    initial = {f: getattr(goal, f) for f in fields}
    initial["owner_member"] = goal.owner_member_id
    form = GoalForm(request.POST or None, members=members, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            goal_edit(goal=goal, by=request.user, **form.cleaned_data)
        except PlanError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "Het doel is aangepast.")
            return redirect("cases:plan", pk=case.pk)
    log_household_access(request, case, members=members, purpose="doel wijzigen")
    return render(
        request,
        "cases/plan_goal_edit.html",
        {"case": case, "goal": goal, "form": form},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_POST
def plan_goal_status(request: HttpRequest, pk: int, goal_pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "plan.edit")
    goal = _goal_for(request, case, goal_pk)
    form = GoalStatusForm(request.POST, goal=goal)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors.get("to", ["Kies een status."])))
        return redirect("cases:plan", pk=case.pk)
    try:
        goal = goal_change_status(goal=goal, by=request.user, **form.cleaned_data)
    except (TransitionNotAllowed, PlanError) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, f"Het doel staat nu op: {goal.get_status_display().lower()}."
        )
    return redirect("cases:plan", pk=case.pk)


# --- actions -------------------------------------------------------------------


def _action_page(request, case, goal, form, members, *, action=None):
    log_household_access(
        request,
        case,
        members=members,
        purpose="actie wijzigen" if action else "actie toevoegen",
    )
    return render(
        request,
        "cases/plan_action_form.html",
        {"case": case, "goal": goal, "action": action, "form": form},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def plan_action_add(request: HttpRequest, pk: int, goal_pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "plan.edit")
    goal = _goal_for(request, case, goal_pk)
    members = _members(case)
    form = ActionForm(
        request.POST or None,
        members=members,
        workers=list(team_workers(case.team).order_by("first_name", "last_name")),
    )
    if request.method == "POST" and form.is_valid():
        try:
            action_add(goal=goal, by=request.user, **form.cleaned_data)
        except PlanError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "De actie is toegevoegd.")
            return redirect(_plan_url(case, goal))
    return _action_page(request, case, goal, form, members)


@login_required
@require_http_methods(["GET", "POST"])
def plan_action_edit(request: HttpRequest, pk: int, action_pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "plan.edit")
    action = _action_for(request, case, action_pk)
    members = _members(case)
    fields = ("what", "who_kind", "who_name", "due_on", "done_on")
    initial = {f: getattr(action, f) for f in fields}
    initial.update(who_member=action.who_member_id, who_user=action.who_user_id)
    form = ActionForm(
        request.POST or None,
        members=members,
        workers=list(team_workers(case.team).order_by("first_name", "last_name")),
        with_done=True,
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        try:
            action_edit(action=action, by=request.user, **form.cleaned_data)
        except PlanError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "De actie is aangepast.")
            return redirect(_plan_url(case, action.goal))
    return _action_page(request, case, action.goal, form, members, action=action)


@login_required
@require_POST
def plan_action_done(request: HttpRequest, pk: int, action_pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "plan.edit")
    action = _action_for(request, case, action_pk)
    form = ActionDoneForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["done_on"]))
        return redirect(_plan_url(case, action.goal))
    try:
        action_mark_done(
            action=action, by=request.user, done_on=form.cleaned_data["done_on"]
        )
    except PlanError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Gedaan: {action.what}.")
    return redirect(_plan_url(case, action.goal))


def _plan_url(case, goal) -> str:
    return f"{reverse('cases:plan', args=[case.pk])}#doel-{goal.pk}"


# --- vaststellen and versions ---------------------------------------------------


@login_required
@require_POST
def plan_vaststellen_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "plan.edit")
    form = VaststellenForm(request.POST)
    if not form.is_valid():
        return _render_plan(request, case, vaststellen_form=form, status=400)
    try:
        version = plan_vaststellen(case=case, by=request.user, **form.cleaned_data)
    except PlanError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, f"Versie {version.number} van het plan is vastgesteld."
        )
    return redirect("cases:plan", pk=case.pk)


@login_required
@require_GET
def plan_version(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "plan.view")
    version = (
        PlanVersion.objects.select_related("vastgesteld_by")
        .filter(plan__case=case, number=number)
        .first()
    )
    if version is None:
        raise Http404
    members = _members(case)
    log_household_access(
        request, case, members=members, purpose=f"planversie {number} inzien"
    )
    return render(
        request,
        "cases/plan_version.html",
        {
            "case": case,
            "version": version,
            "groups": snapshot_for_display(version.content),
            "today": timezone.localdate(),
        },
    )
