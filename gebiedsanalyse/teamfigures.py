"""The team's own figures per buurt: aggregates of its casework, never persons.

Each table is one GROUP BY query in the database (conditional counts per column,
no loop over rows in Python); every cell goes through `suppress_small`, so a count
below 5 is shown as "< 5". Only the current team's questions and casussen count.
A question or casus is placed in the buurt of its resident (`Person.buurt`); for a
casus that is the household's main contact person.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone

from cases.constants import Channel, ZrmDomain
from cases.models import Case, HouseholdMember, Question
from gebiedsanalyse.services import suppress_small

UNKNOWN_BUURT = "Buurt niet vastgelegd"


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive

    @classmethod
    def last_12_months(cls, today: dt.date | None = None) -> Period:
        today = today or timezone.localdate()
        try:
            year_ago = today.replace(year=today.year - 1)
        except ValueError:  # 29 February
            year_ago = today.replace(year=today.year - 1, day=28)
        return cls(start=year_ago + dt.timedelta(days=1), end=today)

    def bounds(self) -> tuple[dt.datetime, dt.datetime]:
        """[start 00:00, day after end 00:00) in the local time zone."""
        tz = timezone.get_current_timezone()
        return (
            dt.datetime.combine(self.start, dt.time.min, tzinfo=tz),
            dt.datetime.combine(
                self.end + dt.timedelta(days=1), dt.time.min, tzinfo=tz
            ),
        )


@dataclass(frozen=True)
class Table:
    caption: str
    columns: list[str]
    rows: list[tuple[str, list[str]]]  # (buurt, suppressed cells)


def _rows(counts: dict, buurten, keys: list[str], with_unknown: bool):
    """Rows for the given buurten (and buurt unknown); absent counts are 0."""
    labels = [(b.pk, b.name) for b in buurten]
    if with_unknown:
        labels.append((None, UNKNOWN_BUURT))
    return [
        (label, [suppress_small(counts.get(pk, {}).get(k, 0)) for k in keys])
        for pk, label in labels
    ]


def _questions(team, period: Period, buurt=None):
    start, end = period.bounds()
    questions = Question.objects.filter(
        team=team, registered_at__gte=start, registered_at__lt=end
    )
    if buurt is not None:
        questions = questions.filter(person__buurt=buurt)
    return questions


def _by_buurt(rows, key: str) -> dict:
    return {row.pop(key): row for row in rows}


def _questions_table(team, period, buurten, buurt, *, counts, caption, labels):
    """One GROUP BY over the team's questions per buurt, a count per column."""
    rows = (
        _questions(team, period, buurt)
        .values("person__buurt")
        .annotate(alle=Count("pk"), **counts)
        .order_by()
    )
    return Table(
        caption=caption,
        columns=["Alle vragen", *labels],
        rows=_rows(
            _by_buurt(list(rows), "person__buurt"),
            buurten,
            ["alle", *counts],
            buurt is None,
        ),
    )


def questions_by_leefgebied(*, team, period: Period, buurten, buurt=None) -> Table:
    """Vragen per buurt per leefgebied (a question can name several leefgebieden)."""
    counts = {
        d.value: Count("pk", filter=Q(domains__contains=[d.value])) for d in ZrmDomain
    }
    return _questions_table(
        team,
        period,
        buurten,
        buurt,
        counts=counts,
        caption="Vragen per buurt en leefgebied",
        labels=ZrmDomain.labels,
    )


def questions_by_channel(*, team, period: Period, buurten, buurt=None) -> Table:
    """Instroomkanalen per buurt: how the questions came in."""
    counts = {c.value: Count("pk", filter=Q(channel=c.value)) for c in Channel}
    return _questions_table(
        team,
        period,
        buurten,
        buurt,
        counts=counts,
        caption="Instroomkanalen per buurt",
        labels=Channel.labels,
    )


def cases_by_buurt(*, team, period: Period, buurten, buurt=None) -> Table:
    """Casussen geopend in the period, by the buurt of the household's main contact."""
    start, end = period.bounds()
    main_buurt = Subquery(
        HouseholdMember.objects.filter(
            household=OuterRef("household_id"), is_main_contact=True
        ).values("person__buurt")[:1]
    )
    cases = Case.objects.filter(
        team=team, opened_at__gte=start, opened_at__lt=end
    ).annotate(main_buurt=main_buurt)
    if buurt is not None:
        cases = cases.filter(main_buurt=buurt.pk)
    rows = (
        cases.values("main_buurt")
        .annotate(
            geopend=Count("pk"), lopend=Count("pk", filter=Q(closed_at__isnull=True))
        )
        .order_by()
    )
    return Table(
        caption="Casussen per buurt",
        columns=["Geopend in de periode", "Waarvan nog lopend"],
        rows=_rows(
            _by_buurt(list(rows), "main_buurt"),
            buurten,
            ["geopend", "lopend"],
            buurt is None,
        ),
    )


def team_figures(*, team, period: Period, buurten, buurt=None) -> list[Table]:
    """All tables; `buurt` narrows to one of the team's buurten."""
    shown = [buurt] if buurt is not None else list(buurten)
    kwargs = {"team": team, "period": period, "buurten": shown, "buurt": buurt}
    return [
        questions_by_leefgebied(**kwargs),
        questions_by_channel(**kwargs),
        cases_by_buurt(**kwargs),
    ]
