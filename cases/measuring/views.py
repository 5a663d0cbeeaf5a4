"""The metingen tab (ZRM, participatieladder) and the moreel beraad tab of a casus.

Both go through `get_case_for_user` (other team 404, balie 403) and write the
access log for every member of the household: their names and scores are shown.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases.access import get_case_for_user, household_members, log_household_access
from cases.casework.constants import CaseStatus
from cases.measuring.constants import CorrectionAction, CorrectionKind
from cases.measuring.forms import (
    LadderCorrectionForm,
    LadderForm,
    MoralDeliberationChangeForm,
    MoralDeliberationForm,
    WithdrawForm,
    ZrmAssessmentForm,
    ZrmCorrectionForm,
)
from cases.measuring.reads import case_measures, corrections_of, moral_deliberations
from cases.measuring.services import (
    CLOSED,
    MeasuringError,
    ladder_measurement_correct,
    ladder_measurement_record,
    ladder_measurement_withdraw,
    moral_deliberation_change,
    moral_deliberation_record,
    zrm_assessment_correct,
    zrm_assessment_record,
    zrm_assessment_withdraw,
)
from cases.models import (
    LadderMeasurement,
    MoralDeliberation,
    ZrmAssessment,
)
from wijkteam.access import can
from wijkteam.accesslog import log_access
from wijkteam.constants import AccessAction


def _initial() -> dict:
    return {"assessed_on": timezone.localdate(), "measured_on": timezone.localdate()}


def _can_correct(request, case, permission: str) -> bool:
    return case.status != CaseStatus.AFGESLOTEN and can(
        request.user, permission, case.team
    )


def _render_metingen(request, case, *, status=200, zrm_form=None, ladder_form=None):
    members = household_members(case)
    log_household_access(request, case, members=members, purpose="metingen inzien")
    corrections = corrections_of(case, CorrectionKind.ZRM, CorrectionKind.LADDER)
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
            log_household_access(
                request,
                case,
                members=members,
                purpose="moreel beraad vastgelegd",
                action=AccessAction.CHANGE,
            )
            messages.success(request, "Het moreel beraad is vastgelegd.")
            return redirect("cases:moreel_beraad", pk=case.pk)
    log_household_access(request, case, members=members, purpose="moreel beraad inzien")
    return render(
        request,
        "cases/metingen_moreel_beraad.html",
        {
            "case": case,
            "records": moral_deliberations(case),
            "form": form,
            "can_edit": can(request.user, "moreel_beraad.record", case.team),
            "can_correct": _can_correct(request, case, "moreel_beraad.record"),
        },
        status=400 if form.is_bound else 200,
    )


# Corrections after saving on the metingen and moreel beraad tabs:
# ZRM-meting corrigeren / intrekken, trede corrigeren / intrekken, moreel beraad
# wijzigen. (Betrokkene wijzigen lives with the netwerk tab in cases/network/views.py.)
#
# The one access check: `get_case_for_user` with the tab's record permission (other
# team 404, balie 403), then the object looked up within that casus (404 otherwise).
# A closed casus sends the user back to the tab with the reason. Every page shows
# the household's members (the member choice) and logs each of them.


def _post(request):
    return request.POST if request.method == "POST" else None


def _closed(request, case, tab: str) -> HttpResponse | None:
    if case.status != CaseStatus.AFGESLOTEN:
        return None
    messages.error(request, CLOSED)
    return redirect(tab, pk=case.pk)


def _changed(request, case, person_ids, purpose: str) -> None:
    log_access(
        request, action=AccessAction.CHANGE, person_ids=sorted(set(person_ids)),
        obj=case, purpose=purpose,
    )  # fmt: skip


def _metingen_url(case, person_id: int) -> str:
    return f"{reverse('cases:metingen', args=[case.pk])}#kop-lid-{person_id}"


def _page(request, case, template: str, purpose: str, form, **context):
    log_household_access(
        request, case, members=household_members(case), purpose=purpose
    )
    return render(
        request,
        template,
        {"case": case, "form": form, **context},
        status=400 if form.is_bound else 200,
    )


def _assessment(case, pk: int) -> ZrmAssessment:
    return get_object_or_404(
        ZrmAssessment.objects.select_related("person", "assessed_by")
        .prefetch_related("scores"),
        pk=pk,
        case=case,
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def zrm_correct(request: HttpRequest, pk: int, assessment_pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "metingen.record")
    assessment = _assessment(case, assessment_pk)
    if closed := _closed(request, case, "cases:metingen"):
        return closed
    form = ZrmCorrectionForm(
        _post(request), case=case, initial=ZrmCorrectionForm.initial_for(assessment)
    )
    if form.is_bound and form.is_valid():
        before = assessment.person_id
        try:
            corrected = zrm_assessment_correct(
                assessment=assessment, by=request.user, **form.service_kwargs()
            )
        except MeasuringError as exc:
            form.add_error(None, str(exc))
        else:
            _changed(
                request, case, [before, corrected.person_id], "ZRM-meting gecorrigeerd"
            )
            messages.success(request, "De ZRM-meting is gecorrigeerd.")
            return redirect(_metingen_url(case, corrected.person_id))
    return _page(
        request, case, "cases/metingen_zrm_correct.html", "ZRM-meting corrigeren",
        form, assessment=assessment,
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def zrm_withdraw(request: HttpRequest, pk: int, assessment_pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "metingen.record")
    assessment = _assessment(case, assessment_pk)
    if closed := _closed(request, case, "cases:metingen"):
        return closed
    form = WithdrawForm(_post(request))
    if form.is_bound and form.is_valid():
        try:
            zrm_assessment_withdraw(
                assessment=assessment, by=request.user, **form.cleaned_data
            )
        except MeasuringError as exc:
            form.add_error(None, str(exc))
        else:
            _changed(request, case, [assessment.person_id], "ZRM-meting ingetrokken")
            messages.success(request, "De ZRM-meting is ingetrokken.")
            return redirect(_metingen_url(case, assessment.person_id))
    scores = sorted(assessment.scores.all(), key=lambda s: s.get_domain_display())
    return _page(
        request, case, "cases/metingen_withdraw.html", "ZRM-meting intrekken", form,
        what="ZRM-meting", measured=assessment, on=assessment.assessed_on,
        details=", ".join(f"{s.get_domain_display()} {s.score}" for s in scores),
    )  # fmt: skip


def _measurement(case, pk: int) -> LadderMeasurement:
    return get_object_or_404(
        LadderMeasurement.objects.select_related("person", "measured_by"),
        pk=pk,
        case=case,
    )


@login_required
@require_http_methods(["GET", "POST"])
def ladder_correct(request: HttpRequest, pk: int, measurement_pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "metingen.record")
    measurement = _measurement(case, measurement_pk)
    if closed := _closed(request, case, "cases:metingen"):
        return closed
    initial = {
        "person": measurement.person_id,
        "measured_on": measurement.measured_on,
        "step": measurement.step,
        "note": measurement.note,
    }
    form = LadderCorrectionForm(_post(request), case=case, initial=initial)
    if form.is_bound and form.is_valid():
        before = measurement.person_id
        try:
            corrected = ladder_measurement_correct(
                measurement=measurement, by=request.user, **form.cleaned_data
            )
        except MeasuringError as exc:
            form.add_error(None, str(exc))
        else:
            _changed(request, case, [before, corrected.person_id], "trede gecorrigeerd")
            messages.success(request, "De trede is gecorrigeerd.")
            return redirect(_metingen_url(case, corrected.person_id))
    return _page(
        request, case, "cases/metingen_ladder_correct.html", "trede corrigeren",
        form, measurement=measurement,
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def ladder_withdraw(request: HttpRequest, pk: int, measurement_pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "metingen.record")
    measurement = _measurement(case, measurement_pk)
    if closed := _closed(request, case, "cases:metingen"):
        return closed
    form = WithdrawForm(_post(request))
    if form.is_bound and form.is_valid():
        try:
            ladder_measurement_withdraw(
                measurement=measurement, by=request.user, **form.cleaned_data
            )
        except MeasuringError as exc:
            form.add_error(None, str(exc))
        else:
            _changed(request, case, [measurement.person_id], "trede ingetrokken")
            messages.success(request, "De trede is ingetrokken.")
            return redirect(_metingen_url(case, measurement.person_id))
    return _page(
        request, case, "cases/metingen_withdraw.html", "trede intrekken", form,
        what="trede op de participatieladder", measured=measurement,
        on=measurement.measured_on, details=measurement.get_step_display(),
    )  # fmt: skip


@login_required
@require_http_methods(["GET", "POST"])
def moreel_beraad_edit(request: HttpRequest, pk: int, record_pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "moreel_beraad.record")
    record = get_object_or_404(MoralDeliberation, pk=record_pk, case=case)
    if closed := _closed(request, case, "cases:moreel_beraad"):
        return closed
    initial = {
        f: getattr(record, f)
        for f in ("held_on", "dilemma", "perspectives", "decision")
    } | {
        "other_participants": record.other_participants,
        "participants": list(record.participants.values_list("pk", flat=True)),
    }
    form = MoralDeliberationChangeForm(
        _post(request), case=case, record=record, initial=initial
    )
    if form.is_bound and form.is_valid():
        try:
            moral_deliberation_change(
                record=record, by=request.user, **form.cleaned_data
            )
        except MeasuringError as exc:
            form.add_error(None, str(exc))
        else:
            log_household_access(
                request,
                case,
                members=household_members(case),
                purpose="moreel beraad gewijzigd",
                action=AccessAction.CHANGE,
            )
            messages.success(request, "Het moreel beraad is gewijzigd.")
            url = reverse("cases:moreel_beraad", args=[case.pk])
            return redirect(f"{url}#beraad-{record.pk}")
    return _page(
        request, case, "cases/moreel_beraad_edit.html", "moreel beraad wijzigen",
        form, record=record,
    )  # fmt: skip
