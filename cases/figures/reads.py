"""The team's own figures per buurt: aggregates of its casework, never persons.

Each table is one GROUP BY query in the database (conditional counts per column,
no loop over rows in Python); every cell goes through `suppress_small`, so a count
below 5 is shown as "< 5". Only the current team's questions and casussen count.
A question or casus is placed in the buurt of its resident (`Person.buurt`); for a
casus that is the household's main contact person. Those buurten are copied onto
the question, the casus and the latest ZRM scores by database triggers, so the
queries join no persons (see docs/performance.md).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import (
    Avg,
    BooleanField,
    CharField,
    Count,
    Exists,
    F,
    Func,
    OuterRef,
    Q,
    Value,
)
from django.utils import timezone

from cases.intake.constants import Channel, ZrmDomain
from cases.models import Case, Question, ZrmDomainScore, ZrmLatestScore
from gebiedsanalyse.constants import AreaLevel
from gebiedsanalyse.models import Area
from gebiedsanalyse.services import SMALL_NUMBER, suppress_small
from wijkteam.access import can
from wijkteam.models import Team

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
        questions = questions.filter(buurt=buurt)
    return questions


def _by_buurt(rows, key: str) -> dict:
    return {row.pop(key): row for row in rows}


class InArray(Func):
    """`value = ANY(array)`: per row about a third cheaper than the `array @>
    ARRAY[value]` of `__contains` (13 of them per question, see
    docs/performance.md)."""

    arg_joiner = " = ANY("
    template = "(%(expressions)s))"
    output_field = BooleanField()

    def __init__(self, value: str, array: str):
        super().__init__(Value(value, output_field=CharField()), F(array))


def _domain_counts() -> dict:
    return {
        f"d_{d.value}": Count("pk", filter=InArray(d.value, "domains"))
        for d in ZrmDomain
    }


def _channel_counts() -> dict:
    return {f"c_{c.value}": Count("pk", filter=Q(channel=c.value)) for c in Channel}


def question_counts(team, period: Period, buurt=None, *, counts=None) -> dict:
    """One GROUP BY over the team's questions per buurt: {buurt id: {key: n}}.
    Both question tables are read from it (one scan, not one per table)."""
    counts = counts if counts is not None else {**_domain_counts(), **_channel_counts()}
    # Question.buurt is the person's, kept by a trigger: no join of every person.
    rows = (
        _questions(team, period, buurt)
        .values("buurt")
        .annotate(alle=Count("pk"), **counts)
        .order_by()
    )
    return _by_buurt(list(rows), "buurt")


def _questions_table(buurten, buurt, *, counted, keys, caption, labels):
    return Table(
        caption=caption,
        columns=["Alle vragen", *labels],
        rows=_rows(counted, buurten, ["alle", *keys], buurt is None),
    )


def questions_by_leefgebied(
    *, team, period: Period, buurten, buurt=None, counted=None
) -> Table:
    """Vragen per buurt per leefgebied (a question can name several leefgebieden)."""
    counts = _domain_counts()
    if counted is None:
        counted = question_counts(team, period, buurt, counts=counts)
    return _questions_table(
        buurten,
        buurt,
        counted=counted,
        keys=list(counts),
        caption="Vragen per buurt en leefgebied",
        labels=ZrmDomain.labels,
    )


def questions_by_channel(
    *, team, period: Period, buurten, buurt=None, counted=None
) -> Table:
    """Instroomkanalen per buurt: how the questions came in."""
    counts = _channel_counts()
    if counted is None:
        counted = question_counts(team, period, buurt, counts=counts)
    return _questions_table(
        buurten,
        buurt,
        counted=counted,
        keys=list(counts),
        caption="Instroomkanalen per buurt",
        labels=Channel.labels,
    )


def cases_by_buurt(*, team, period: Period, buurten, buurt=None) -> Table:
    """Casussen geopend in the period, by the buurt of the household's main contact.

    `Case.main_contact_buurt` is that buurt, kept by triggers (cases migration
    0013): no join of every casus's members and persons (docs/performance.md).
    """
    start, end = period.bounds()
    cases = Case.objects.filter(team=team, opened_at__gte=start, opened_at__lt=end)
    if buurt is not None:
        cases = cases.filter(main_contact_buurt=buurt)
    rows = (
        cases.values("main_contact_buurt")
        .annotate(
            geopend=Count("pk"), lopend=Count("pk", filter=Q(closed_at__isnull=True))
        )
        .order_by()
    )
    return Table(
        caption="Casussen per buurt",
        columns=["Geopend in de periode", "Waarvan nog lopend"],
        rows=_rows(
            _by_buurt(list(rows), "main_contact_buurt"),
            buurten,
            ["geopend", "lopend"],
            buurt is None,
        ),
    )


# --- average ZRM per leefgebied ---------------------------------------


def format_average(average, persons: int) -> str:
    """An average is only shown over 5 or more persons; else "< 5" (never the mean)."""
    if not persons or persons < SMALL_NUMBER:
        return f"< {SMALL_NUMBER}"
    return f"{average:.1f}".replace(".", ",")


def _latest_scores_in_period(team, period: Period):
    """Per person and domain the latest score in the period, by an anti-join: a
    score counts when no later one of the same person and domain lies on or
    before the period's end. Used for a period that ends in the past."""
    # The person is the team's own, so the inner query needs no team join.
    later = ZrmDomainScore.objects.filter(
        assessment__person_id=OuterRef("assessment__person_id"),
        domain=OuterRef("domain"),
        assessment__assessed_on__lte=period.end,
    ).filter(
        Q(assessment__assessed_on__gt=OuterRef("assessment__assessed_on"))
        | Q(
            assessment__assessed_on=OuterRef("assessment__assessed_on"),
            assessment_id__gt=OuterRef("assessment_id"),
        )
    )
    return (
        ZrmDomainScore.objects.filter(
            assessment__case__team=team,
            assessment__assessed_on__gte=period.start,
            assessment__assessed_on__lte=period.end,
        )
        .filter(~Exists(later))
        .annotate(buurt_id=F("assessment__person__buurt"))
    )


