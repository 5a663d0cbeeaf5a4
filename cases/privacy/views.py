"""Inzageverzoek (AVG art. 15) for the beheerder: find the person, start the PDF.

The PDF itself is an export kind (cases/privacy/exports.py), started, polled and
downloaded through the shared export views; downloading it writes the access log.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from cases.models import Person
from cases.persons.querysets import SEARCH_LIMIT
from cases.privacy.exports import KIND
from cases.privacy.forms import InzageSearchForm
from wijkteam.access import team_permission_required
from wijkteam.accesslog import log_access
from wijkteam.constants import AccessAction
from wijkteam.models import ExportJob

RECENT_JOBS = 20


@team_permission_required("inzage.request")
@require_http_methods(["GET", "POST"])
def inzage(request: HttpRequest) -> HttpResponse:
    # The search is a POST: a BSN, name or birth date in a URL would land in the
    # browser history and the web server's log.
    form = InzageSearchForm(request.POST if request.method == "POST" else None)
    matches: list[Person] = []
    chosen = request.GET.get("persoon", "")
    if form.is_bound and form.is_valid():
        matches = list(
            Person.objects.of_team(request.team)
            .matching(**form.search_criteria())
            .order_by("last_name", "first_name", "id")[:SEARCH_LIMIT]
        )
        log_access(
            request,
            action=AccessAction.SEARCH,
            person_ids=[None, *(p.pk for p in matches)],
            purpose="inzageverzoek: inwoner zoeken",
        )
    elif chosen.isdigit():
        matches = list(Person.objects.of_team(request.team).filter(pk=int(chosen)))
        if matches:
            log_access(
                request,
                action=AccessAction.VIEW,
                person_ids=[matches[0].pk],
                obj=matches[0],
                purpose="inzageverzoek",
            )
    jobs = list(
        ExportJob.objects.filter(team=request.team, kind=KIND).select_related(
            "requested_by"
        )[:RECENT_JOBS]
    )
    return render(
        request,
        "cases/inzage.html",
        {"form": form, "matches": matches, "jobs": jobs, "kind": KIND},
        status=400 if form.is_bound and not form.is_valid() else 200,
    )
