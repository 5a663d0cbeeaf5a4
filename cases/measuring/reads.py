from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone

from cases.intake.constants import ZrmDomain
from cases.measuring.constants import CorrectionKind
from cases.models import (
    Case,
    Correction,
    HouseholdMember,
    LadderMeasurement,
    Person,
    Vraagverheldering,
)


@dataclass
class ZrmPoint:
    """One column of a member's trend: an assessment or the intake quick scan."""

    on: dt.date
    by: str
    scores: dict[str, int]  # domain -> score; absent = not scored
    quickscan: bool = False
    assessment_id: int | None = None  # None for the quick scan
    corrected: bool = False

    @property
    def label(self) -> str:
        text = self.on.strftime("%d-%m-%Y")
        return f"{text} (quickscan)" if self.quickscan else text


@dataclass
class Comparison:
    """Before/after per domain: first vs latest (and at closure when closed)."""

    first: ZrmPoint
    latest: ZrmPoint
    at_closure: ZrmPoint | None
    rows: list[dict] = field(default_factory=list)


@dataclass
class MemberMeasures:
    member: HouseholdMember
    zrm: list[ZrmPoint]
    ladder: list[LadderMeasurement]
    comparison: Comparison | None = None

    @property
    def person(self) -> Person:
        return self.member.person

    def zrm_table(self) -> list[tuple[str, list[int | None]]]:
        """Rows per domain, a cell per point (None = not scored)."""
        return [(d.label, [p.scores.get(d.value) for p in self.zrm]) for d in ZrmDomain]

    def zrm_chart(self) -> dict:
        return {
            "type": "line",
            "min": 1,
            "max": 5,
            "labels": [p.label for p in self.zrm],
            "datasets": [  # a domain never scored has no line (the table shows –)
                {"label": label, "data": cells}
                for label, cells in self.zrm_table()
                if any(c is not None for c in cells)
            ],
        }

    def ladder_chart(self) -> dict:
        return {
            "type": "line",
            "min": 1,
            "max": 6,
            "stepped": True,
            "labels": [m.measured_on.strftime("%d-%m-%Y") for m in self.ladder],
            "datasets": [
                {"label": "Trede", "data": [m.step for m in self.ladder]},
            ],
        }


def _quickscan_points(case: Case) -> dict[int, ZrmPoint]:
    """The ZRM quick scan of the vraagverheldering that opened the casus, per person."""
    points = {}
    rows = Vraagverheldering.objects.filter(question__case=case).select_related(
        "question", "recorded_by"
    )
    for vv in rows:
        person_id = vv.question.person_id
        scores = {
            d: int(s)
            for d, s in vv.zrm_scores.items()
            if d in ZrmDomain.values and s not in (None, "")
        }
        if person_id and scores and person_id not in points:
            points[person_id] = ZrmPoint(
                on=vv.held_on, by=str(vv.recorded_by), scores=scores, quickscan=True
            )
    return points


def _comparison(points: list[ZrmPoint], closed_on: dt.date | None) -> Comparison:
    assessments = [p for p in points if not p.quickscan] or points
    first, latest = points[0], assessments[-1]
    at_closure = None
    if closed_on is not None:
        before = [p for p in assessments if p.on <= closed_on]
        at_closure = before[-1] if before else None
    end = at_closure or latest
    rows = []
    for d in ZrmDomain:
        a, b = first.scores.get(d.value), end.scores.get(d.value)
        rows.append(
            {
                "domain": d.label,
                "first": a,
                "latest": latest.scores.get(d.value),
                "at_closure": at_closure.scores.get(d.value) if at_closure else None,
                "change": (b - a) if a is not None and b is not None else None,
            }
        )
    return Comparison(first=first, latest=latest, at_closure=at_closure, rows=rows)


def case_measures(
    case: Case, members: list[HouseholdMember], corrected=frozenset()
) -> list[MemberMeasures]:
    """Everything the metingen tab shows, per member: a fixed number of queries.
    `corrected`: ids of the assessments corrected after saving (marked)."""
    assessments = list(
        case.zrm_assessments.select_related("assessed_by").prefetch_related("scores")
    )
    ladder = list(
        case.ladder_measurements.select_related("measured_by").order_by(
            "measured_on", "id"
        )
    )
    quickscans = _quickscan_points(case)
    closed_on = timezone.localdate(case.closed_at) if case.closed_at else None
    result = []
    for member in members:
        points = (
            [quickscans[member.person_id]] if member.person_id in quickscans else []
        )
        points += [
            ZrmPoint(
                on=a.assessed_on,
                by=str(a.assessed_by),
                scores={s.domain: s.score for s in a.scores.all()},
                assessment_id=a.pk,
                corrected=a.pk in corrected,
            )
            for a in assessments
            if a.person_id == member.person_id
        ]
        measures = MemberMeasures(
            member=member,
            zrm=points,
            ladder=[m for m in ladder if m.person_id == member.person_id],
        )
        if points:
            measures.comparison = _comparison(points, closed_on)
        result.append(measures)
    return result


def corrections_of(case, *kinds) -> list[Correction]:
    return list(case.corrections.filter(kind__in=kinds).select_related("by"))


def moral_deliberations(case) -> list:
    """The casus's moreel beraad records, each with its corrections shown."""
    records = list(
        case.moral_deliberations.select_related("recorded_by").prefetch_related(
            "participants"
        )
    )
    corrections: dict[int, list[Correction]] = {}
    for c in corrections_of(case, CorrectionKind.MOREEL_BERAAD):
        corrections.setdefault(c.object_id, []).append(c)
    for r in records:
        r.corrections_shown = corrections.get(r.pk, [])
    return records