def _latest_scores(team, period: Period):
    """The same rows from the trigger-kept `ZrmLatestScore` (one row per person
    and domain): right only when the period ends today or later, since no
    assessment lies in the future (`cases.measuring.services._check_date`), so the
    latest score overall is the latest in the period."""
    return ZrmLatestScore.objects.filter(
        team=team,
        assessed_on__gte=period.start,
        assessed_on__lte=period.end,
    )


def zrm_by_buurt(*, team, period: Period, buurten, buurt=None) -> Table:
    """Gemiddelde ZRM per buurt per leefgebied: one GROUP BY in the database.

    Per person and domain only the latest score in the period counts (a person
    assessed three times is one person, not three); the buurt is the person's.
    A cell with fewer than 5 persons shows "< 5", never its average. A period up
    to today (the page's default) reads the kept latest scores; one that ends in
    the past searches the scores (see docs/performance.md).
    """
    if period.end >= timezone.localdate():
        scores = _latest_scores(team, period)
    else:
        scores = _latest_scores_in_period(team, period)
    if buurt is not None:
        scores = scores.filter(buurt_id=buurt.pk)
    rows = (
        scores.values("buurt_id", "domain")
        .annotate(
            average=Avg("score"),
            # One row per person and domain is left: counting rows counts
            # persons (COUNT DISTINCT would sort 10^5..10^6 rows). The score,
            # never NULL, not the id: the kept table's index covers it.
            persons=Count("score"),
        )
        .order_by()
    )
    cells: dict = {}
    for row in rows:
        cells.setdefault(row["buurt_id"], {})[row["domain"]] = format_average(
            row["average"], row["persons"]
        )
    labels = [(b.pk, b.name) for b in buurten]
    if buurt is None:
        labels.append((None, UNKNOWN_BUURT))
    below = f"< {SMALL_NUMBER}"
    return Table(
        caption="Gemiddelde ZRM-score per buurt en leefgebied (1 tot 5)",
        columns=ZrmDomain.labels,
        rows=[
            (label, [cells.get(pk, {}).get(d, below) for d in ZrmDomain.values])
            for pk, label in labels
        ],
    )


def team_figures(*, team, period: Period, buurten, buurt=None) -> list[Table]:
    """All tables; `buurt` narrows to one of the team's buurten."""
    shown = [buurt] if buurt is not None else list(buurten)
    kwargs = {"team": team, "period": period, "buurten": shown, "buurt": buurt}
    counted = question_counts(team, period, buurt)
    return [
        questions_by_leefgebied(**kwargs, counted=counted),
        questions_by_channel(**kwargs, counted=counted),
        cases_by_buurt(**kwargs),
        zrm_by_buurt(**kwargs),  # gemiddelde ZRM
    ]


# --- the team's figures in the area PDF (gebiedsanalyse/exports.py) -------------


def _team_buurten(team: Team, area: Area):
    """The team's buurten that lie in the area (the area itself for a buurt)."""
    return Area.objects.buurten_of_team(team).filter(
        Q(pk=area.pk) | Q(parent=area) | Q(parent__parent=area)
    )


def team_tables(team: Team, area: Area, period: Period) -> list:
    """The team's own figures for its buurten in the area; [] when it has none.
    Outside a single buurt the row "buurt niet vastgelegd" (team-wide) is left
    out: it does not belong to this area."""
    buurten = list(_team_buurten(team, area))
    if not buurten:
        return []
    buurt = area if area.level == AreaLevel.BUURT else None
    tables = team_figures(team=team, period=period, buurten=buurten, buurt=buurt)
    if buurt is None:
        tables = [
            Table(
                caption=t.caption,
                columns=t.columns,
                rows=[r for r in t.rows if r[0] != UNKNOWN_BUURT],
            )
            for t in tables
        ]
    return tables


def area_pdf_context(*, area: Area, team: Team, user) -> dict:
    """The team's own figures of the last 12 months for the area PDF, shown only
    to a requester with the right (`teamfigures.view`)."""
    period = Period.last_12_months()
    shown = user is not None and can(user, "teamfigures.view", team)
    return {
        "team_tables": team_tables(team, area, period) if shown else [],
        "team_figures_shown": shown,
        "period": period,
    }
