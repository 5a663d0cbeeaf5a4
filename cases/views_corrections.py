"""Corrections after saving on the metingen and moreel beraad tabs (issue 5):
ZRM-meting corrigeren / intrekken, trede corrigeren / intrekken, moreel beraad
wijzigen. (Betrokkene wijzigen lives with the netwerk tab in views_network.)

The one access check: `get_case_for_user` with the tab's record permission (other
team 404, balie 403), then the object looked up within that casus (404 otherwise).
A closed casus sends the user back to the tab with the reason. Every page shows
the household's members (the member choice) and logs each of them.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from cases.constants import CaseStatus
from cases.forms_measuring import (
    LadderCorrectionForm,
    MoralDeliberationChangeForm,
    WithdrawForm,
    ZrmCorrectionForm,
)
from cases.models import LadderMeasurement, MoralDeliberation, ZrmAssessment
from cases.services_corrections import CLOSED
from cases.services_measuring import (
    MeasuringError,
    ladder_measurement_correct,
    ladder_measurement_withdraw,
    moral_deliberation_change,
    zrm_assessment_correct,
    zrm_assessment_withdraw,
)
from cases.views_casework import get_case_for_user
from cases.views_measuring import household_members, log_household_read
from wijkteam.accesslog import log_access
from wijkteam.constants import AccessAction


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
    log_household_read(request, case, household_members(case), purpose)
    return render(
        request,
        template,
        {"case": case, "form": form, **context},
        status=400 if form.is_bound else 200,
    )


# --- ZRM ---------------------------------------------------------------------------


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


# --- participatieladder -------------------------------------------------------------


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


# --- moreel beraad ------------------------------------------------------------------


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
            log_household_read(
                request, case, household_members(case), "moreel beraad gewijzigd",
                action=AccessAction.CHANGE,
            )  # fmt: skip
            messages.success(request, "Het moreel beraad is gewijzigd.")
            url = reverse("cases:moreel_beraad", args=[case.pk])
            return redirect(f"{url}#beraad-{record.pk}")
    return _page(
        request, case, "cases/moreel_beraad_edit.html", "moreel beraad wijzigen",
        form, record=record,
    )  # fmt: skip
