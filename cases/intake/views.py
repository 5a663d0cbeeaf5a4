"""Small function views; every one goes through wijkteam.access.

Every view that shows a person's data writes the access log before rendering.
"""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases.access import get_question_for_user
from cases.casework.services import CaseAlreadyOpen
from cases.intake import services
from cases.intake.constants import Channel, QuestionStatus, Urgency
from cases.intake.forms import (
    QuestionFilterForm,
    QuestionPlanForm,
    QuestionRegisterForm,
    VraagverhelderingForm,
)
from cases.models import Question
from cases.persons.forms import ANONYMOUS, NEW, PersonSearchForm
from cases.persons.models import Person
from cases.persons.querysets import SEARCH_LIMIT
from wijkteam.access import can, team_permission_required
from wijkteam.accesslog import log_access
from wijkteam.constants import AccessAction
from wijkteam.workflow import TransitionNotAllowed

CLARIFIABLE = (QuestionStatus.WACHTRIJ, QuestionStatus.GEPLAND)


def _person_ids(questions) -> list[int]:
    return [q.person_id for q in questions if q.person_id]


@team_permission_required("intake.view")
@require_GET
def intake_list(request: HttpRequest) -> HttpResponse:
    """Today's questions at this team's desk, newest first."""
    team = request.team
    today = timezone.localdate()
    todays = Question.objects.of_team(team).registered_on(today)
    filters = QuestionFilterForm(request.GET or None)
    questions = todays.for_lists()
    if filters.is_valid():
        if filters.cleaned_data["status"]:
            questions = questions.filter(status=filters.cleaned_data["status"])
        if filters.cleaned_data["channel"]:
            questions = questions.filter(channel=filters.cleaned_data["channel"])
    questions = list(questions)
    log_access(
        request,
        action=AccessAction.VIEW,
        person_ids=_person_ids(questions) or [None],
        purpose="vragen van vandaag aan de balie",
    )
    return render(
        request,
        "cases/intake_list.html",
        {
            "team": team,
            "today": today,
            "questions": questions,
            "total_today": todays.count(),
            "filters": filters,
            "can_register": can(request.user, "intake.register", team),
        },
    )


def _matches_for(form: PersonSearchForm, team) -> list[Person]:
    if not form.is_bound or not hasattr(form, "cleaned_data"):
        return []
    criteria = form.search_criteria()
    if criteria["bsn"] and form.errors.get("bsn"):
        criteria["bsn"] = ""
    return list(Person.objects.of_team(team).matching(**criteria)[:SEARCH_LIMIT])


@team_permission_required("intake.register")
@require_http_methods(["GET", "POST"])
def question_register(request: HttpRequest) -> HttpResponse:
    team = request.team
    already = _already_registered(request)
    if already is not None:
        # A second submit of the same form (double click, back + resubmit): the
        # question exists; checked before validation, which would now see the
        # new resident as a likely duplicate.
        messages.info(request, "Deze vraag was al geregistreerd.")
        return redirect("cases:question_detail", pk=already.pk)
    form = QuestionRegisterForm(request.POST or None, team=team)
    if request.method == "POST" and form.is_valid():
        question, created = _register(request, form)
        if created:
            messages.success(request, "De vraag is geregistreerd.")
        else:
            messages.info(request, "Deze vraag was al geregistreerd.")
        return redirect("cases:question_detail", pk=question.pk)
    matches = _matches_for(form, team) if request.method == "POST" else []
    shown = {p.pk: p for p in [*matches, *form.duplicates]}
    if shown:
        log_access(
            request,
            action=AccessAction.SEARCH,
            person_ids=[None, *shown],
            purpose="inwoner zoeken bij registratie van een vraag",
        )
    chosen = form.data.get("person_choice", NEW) if form.is_bound else NEW
    return render(
        request,
        "cases/question_register.html",
        {
            "team": team,
            "form": form,
            "matches": list(shown.values()),
            "chosen": chosen,
            "searched": bool(matches) or form.is_bound,
            "crisis": form.data.get("urgency") == Urgency.CRISIS,
            "NEW": NEW,
            "ANONYMOUS": ANONYMOUS,
            "SIGNAAL": Channel.SIGNAAL,
        },
    )


def _already_registered(request) -> Question | None:
    if request.method != "POST":
        return None
    try:
        key = uuid.UUID(request.POST.get("idempotency_key", ""))
    except ValueError:
        return None
    return Question.objects.filter(team=request.team, idempotency_key=key).first()


