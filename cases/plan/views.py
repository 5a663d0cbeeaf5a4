"""The plan tab of a casus: goals per leefgebied, actions, vaststellen, versions.

Access: plan.view / plan.edit (team workers; never the desk), through the casus
(`get_case_for_user`: another team is 404). Every page writes the access log for
the persons of the household, whose names the plan shows.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases.access import get_case_for_user, log_household_access
from cases.casework.constants import CaseStatus
from cases.models import (
    PlanAction,
    PlanGoal,
    PlanVersion,
)
from cases.plan.exports import EXPORT_KIND
from cases.plan.forms import (
    ActionDoneForm,
    ActionForm,
    GoalForm,
    GoalStatusForm,
    VaststellenForm,
)
from cases.plan.reads import plan_members, plan_page
from cases.plan.services import (
    PlanError,
    action_add,
    action_edit,
    action_mark_done,
    goal_add,
    goal_change_status,
    goal_edit,
    plan_vaststellen,
    snapshot_for_display,
)
from wijkteam.access import can, get_object_for_user
from wijkteam.models import ExportJob, team_workers
from wijkteam.workflow import TransitionNotAllowed


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


@login_required
@require_GET
def plan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "plan.view")
    return _render_plan(request, case)


def _render_plan(request, case, *, status=200, goal_form=None, vaststellen_form=None):
    members = plan_members(case)
    log_household_access(request, case, members=members, purpose="plan inzien")
    page = plan_page(case)
    can_edit = _can_edit(request, case)
    return render(
        request,
        "cases/plan.html",
        {
            "case": case,
            "members": members,
            "plan": page.plan,
            "number": page.plan.number if page.plan else 1,
            "is_vastgesteld": page.is_vastgesteld,
            "groups": page.groups,
            "goal_count": page.goal_count,
            "overdue": page.overdue if case.status != CaseStatus.AFGESLOTEN else 0,
            "versions": page.versions,
            "today": page.today,
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
    form = GoalForm(request.POST, members=plan_members(case))
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
    members = plan_members(case)
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
    members = plan_members(case)
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
    members = plan_members(case)
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
    members = plan_members(case)
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
