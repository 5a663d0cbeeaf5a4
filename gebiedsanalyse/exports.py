"""The PDF export of a gebiedsanalyse (registered in apps.py).

Everything of the area page on paper: the CBS key figures with the gemeente and
the country beside them, the trends as tables, the team's sociale infrastructuur
and hulpbronnen in the area and, when the area lies in the team's werkgebied and
the requester may see them, the team's own figures with small-number suppression.
The export belongs to the requester's current team (job.team); the worker builds
the context from the job, so only that team's data ever lands in the PDF.

Two kinds, because what the file holds decides who may fetch it: `gebiedsanalyse`
holds the team figures and needs their permission (`teamfigures.view`); the
desk and the beheerder, who may see the area page but not the team figures, get
`gebiedsanalyse-zonder-teamcijfers` (`area.view`). Jobs made before the split are of
the first kind: they may hold team figures.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from django.db.models import Q
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone

from gebiedsanalyse import figures, teamfigures
from gebiedsanalyse.constants import AreaLevel
from gebiedsanalyse.models import Area, Resource, SocialPlace
from wijkteam.access import can, current_team, require
from wijkteam.exports import ExportKind
from wijkteam.models import Team

KIND = "gebiedsanalyse"
KIND_WITHOUT_TEAM_FIGURES = "gebiedsanalyse-zonder-teamcijfers"


@dataclass(frozen=True)
class AreaForTeam:
    """The exported object: a (public) area as seen by one team."""

    area: Area
    team: Team

    @property
    def pk(self) -> int:
        return self.area.pk


def _get_for_user(request: HttpRequest, object_id: int) -> AreaForTeam:
    team = current_team(request)
    require(request, "area.view", team)
    try:
        area = Area.objects.select_related("parent").get(pk=object_id)
    except (Area.DoesNotExist, ValueError, TypeError):
        raise Http404 from None
    return AreaForTeam(area=area, team=team)


def _describe(obj: AreaForTeam):
    return obj.team, None, f"Gebiedsanalyse {obj.area.name}"


def _team_buurten(team: Team, area: Area):
    """The team's buurten that lie in the area (the area itself for a buurt)."""
    return Area.objects.buurten_of_team(team).filter(
        Q(pk=area.pk) | Q(parent=area) | Q(parent__parent=area)
    )


def team_tables(team: Team, area: Area, period: teamfigures.Period) -> list:
    """The team's own figures for its buurten in the area; [] when it has none.
    Outside a single buurt the row "buurt niet vastgelegd" (team-wide) is left
    out: it does not belong to this area."""
    buurten = list(_team_buurten(team, area))
    if not buurten:
        return []
    buurt = area if area.level == AreaLevel.BUURT else None
    tables = teamfigures.team_figures(
        team=team, period=period, buurten=buurten, buurt=buurt
    )
    if buurt is None:
        tables = [
            teamfigures.Table(
                caption=t.caption,
                columns=t.columns,
                rows=[r for r in t.rows if r[0] != teamfigures.UNKNOWN_BUURT],
            )
            for t in tables
        ]
    return tables


# Value columns per printed table: with the buurt column, six fit an A4 page in
# portrait without breaking a word ("Maatschappelijke participatie", "< 5").
MAX_PRINTED_COLUMNS = 6


def split_columns(
    table: teamfigures.Table, most: int = MAX_PRINTED_COLUMNS
) -> list[teamfigures.Table]:
    """A table too wide for the page as tables of at most `most` value columns,
    each with the buurt column. The parts are about equal (13 columns: 5, 5, 3;
    never a last part of one) and their captions say which part of how many."""
    count = len(table.columns)
    if count <= most:
        return [table]
    size = math.ceil(count / math.ceil(count / most))
    starts = range(0, count, size)
    return [
        teamfigures.Table(
            caption=f"{table.caption} (deel {n} van {len(starts)})",
            columns=table.columns[start : start + size],
            rows=[(label, cells[start : start + size]) for label, cells in table.rows],
        )
        for n, start in enumerate(starts, start=1)
    ]


def build_context(object_id: int, version: int | None, *, job) -> dict:
    area = Area.objects.select_related("parent").get(pk=object_id)
    team = job.team
    period = teamfigures.Period.last_12_months()
    may_see_team_figures = (
        job.kind == KIND
        and job.requested_by is not None
        and can(job.requested_by, "teamfigures.view", team)
    )
    tables = team_tables(team, area, period) if may_see_team_figures else []
    return {
        "area": area,
        "team": team,
        "page": figures.area_page(area),
        "children": list(area.children.order_by("name")),
        "places": list(SocialPlace.objects.for_team(team).in_area(area)),
        "resources": list(Resource.objects.for_team(team).in_area(area)),
        "team_tables": [part for table in tables for part in split_columns(table)],
        "team_figures_shown": may_see_team_figures,
        "period": period,
        "printed_at": timezone.localtime(),
    }


def _page_url(obj: AreaForTeam) -> str:
    return reverse("gebiedsanalyse:area_detail", args=[obj.area.code])


EXPORT_KIND = ExportKind(
    name=KIND,
    label="PDF van de gebiedsanalyse",
    permission="teamfigures.view",
    template="gebiedsanalyse/pdf/gebiedsanalyse.html",
    get_for_user=_get_for_user,
    describe=_describe,
    build_context=build_context,
    page_url=_page_url,
    needs_job=True,
)
EXPORT_KIND_WITHOUT_TEAM_FIGURES = ExportKind(
    name=KIND_WITHOUT_TEAM_FIGURES,
    label="PDF van de gebiedsanalyse (zonder teamcijfers)",
    permission="area.view",
    template="gebiedsanalyse/pdf/gebiedsanalyse.html",
    get_for_user=_get_for_user,
    describe=_describe,
    build_context=build_context,
    page_url=_page_url,
    needs_job=True,
)


def export_kind_for(user, team: Team) -> ExportKind:
    """The kind this user's PDF of an area is: with the team figures if allowed."""
    if can(user, EXPORT_KIND.permission, team):
        return EXPORT_KIND
    return EXPORT_KIND_WITHOUT_TEAM_FIGURES
