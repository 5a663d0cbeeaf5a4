"""The team's own figures per buurt: aggregates only, so no access log rows.

Only the current team's questions and casussen are counted, only its own buurten
can be chosen; every cell below 5 shows "< 5".
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cases.figures import reads as teamfigures
from cases.figures.forms import TeamFiguresForm
from gebiedsanalyse.models import Area
from wijkteam.access import team_permission_required


@team_permission_required("teamfigures.view")
@require_GET
def team_figures(request: HttpRequest) -> HttpResponse:
    team = request.team
    default = teamfigures.Period.last_12_months()
    form = TeamFiguresForm(request.GET or None, team=team, default=default)
    tables, period, buurt = [], default, None
    if not form.is_bound or form.is_valid():
        if form.is_bound:
            data = form.cleaned_data
            period = teamfigures.Period(start=data["van"], end=data["tot"])
            buurt = data["buurt"]
        tables = teamfigures.team_figures(
            team=team,
            period=period,
            buurten=Area.objects.buurten_of_team(team),
            buurt=buurt,
        )
    return render(
        request,
        "gebiedsanalyse/team_figures.html",
        {"form": form, "tables": tables, "period": period, "buurt": buurt},
    )