def _register(request, form):
    question, created = services.question_register(
        team=request.team, by=request.user, **form.service_kwargs()
    )
    if created and question.person_id:
        log_access(
            request,
            action=AccessAction.CHANGE,
            person_ids=[question.person_id],
            obj=question,
            purpose="vraag geregistreerd",
        )
    return question, created


@login_required
@require_GET
def question_detail(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_question_for_user(request, pk, "intake.view")
    return _render_detail(request, question, QuestionPlanForm(team=question.team))


def _render_detail(request, question: Question, plan_form, status=200):
    team = question.team
    log_access(
        request,
        action=AccessAction.VIEW,
        person_ids=[question.person_id],
        obj=question,
        purpose="vraag inzien",
    )
    history = question.status_changes.select_related("by")
    record = getattr(question, "vraagverheldering", None)
    is_open = question.status in CLARIFIABLE
    # The conversation (eigenlijke vraag, besluit, ZRM quickscan) is the team's, like
    # the casus and its metingen: the desk sees only that it took place.
    can_read_record = can(request.user, "vraagverheldering.record", team)
    return render(
        request,
        "cases/question_detail.html",
        {
            "question": question,
            "history": history,
            "record": record,
            "can_read_record": can_read_record,
            "plan_form": plan_form,
            "can_plan": is_open and can(request.user, "intake.register", team),
            "can_clarify": is_open
            and can(request.user, "vraagverheldering.record", team),
            "can_see_case": can(request.user, "case.view", team),
        },
        status=status,
    )


@login_required
@require_POST
def question_plan_view(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_question_for_user(request, pk, "intake.register")
    form = QuestionPlanForm(request.POST, team=question.team)
    if not form.is_valid():
        return _render_detail(request, question, form, status=400)
    try:
        services.question_plan(question=question, by=request.user, **form.cleaned_data)
    except TransitionNotAllowed:
        messages.error(request, "Deze vraag kan niet meer worden ingepland.")
        return redirect("cases:question_detail", pk=question.pk)
    if form.cleaned_data["assigned_to"]:
        messages.success(
            request, f"De vraag is bij {form.cleaned_data['assigned_to']} gezet."
        )
    else:
        messages.success(request, "De vraag staat in de wachtrij van het team.")
    if request.POST.get("next_page") == "afspraken":
        return redirect("cases:my_appointments")
    return redirect("cases:question_detail", pk=question.pk)


@team_permission_required("vraagverheldering.record")
@require_GET
def my_appointments(request: HttpRequest) -> HttpResponse:
    team = request.team
    team_questions = Question.objects.of_team(team).for_lists()
    appointments = list(
        team_questions.filter(
            status=QuestionStatus.GEPLAND, assigned_to=request.user
        ).order_by(F("appointment_at").asc(nulls_last=True), "registered_at")
    )
    queue = list(
        team_questions.filter(status=QuestionStatus.WACHTRIJ).order_by("registered_at")
    )
    log_access(
        request,
        action=AccessAction.VIEW,
        person_ids=_person_ids([*appointments, *queue]) or [None],
        purpose="mijn afspraken en wachtrij vraagverheldering",
    )
    return render(
        request,
        "cases/my_appointments.html",
        {"team": team, "appointments": appointments, "queue": queue},
    )


@login_required
@require_http_methods(["GET", "POST"])
def vraagverheldering(request: HttpRequest, pk: int) -> HttpResponse:
    question = get_question_for_user(request, pk, "vraagverheldering.record")
    if question.status not in CLARIFIABLE:
        messages.info(request, "Bij deze vraag is de vraagverheldering al gedaan.")
        return redirect("cases:question_detail", pk=question.pk)
    form = VraagverhelderingForm(
        request.POST or None,
        question=question,
        initial={"held_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.vraagverheldering_record(
                question=question, by=request.user, **form.service_kwargs()
            )
        except CaseAlreadyOpen as exc:
            form.add_error("decision", exc.message)
        except TransitionNotAllowed:
            messages.error(request, "De status van deze vraag is net veranderd.")
            return redirect("cases:question_detail", pk=question.pk)
        else:
            question.refresh_from_db()
            if question.case_id:
                messages.success(request, "De casus is geopend.")
                return redirect("cases:case_detail", pk=question.case_id)
            messages.success(request, "De vraagverheldering is vastgelegd.")
            return redirect("cases:question_detail", pk=question.pk)
    log_access(
        request,
        action=AccessAction.VIEW,
        person_ids=[question.person_id],
        obj=question,
        purpose="vraagverheldering",
    )
    return render(
        request,
        "cases/vraagverheldering.html",
        {"question": question, "form": form},
        status=400 if form.is_bound else 200,
    )
