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
from dataclasses import dataclass, replace

from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string

from gebiedsanalyse import reads
from gebiedsanalyse.models import Area, Resource, SocialPlace
from wijkteam.access import can, current_team, require
from wijkteam.exports import ExportKind
from wijkteam.models import Team
from wijkteam.registry import declared

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


# Value columns per printed table: with the buurt column, six fit an A4 page in
# portrait without breaking a word ("Maatschappelijke participatie", "< 5").
MAX_PRINTED_COLUMNS = 6


def split_columns(table, most: int = MAX_PRINTED_COLUMNS) -> list:
    """A table too wide for the page as tables of at most `most` value columns,
    each with the buurt column. The parts are about equal (13 columns: 5, 5, 3;
    never a last part of one) and their captions say which part of how many.
    Any dataclass with `caption`, `columns` and `rows` (label, cells) will do:
    the tables come from another app (the team's figures, cases/figures/)."""
    count = len(table.columns)
    if count <= most:
        return [table]
    size = math.ceil(count / math.ceil(count / most))
    starts = range(0, count, size)
    return [
        replace(
            table,
            caption=f"{table.caption} (deel {n} van {len(starts)})",
            columns=table.columns[start : start + size],
            rows=[(label, cells[start : start + size]) for label, cells in table.rows],
        )
        for n, start in enumerate(starts, start=1)
    ]


def build_context(object_id: int, version: int | None, *, job) -> dict:
    area = Area.objects.select_related("parent").get(pk=object_id)
    team = job.team
    context = {
        "area": area,
        "team": team,
        "page": reads.area_page(area),
        "children": list(area.children.order_by("name")),
        "places": list(SocialPlace.objects.for_team(team).in_area(area)),
        "resources": list(Resource.objects.for_team(team).in_area(area)),
        "team_tables": [],
        "team_figures_shown": False,
        "printed_at": timezone.localtime(),
    }
    # What other apps add to an area's PDF (the team's own figures, from its
    # casework: cases/figures/), declared as `area_pdf_context` on their AppConfig.
    # Only the kind with team figures asks for them, whoever requested it.
    requester = job.requested_by if job.kind == KIND else None
    for path in declared("area_pdf_context"):
        context |= import_string(path)(area=area, team=team, user=requester)
    context["team_tables"] = [
        part for table in context["team_tables"] for part in split_columns(table)
    ]
    return context


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
