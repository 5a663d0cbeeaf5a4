"""The metingen tab (ZRM, participatieladder) and the moreel beraad tab of a casus.

Both go through `get_case_for_user` (other team 404, balie 403) and write the
access log for every member of the household: their names and scores are shown.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases.constants import CaseStatus, CorrectionAction, CorrectionKind
from cases.forms_measuring import LadderForm, MoralDeliberationForm, ZrmAssessmentForm
from cases.models import Correction, HouseholdMember
from cases.services_measuring import (
    MeasuringError,
    case_measures,
    ladder_measurement_record,
    moral_deliberation_record,
    zrm_assessment_record,
)
from cases.views_casework import get_case_for_user
from wijkteam.access import can
from wijkteam.accesslog import log_access
from wijkteam.constants import AccessAction


def household_members(case) -> list[HouseholdMember]:
    """The household of the casus, with their persons (the tabs show them all)."""
    return list(
        HouseholdMember.objects.filter(household_id=case.household_id).select_related(
            "person"
        )
    )


def log_household_read(
    request, case, members, purpose: str, action=AccessAction.VIEW
) -> None:
    """One access-log row per household member shown on a page of the casus."""
    log_access(
        request,
        action=action,
        person_ids=[m.person_id for m in members] or [None],
        obj=case,
        purpose=purpose,
    )


def _initial() -> dict:
    return {"assessed_on": timezone.localdate(), "measured_on": timezone.localdate()}


def _corrections(case, *kinds) -> list[Correction]:
    return list(case.corrections.filter(kind__in=kinds).select_related("by"))


def _can_correct(request, case, permission: str) -> bool:
    return case.status != CaseStatus.AFGESLOTEN and can(
        request.user, permission, case.team
    )


def _render_metingen(request, case, *, status=200, zrm_form=None, ladder_form=None):
    members = household_members(case)
    log_household_read(request, case, members, "metingen inzien")
    corrections = _corrections(case, CorrectionKind.ZRM, CorrectionKind.LADDER)
    corrected = {
        (c.kind, c.object_id)
        for c in corrections
        if c.action == CorrectionAction.GECORRIGEERD
    }
    measures = case_measures(
        case,
        members,
        corrected={i for k, i in corrected if k == CorrectionKind.ZRM},
    )
    for m in measures:
        for step in m.ladder:
            step.corrected = (CorrectionKind.LADDER, step.pk) in corrected
    return render(
        request,
        "cases/metingen.html",
        {
            "case": case,
            "measures": measures,
            "charts": {f"zrm-{m.person.pk}": m.zrm_chart() for m in measures if m.zrm}
            | {f"ladder-{m.person.pk}": m.ladder_chart() for m in measures if m.ladder},
            "can_edit": can(request.user, "metingen.record", case.team),
            "can_correct": _can_correct(request, case, "metingen.record"),
            "corrections": corrections,
            "zrm_form": zrm_form or ZrmAssessmentForm(case=case, initial=_initial()),
            "ladder_form": ladder_form or LadderForm(case=case, initial=_initial()),
        },
        status=status,
    )


@login_required
@require_GET
def metingen(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "metingen.view")
    return _render_metingen(request, case)


@login_required
@require_POST
def zrm_add(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "metingen.record")
    form = ZrmAssessmentForm(request.POST, case=case)
    if form.is_valid():
        try:
            assessment = zrm_assessment_record(
                case=case, by=request.user, **form.service_kwargs()
            )
        except MeasuringError as exc:
            form.add_error(None, str(exc))
        else:
            log_access(
                request, action=AccessAction.CHANGE,
                person_ids=[assessment.person_id], obj=case,
                purpose="ZRM-meting vastgelegd",
            )  # fmt: skip
            messages.success(request, "De ZRM-meting is vastgelegd.")
            return redirect("cases:metingen", pk=case.pk)
    return _render_metingen(request, case, zrm_form=form, status=400)


@login_required
@require_POST
def ladder_add(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "metingen.record")
    form = LadderForm(request.POST, case=case)
    if form.is_valid():
        try:
            measurement = ladder_measurement_record(
                case=case, by=request.user, **form.cleaned_data
            )
        except MeasuringError as exc:
            form.add_error(None, str(exc))
        else:
            log_access(
                request, action=AccessAction.CHANGE,
                person_ids=[measurement.person_id], obj=case,
                purpose="trede participatieladder vastgelegd",
            )  # fmt: skip
            messages.success(
                request, "De trede op de participatieladder is vastgelegd."
            )
            return redirect("cases:metingen", pk=case.pk)
    return _render_metingen(request, case, ladder_form=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def moreel_beraad(request: HttpRequest, pk: int) -> HttpResponse:
    permission = "moreel_beraad.record" if request.method == "POST" else None
    case = get_case_for_user(request, pk, permission or "moreel_beraad.view")
    members = household_members(case)
    form = MoralDeliberationForm(
        request.POST or None, case=case, initial={"held_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            moral_deliberation_record(case=case, by=request.user, **form.cleaned_data)
        except MeasuringError as exc:
            form.add_error("held_on", str(exc))
        else:
            log_household_read(
                request, case, members, "moreel beraad vastgelegd",
                action=AccessAction.CHANGE,
            )  # fmt: skip
            messages.success(request, "Het moreel beraad is vastgelegd.")
            return redirect("cases:moreel_beraad", pk=case.pk)
    log_household_read(request, case, members, "moreel beraad inzien")
    records = case.moral_deliberations.select_related("recorded_by").prefetch_related(
        "participants"
    )
    records = list(records)
    corrections: dict[int, list[Correction]] = {}
    for c in _corrections(case, CorrectionKind.MOREEL_BERAAD):
        corrections.setdefault(c.object_id, []).append(c)
    for r in records:
        r.corrections_shown = corrections.get(r.pk, [])
    return render(
        request,
        "cases/metingen_moreel_beraad.html",
        {
            "case": case,
            "records": records,
            "form": form,
            "can_edit": can(request.user, "moreel_beraad.record", case.team),
            "can_correct": _can_correct(request, case, "moreel_beraad.record"),
        },
        status=400 if form.is_bound else 200,
    )
