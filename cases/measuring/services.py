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


def _lock_for_correction(model, record, person: Person | None = None):
    """Lock the open casus, then the measurement within it (404-like DoesNotExist
    for one of another casus); a new member must belong to the household."""
    case = lock_open_case(record.case, MeasuringError)
    if person is not None:
        _check_member(case, person)
    locked = (
        model.objects.select_for_update(of=("self",))
        .select_related("person")
        .get(pk=record.pk, case=case)
    )
    return case, locked


def _correct(case, locked, *, kind, by, reason, person, parts, values) -> None:
    """Save the corrected `values` and record the correction, or refuse when
    nothing changed. `parts` are the summary's pieces (None for no change)."""
    parts = [p for p in parts if p]
    if not parts:
        raise MeasuringError(NOTHING_CHANGED)
    persons = {locked.person_id, person.pk}
    for name, value in values.items():
        setattr(locked, name, value)
    locked.save(update_fields=list(values))
    correction_record(
        case=case, kind=kind, action=CorrectionAction.GECORRIGEERD,
        object_id=locked.pk, by=by, reason=reason, summary="; ".join(parts),
        person_ids=persons,
    )  # fmt: skip


def _withdraw(model, record, *, kind, by, reason: str, summary):
    """Delete a measurement entered by mistake; `summary(locked)` stays."""
    reason = clean_reason(reason, MeasuringError)
    with transaction.atomic():
        case, locked = _lock_for_correction(model, record)
        correction_record(
            case=case, kind=kind, action=CorrectionAction.INGETROKKEN,
            object_id=locked.pk, by=by, reason=reason, summary=summary(locked),
            person_ids=[locked.person_id],
        )  # fmt: skip
        locked.delete()
    return locked


def _member_change(locked, person: Person) -> str | None:
    if locked.person_id == person.pk:
        return None
    return change("lid", locked.person.full_name, person.full_name)


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
        case, locked = _lock_for_correction(ZrmAssessment, assessment, person)
        rows = {s.domain: s for s in locked.scores.select_for_update()}
        parts = [
            _member_change(locked, person),
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
        _correct(
            case, locked, kind=CorrectionKind.ZRM, by=by, reason=reason,
            person=person, parts=parts,
            values={"person": person, "assessed_on": assessed_on, "note": note},
        )  # fmt: skip
    return locked


def zrm_assessment_withdraw(
    *, assessment: ZrmAssessment, by, reason: str
) -> ZrmAssessment:
    """Delete an assessment entered by mistake; a short summary stays."""

    def summary(locked):
        scores = {s.domain: s.score for s in locked.scores.all()}
        return (
            f"ZRM-meting van {day(locked.assessed_on)} van "
            f"{locked.person.full_name} ingetrokken ({_scores_text(scores)})"
        )

    return _withdraw(
        ZrmAssessment, assessment, kind=CorrectionKind.ZRM, by=by, reason=reason,
        summary=summary,
    )  # fmt: skip


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
        case, locked = _lock_for_correction(LadderMeasurement, measurement, person)
        parts = [
            _member_change(locked, person),
            change("datum", day(locked.measured_on), day(measured_on)),
            change("trede", locked.step, step),
            "toelichting gewijzigd" if locked.note != note else None,
        ]
        _correct(
            case, locked, kind=CorrectionKind.LADDER, by=by, reason=reason,
            person=person, parts=parts,
            values={
                "person": person, "measured_on": measured_on, "step": step,
                "note": note,
            },
        )  # fmt: skip
    return locked


def ladder_measurement_withdraw(
    *, measurement: LadderMeasurement, by, reason: str
) -> LadderMeasurement:
    return _withdraw(
        LadderMeasurement, measurement, kind=CorrectionKind.LADDER, by=by,
        reason=reason,
        summary=lambda locked: (
            f"Trede {locked.step} van {day(locked.measured_on)} van "
            f"{locked.person.full_name} ingetrokken"
        ),
    )  # fmt: skip


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
