from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_POST

from cases.models import Case, Person
from cases.persons.forms import ANONYMOUS, NEW, PersonSearchForm
from cases.persons.querysets import SEARCH_LIMIT
from wijkteam.access import can, get_object_for_user, team_permission_required
from wijkteam.accesslog import log_access
from wijkteam.constants import AccessAction


@team_permission_required("person.search")
@require_POST
def person_search(request: HttpRequest) -> HttpResponse:
    """Likely matches while the desk types (htmx). A POST: a name, birth date or BSN
    in a URL would land in the access log's path and the web server's log. One log
    row per search, and one per person shown; the row names the fields searched on,
    never their values."""
    form = PersonSearchForm(request.POST)
    form.is_valid()
    criteria = form.search_criteria() if hasattr(form, "cleaned_data") else {}
    matches = list(
        Person.objects.of_team(request.team).matching(**criteria)[:SEARCH_LIMIT]
    )
    used = sorted(k for k, v in criteria.items() if v and str(v).strip())
    log_access(
        request,
        action=AccessAction.SEARCH,
        person_ids=[None, *(p.pk for p in matches)],
        purpose=f"inwoner zoeken op {', '.join(used) or 'niets'}",
    )
    return render(
        request,
        "cases/partials/person_matches.html",
        {
            "matches": matches,
            "searched": bool(used),
            "chosen": request.POST.get("person_choice", NEW),
            "NEW": NEW,
            "ANONYMOUS": ANONYMOUS,
            "household": request.POST.get("voor") == "huishouden",
        },
    )


@login_required
@require_GET
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = get_object_for_user(request, Person, "intake.view", pk=pk)
    log_access(
        request,
        action=AccessAction.VIEW,
        person_ids=[person.pk],
        obj=person,
        purpose="inwoner inzien",
    )
    questions = person.questions.filter(team_id=person.team_id).select_related(
        "assigned_to", "voorziening", "vraagverheldering"
    )
    can_see_case = can(request.user, "case.view", person.team)
    cases = (
        Case.objects.filter(household__members__person=person).select_related(
            "household", "regievoerder"
        )
        if can_see_case
        else []
    )
    return render(
        request,
        "cases/person_detail.html",
        {
            "person": person,
            "questions": questions,
            "cases": cases,
            "can_see_case": can_see_case,
        },
    )
