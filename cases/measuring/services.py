"""Measuring a casus: writes (`<entity>_<action>`) and the read models the
metingen tab shows (trend per domain, before/after, ladder).

The reads take lists already fetched by the view, so the tab's query count does
not grow with the number of assessments.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from cases.casework.constants import CaseStatus
from cases.intake.constants import ZrmDomain
from cases.measuring.constants import CorrectionAction, CorrectionKind
from cases.models import (
    Case,
    Correction,
    HouseholdMember,
    LadderMeasurement,
    LadderStep,
    MoralDeliberation,
    Person,
    ZrmAssessment,
    ZrmDomainScore,
)


class MeasuringError(ValueError):
    """A measurement that cannot be recorded; the message is for the user."""


def _check_member(case: Case, person: Person) -> None:
    if not HouseholdMember.objects.filter(
        household_id=case.household_id, person=person
    ).exists():
        raise MeasuringError("Deze persoon hoort niet bij het huishouden.")


def _check_date(day: dt.date) -> None:
    if day > timezone.localdate():
        raise MeasuringError("Een meting kan niet in de toekomst liggen.")


def zrm_assessment_record(
    *,
    case: Case,
    person: Person,
    assessed_on: dt.date,
    scores: dict[str, int | None],
    by,
    note: str = "",
) -> ZrmAssessment:
    """One assessment with a row per scored domain; unscored domains get no row."""
    scored = _valid_scores(scores)
    _check_date(assessed_on)
    _check_member(case, person)
    with transaction.atomic():
        assessment = ZrmAssessment.objects.create(
            case=case, person=person, assessed_on=assessed_on, assessed_by=by,
            note=note,
        )  # fmt: skip
        ZrmDomainScore.objects.bulk_create(
            ZrmDomainScore(assessment=assessment, domain=d, score=s)
            for d, s in scored.items()
        )
    return assessment


def ladder_measurement_record(
    *, case: Case, person: Person, measured_on: dt.date, step: int, by, note: str = ""
) -> LadderMeasurement:
    if step not in LadderStep.values:
        raise MeasuringError("Kies een trede van 1 tot en met 6.")
    _check_date(measured_on)
    _check_member(case, person)
    with transaction.atomic():
        return LadderMeasurement.objects.create(
            case=case, person=person, measured_on=measured_on, step=step,
            measured_by=by, note=note,
        )  # fmt: skip


def moral_deliberation_record(
    *,
    case: Case,
    by,
    held_on: dt.date,
    dilemma: str,
    perspectives: str,
    decision: str,
    participants=(),
    other_participants: str = "",
) -> MoralDeliberation:
    if held_on > timezone.localdate():
        raise MeasuringError("Een moreel beraad kan niet in de toekomst liggen.")
    with transaction.atomic():
        record = MoralDeliberation.objects.create(
            case=case, held_on=held_on, dilemma=dilemma, perspectives=perspectives,
            decision=decision, other_participants=other_participants,
            recorded_by=by,
        )  # fmt: skip
        record.participants.set(participants)
    return record


def _valid_scores(scores: dict[str, int | None]) -> dict[str, int]:
    scored = {d: s for d, s in scores.items() if s is not None}
    if not scored:
        raise MeasuringError("Scoor minstens één leefgebied.")
    unknown = set(scored) - set(ZrmDomain.values)
    if unknown:
        raise MeasuringError(f"Onbekend leefgebied: {', '.join(sorted(unknown))}.")
    if any(not 1 <= s <= 5 for s in scored.values()):
        raise MeasuringError("Een score is 1 tot en met 5.")
    return scored


def _score_text(score: int | None) -> str:
    return "niet gescoord" if score is None else str(score)


def _scores_text(scores: dict[str, int]) -> str:
    return ", ".join(
        f"{d.label} {scores[d.value]}" for d in ZrmDomain if d.value in scores
    )


def zrm_assessment_correct(
    *,
    assessment: ZrmAssessment,
    by,
    reason: str,
    person: Person,
    assessed_on: dt.date,
    scores: dict[str, int | None],
    note: str = "",
) -> ZrmAssessment:
    """Change an assessment in place (the trend and the team figures follow: the
    score rows are updated, deleted or added, and the triggers of migration 0011
    keep the latest scores) and record what changed, with the reason."""
    reason = clean_reason(reason, MeasuringError)
    scored = _valid_scores(scores)
    _check_date(assessed_on)
    with transaction.atomic():
        case = lock_open_case(assessment.case, MeasuringError)
        _check_member(case, person)
        locked = (
            ZrmAssessment.objects.select_for_update(of=("self",))
            .select_related("person")
            .get(pk=assessment.pk, case=case)
        )
        rows = {s.domain: s for s in locked.scores.select_for_update()}
        parts = [
            change("lid", locked.person.full_name, person.full_name)
            if locked.person_id != person.pk
            else None,
            change("datum", day(locked.assessed_on), day(assessed_on)),
        ]
        for d in ZrmDomain:
            row, new = rows.get(d.value), scored.get(d.value)
            old = row.score if row else None
            if old == new:
                continue
            parts.append(f"{d.label} {_score_text(old)} → {_score_text(new)}")
            if new is None:
                row.delete()
            elif row is None:
                ZrmDomainScore.objects.create(assessment=locked, domain=d, score=new)
            else:
                row.score = new
                row.save(update_fields=["score"])
        if locked.note != note:
            parts.append("toelichting gewijzigd")
        parts = [p for p in parts if p]
        if not parts:
            raise MeasuringError(NOTHING_CHANGED)
        persons = {locked.person_id, person.pk}
        locked.person, locked.assessed_on, locked.note = person, assessed_on, note
        locked.save(update_fields=["person", "assessed_on", "note"])
        correction_record(
            case=case, kind=CorrectionKind.ZRM,
            action=CorrectionAction.GECORRIGEERD, object_id=locked.pk, by=by,
            reason=reason, summary="; ".join(parts), person_ids=persons,
        )  # fmt: skip
    return locked


def zrm_assessment_withdraw(
    *, assessment: ZrmAssessment, by, reason: str
) -> ZrmAssessment:
    """Delete an assessment entered by mistake; a short summary stays."""
    reason = clean_reason(reason, MeasuringError)
    with transaction.atomic():
        case = lock_open_case(assessment.case, MeasuringError)
        locked = (
            ZrmAssessment.objects.select_for_update(of=("self",))
            .select_related("person")
            .get(pk=assessment.pk, case=case)
        )
        scores = {s.domain: s.score for s in locked.scores.all()}
        summary = (
            f"ZRM-meting van {day(locked.assessed_on)} van "
            f"{locked.person.full_name} ingetrokken ({_scores_text(scores)})"
        )
        correction_record(
            case=case, kind=CorrectionKind.ZRM,
            action=CorrectionAction.INGETROKKEN, object_id=locked.pk, by=by,
            reason=reason, summary=summary, person_ids=[locked.person_id],
        )  # fmt: skip
        locked.delete()
    return locked


def ladder_measurement_correct(
    *,
    measurement: LadderMeasurement,
    by,
    reason: str,
    person: Person,
    measured_on: dt.date,
    step: int,
    note: str = "",
) -> LadderMeasurement:
    reason = clean_reason(reason, MeasuringError)
    if step not in LadderStep.values:
        raise MeasuringError("Kies een trede van 1 tot en met 6.")
    _check_date(measured_on)
    with transaction.atomic():
        case = lock_open_case(measurement.case, MeasuringError)
        _check_member(case, person)
        locked = (
            LadderMeasurement.objects.select_for_update(of=("self",))
            .select_related("person")
            .get(pk=measurement.pk, case=case)
        )
        parts = [
            change("lid", locked.person.full_name, person.full_name)
            if locked.person_id != person.pk
            else None,
            change("datum", day(locked.measured_on), day(measured_on)),
            change("trede", locked.step, step),
            "toelichting gewijzigd" if locked.note != note else None,
        ]
        parts = [p for p in parts if p]
        if not parts:
            raise MeasuringError(NOTHING_CHANGED)
        persons = {locked.person_id, person.pk}
        locked.person, locked.measured_on = person, measured_on
        locked.step, locked.note = step, note
        locked.save(update_fields=["person", "measured_on", "step", "note"])
        correction_record(
            case=case, kind=CorrectionKind.LADDER,
            action=CorrectionAction.GECORRIGEERD, object_id=locked.pk, by=by,
            reason=reason, summary="; ".join(parts), person_ids=persons,
        )  # fmt: skip
    return locked


def ladder_measurement_withdraw(
    *, measurement: LadderMeasurement, by, reason: str
) -> LadderMeasurement:
    reason = clean_reason(reason, MeasuringError)
    with transaction.atomic():
        case = lock_open_case(measurement.case, MeasuringError)
        locked = (
            LadderMeasurement.objects.select_for_update(of=("self",))
            .select_related("person")
            .get(pk=measurement.pk, case=case)
        )
        summary = (
            f"Trede {locked.step} van {day(locked.measured_on)} van "
            f"{locked.person.full_name} ingetrokken"
        )
        correction_record(
            case=case, kind=CorrectionKind.LADDER,
            action=CorrectionAction.INGETROKKEN, object_id=locked.pk, by=by,
            reason=reason, summary=summary, person_ids=[locked.person_id],
        )  # fmt: skip
        locked.delete()
    return locked


def moral_deliberation_change(
    *,
    record: MoralDeliberation,
    by,
    reason: str,
    held_on: dt.date,
    dilemma: str,
    perspectives: str,
    decision: str,
    participants=(),
    other_participants: str = "",
) -> MoralDeliberation:
    """The summary names what changed, not the texts (they stay in the record)
    nor the participants (staff appear in the inzage by role only)."""
    reason = clean_reason(reason, MeasuringError)
    if held_on > timezone.localdate():
        raise MeasuringError("Een moreel beraad kan niet in de toekomst liggen.")
    with transaction.atomic():
        case = lock_open_case(record.case, MeasuringError)
        locked = MoralDeliberation.objects.select_for_update().get(
            pk=record.pk, case=case
        )
        before = set(locked.participants.values_list("pk", flat=True))
        after = {u.pk for u in participants}
        texts = {
            "vraag of dilemma": (locked.dilemma, dilemma),
            "perspectieven": (locked.perspectives, perspectives),
            "besluit": (locked.decision, decision),
            "deelnemers": (
                (before, locked.other_participants),
                (after, other_participants),
            ),
        }
        parts = [change("datum", day(locked.held_on), day(held_on))]
        parts += [f"{label} gewijzigd" for label, (a, b) in texts.items() if a != b]
        parts = [p for p in parts if p]
        if not parts:
            raise MeasuringError(NOTHING_CHANGED)
        locked.held_on, locked.dilemma = held_on, dilemma
        locked.perspectives, locked.decision = perspectives, decision
        locked.other_participants = other_participants
        locked.save(
            update_fields=[
                "held_on", "dilemma", "perspectives", "decision",
                "other_participants",
            ]
        )  # fmt: skip
        locked.participants.set(participants)
        correction_record(
            case=case, kind=CorrectionKind.MOREEL_BERAAD,
            action=CorrectionAction.GEWIJZIGD, object_id=locked.pk, by=by,
            reason=reason, summary="; ".join(parts),
        )  # fmt: skip
    return locked


CLOSED = "De casus is afgesloten: dit kan niet meer worden gecorrigeerd."


NOTHING_CHANGED = "Er is niets veranderd: pas eerst iets aan."


REASON_MISSING = "Geef de reden van de correctie."


def lock_open_case(case: Case, error: type[Exception]) -> Case:
    """Lock the casus row (a status change waits) and refuse a closed casus.
    Call inside the correction's transaction, before locking the corrected row."""
    locked = Case.objects.select_for_update(of=("self",)).get(pk=case.pk)
    if locked.status == CaseStatus.AFGESLOTEN:
        raise error(CLOSED)
    return locked


def clean_reason(reason: str, error: type[Exception]) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise error(REASON_MISSING)
    return reason[:300]


def day(value: dt.date | None) -> str:
    return value.strftime("%d-%m-%Y") if value else "geen"


def change(label: str, before, after) -> str | None:
    """'label before → after', or None when equal."""
    return None if before == after else f"{label} {before} → {after}"


def correction_record(
    *,
    case: Case,
    kind: CorrectionKind,
    action: CorrectionAction,
    object_id: int,
    by,
    summary: str,
    reason: str = "",
    person_ids=(),
) -> Correction:
    return Correction.objects.create(
        case=case,
        kind=kind,
        action=action,
        object_id=object_id,
        by=by,
        reason=reason,
        summary=summary,
        person_ids=sorted(set(person_ids)),
    )
