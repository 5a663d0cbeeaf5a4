"""The PDF export of a gebiedsanalyse (registered in apps.py).

Everything of the area page on paper: the CBS key figures with the gemeente and
the country beside them, the trends as tables, the team's sociale infrastructuur
and hulpbronnen in the area and, when the area lies in the team's werkgebied and
the requester may see them, the team's own figures with small-number suppression.
The export belongs to the requester's current team (job.team); the worker builds
the context from the job, so only that team's data ever lands in the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.module_loading import import_string

from gebiedsanalyse import reads
from gebiedsanalyse.models import Area, Resource, SocialPlace
from wijkteam.access import current_team, require
from wijkteam.exports import ExportKind
from wijkteam.models import Team
from wijkteam.registry import declared

KIND = "gebiedsanalyse"


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


def build_context(object_id: int, version: int | None, *, job) -> dict:
    area = Area.objects.select_related("parent").get(pk=object_id)
    team = job.team
    context = {
        "area": area,
        "team": team,
        "page": reads.area_page(area),
        "children": list(area.children.order_by("name")),
        "places": list(SocialPlace.objects.for_team(team).filter(area=area)),
        "resources": list(Resource.objects.for_team(team).filter(area=area)),
        "team_tables": [],
        "team_figures_shown": False,
        "printed_at": timezone.localtime(),
    }
    # What other apps add to an area's PDF (the team's own figures, from its
    # casework: cases/figures/), declared as `area_pdf_context` on their AppConfig.
    for path in declared("area_pdf_context"):
        context |= import_string(path)(area=area, team=team, user=job.requested_by)
    return context


EXPORT_KIND = ExportKind(
    name=KIND,
    label="PDF van de gebiedsanalyse",
    template="gebiedsanalyse/pdf/gebiedsanalyse.html",
    get_for_user=_get_for_user,
    describe=_describe,
    build_context=build_context,
    page_url=lambda obj: reverse("gebiedsanalyse:area_detail", args=[obj.area.code]),
    needs_job=True,
)
