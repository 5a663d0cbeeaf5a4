"""Casus-regie views: werkbak, casus list and page, assignment, journal, status.

Balie never gets here (case.view / case.assign are team workers only); another
team's casus is 404. Every page writes the access log for each person shown.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases.access import get_case_for_user, household_members, log_household_access
from cases.casework import reads as werkbak_reads
from cases.casework.forms import (
    CaseAssignForm,
    CaseFilterForm,
    CaseloadForm,
    CaseStatusForm,
    ContractHoursForm,
    HouseholdMemberForm,
    JournalForm,
    SignalSettingsForm,
    WerkbakFilterForm,
)
from cases.casework.services import (
    AlreadyMember,
    AssignmentConflict,
    AssignmentError,
    CaseAlreadyOpen,
    JournalLocked,
    assignments_mark_seen,
    case_assign,
    case_change_status,
    caseload_preview,
    caseload_reassign,
    contract_hours_set,
    household_member_add,
    journal_add,
    journal_edit,
    signal_settings_update,
)
from cases.models import (
    HouseholdMember,
    JournalEntry,
)
from wijkteam.access import can, get_object_for_user, team_permission_required
from wijkteam.accesslog import log_access
from wijkteam.constants import AccessAction
from wijkteam.models import team_workers
from wijkteam.workflow import TransitionNotAllowed

# Lists on the werkbak show the oldest first, at most this many (counts on top).


# --- werkbak -------------------------------------------------------------------


@team_permission_required("case.assign")
@require_GET
def werkbak(request: HttpRequest) -> HttpResponse:
    team = request.team
    workers = list(team_workers(team))
    filter_form = WerkbakFilterForm(request.GET or None, team=team, workers=workers)
    flt = filter_form.to_filter()
    newest_first = request.GET.get("sort") == "nieuw"
    page = werkbak_reads.werkbak_page(team, flt, workers, newest_first=newest_first)
    log_household_access(request, page.shown, purpose="werkbak")
    query = request.GET.copy()
    query.pop("sort", None)
    return render(
        request,
        "cases/werkbak.html",
        {
            "team": team,
            "unassigned": page.unassigned,
            "stale_unassigned": page.stale_unassigned,
            "no_contact": page.no_contact,
            "over_norm": page.over_norm,
            "overdue": page.overdue,
            "workload": page.workload.rows,
            "worker_options": _worker_options(page.workload.rows),
            "csrf_input": _csrf_input(request),
            "counts": page.counts,
            "signal_settings": page.settings,
            "sort": "nieuw" if newest_first else "oud",
            "today": timezone.localdate(),
            "filter_form": filter_form,
            "filter": flt,
            "query": query.urlencode(),
        },
    )


def _worker_options(rows):
    """The same options in every row's select, built once (a template loop per
    row was most of the werkbak's rendering time)."""
    return format_html_join(
        "",
        # "(2 open)": the count is the member's open casussen, said on the option.
        '<option value="{}">{} ({} open)</option>',
        ((w.pk, str(w), w.open_cases) for w in rows),
    )


def _csrf_input(request):
    """One CSRF field for the 25 assign forms: {% csrf_token %} masks the token
    anew for every form, which was a third of each row's rendering time."""
    return format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">',
        get_token(request),
    )


@team_permission_required("case.assign")
@require_http_methods(["GET", "POST"])
def contract_hours(request: HttpRequest) -> HttpResponse:
    """The teamleider keeps the contract hours of the team's workers."""
    team = request.team
    workers = team_workers(team).order_by("first_name", "last_name")
    hours = werkbak_reads.member_hours(team)
    form = ContractHoursForm(
        request.POST if request.method == "POST" else None,
        workers=workers,
        hours=hours,
    )
    if request.method == "POST":
        if form.is_valid():
            contract_hours_set(team=team, hours_by_user=form.hours_by_user())
            messages.success(request, "Contracturen opgeslagen.")
            return redirect("cases:werkbak")
        return render(request, "cases/contract_hours.html", {"form": form}, status=400)
    return render(request, "cases/contract_hours.html", {"form": form})


@team_permission_required("signals.edit")
@require_http_methods(["GET", "POST"])
def signal_settings(request: HttpRequest) -> HttpResponse:
    """The current team's werkbak thresholds (no object id: always the own team)."""
    current = werkbak_reads.case_settings(request.team)
    form = SignalSettingsForm(
        request.POST if request.method == "POST" else None,
        initial={
            "no_contact_weeks": current.no_contact_weeks,
            "unassigned_days": current.unassigned_days,
        },
    )
    if request.method == "POST":
        if form.is_valid():
            signal_settings_update(team=request.team, **form.cleaned_data)
            messages.success(request, "De signalen van de werkbak zijn opgeslagen.")
            return redirect("cases:signal_settings")
        status = 400
    else:
        status = 200
    return render(request, "cases/signal_settings.html", {"form": form}, status=status)


@team_permission_required("case.assign")
@require_http_methods(["GET", "POST"])
def caseload_transfer(request: HttpRequest) -> HttpResponse:
    """Preview first (GET), then move the whole caseload (POST)."""
    team = request.team
    data = request.POST if request.method == "POST" else (request.GET or None)
    form = CaseloadForm(data, team=team)
    moves = []
    if form.is_valid():
        kwargs = {
            "team": team,
            "from_user": form.cleaned_data["from_user"],
            "to_users": list(form.cleaned_data["to_users"]),
        }
        if request.method == "POST":
            try:
                moved = caseload_reassign(
                    by=request.user, reason=form.cleaned_data["reason"], **kwargs
                )
            except (AssignmentError, AssignmentConflict) as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, f"{moved} casus(sen) overgedragen.")
                return redirect("cases:werkbak")
        moves = caseload_preview(**kwargs)
        log_household_access(
            request, [m.case for m in moves], purpose="caseload overdragen"
        )
    return render(
        request,
        "cases/caseload_transfer.html",
        {"form": form, "moves": moves},
        status=400 if request.method == "POST" else 200,
    )


# --- casus list and page -------------------------------------------------------


# The name search of the casus list is posted and kept in the session, never put in
# the URL: a name in an address lands in the browser history and any proxy's log.
# The other filters (scope, status, ...) name no one and stay in the query string.
CASE_LIST_SEARCH = "case_list_q"


@team_permission_required("case.view")
@require_http_methods(["GET", "POST"])
def case_list(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        return _case_list_search(request)
    data = request.GET.copy()
    data.pop("q", None)
    data.pop("pagina", None)
    if request.session.get(CASE_LIST_SEARCH):
        data["q"] = request.session[CASE_LIST_SEARCH]
    form = CaseFilterForm(data or None, team=request.team)
    filters = form.cleaned_data if form.is_valid() else {}
    try:
        number = max(1, int(request.GET.get("pagina", 1)))
    except ValueError:
        number = 1
    page = werkbak_reads.case_list_page(
        request.team, request.user, filters, number=number
    )
    log_household_access(request, page.cases, purpose="casussen")
    query = data.copy()
    query.pop("q", None)
    return render(
        request,
        "cases/case_list.html",
        {
            "form": form,
            "cases": page.cases,
            "scope": page.scope,
            "page": page.number,
            "has_next": page.has_next,
            "query": query.urlencode(),
        },
    )


def _case_list_search(request: HttpRequest) -> HttpResponse:
    """The filter form's POST: the name search to the session, the rest to the URL,
    where the GET validates it as before (an unknown value shows the default list)."""
    search = request.POST.get("q", "").strip()[:100]
    if search:
        request.session[CASE_LIST_SEARCH] = search
    else:
        request.session.pop(CASE_LIST_SEARCH, None)
    # Only values the filter accepts go into the URL (a hostile 20,000 characters
    # would make a redirect Django refuses).
    form = CaseFilterForm(request.POST, team=request.team)
    form.is_valid()
    rest = {
        name: request.POST[name]
        for name in form.fields
        if name != "q" and request.POST.get(name) and name not in form.errors
    }
    url = reverse("cases:case_list")
    return redirect(f"{url}?{urlencode(rest)}" if rest else url)


@login_required
@require_GET
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk)
    return _render_case(request, case)


def _render_case(request, case, *, status=200, **forms):
    members = household_members(case)
    log_household_access(request, case, members=members, purpose="casus inzien")
    if case.regievoerder_id == request.user.pk:
        assignments_mark_seen(case=case, user=request.user)
    page = werkbak_reads.case_page(case)
    now = timezone.now()
    return render(
        request,
        "cases/case_detail.html",
        {
            "case": case,
            "members": members,
            "questions": page.questions,
            "journal": [(e, e.editable_by(request.user, now)) for e in page.journal],
            "timeline": page.timeline,
            "no_contact": page.no_contact,
            "over_norm": page.over_norm,
            "overdue_actions": page.overdue_actions,
            "signal_settings": page.settings,
            "journal_form": forms.get("journal_form")
            or JournalForm(initial={"contact_on": timezone.localdate()}),
            "status_form": forms.get("status_form") or CaseStatusForm(case=case),
            "assign_form": forms.get("assign_form") or CaseAssignForm(case=case),
            "member_form": forms.get("member_form") or HouseholdMemberForm(case=case),
            "can_assign": can(request.user, "case.assign", case.team),
            "can_edit": can(request.user, "case.edit", case.team),
        },
        status=status,
    )


@login_required
@require_POST
def case_assign_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "case.assign")
    form = CaseAssignForm(request.POST, case=case)
    if not form.is_valid():
        return _render_case(request, case, assign_form=form, status=400)
    try:
        case_assign(
            case=case,
            to=form.cleaned_data["regievoerder"],
            by=request.user,
            reason=form.cleaned_data["reason"],
            expected=form.cleaned_data["expected"],
        )
    except AssignmentConflict as exc:
        messages.error(request, str(exc))
    except AssignmentError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, f"{form.cleaned_data['regievoerder']} is nu regievoerder."
        )
    if request.POST.get("next_page") == "werkbak":
        return redirect("cases:werkbak")
    return redirect("cases:case_detail", pk=case.pk)


@login_required
@require_POST
def case_status_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "case.edit")
    form = CaseStatusForm(request.POST, case=case)
    if not form.is_valid():
        return _render_case(request, case, status_form=form, status=400)
    try:
        case_change_status(case=case, by=request.user, **form.cleaned_data)
    except (TransitionNotAllowed, CaseAlreadyOpen) as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "De status is bijgewerkt.")
    return redirect("cases:case_detail", pk=case.pk)


@login_required
@require_POST
def journal_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "case.edit")
    form = JournalForm(request.POST)
    if not form.is_valid():
        return _render_case(request, case, journal_form=form, status=400)
    journal_add(case=case, by=request.user, **form.cleaned_data)
    messages.success(request, "Het contactmoment is vastgelegd.")
    return redirect("cases:case_detail", pk=case.pk)


@login_required
@require_http_methods(["GET", "POST"])
def journal_edit_view(request: HttpRequest, pk: int, entry_pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "case.edit")
    entry = get_object_for_user(
        request,
        JournalEntry,
        "case.edit",
        team_field="case__team",
        pk=entry_pk,
        case=case,
    )
    if not entry.editable_by(request.user):
        messages.error(
            request,
            "Deze notitie is definitief. Voeg een correctie toe als nieuwe regel.",
        )
        return redirect("cases:case_detail", pk=case.pk)
    fields = ("contact_on", "kind", "initiated_by", "present", "note")
    form = JournalForm(
        request.POST or None, initial={f: getattr(entry, f) for f in fields}
    )
    if request.method == "POST" and form.is_valid():
        try:
            journal_edit(entry=entry, by=request.user, **form.cleaned_data)
        except JournalLocked as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "De notitie is aangepast.")
        return redirect("cases:case_detail", pk=case.pk)
    # The note is about the household, whose name is on the page: one row per member.
    members = HouseholdMember.objects.filter(household_id=case.household_id)
    log_access(
        request, action=AccessAction.VIEW, obj=case,
        person_ids=list(members.values_list("person_id", flat=True)) or [None],
        purpose="journaalregel wijzigen",
    )  # fmt: skip
    return render(
        request,
        "cases/journal_edit.html",
        {"case": case, "entry": entry, "form": form},
        status=400 if form.is_bound else 200,
    )


@login_required
@require_POST
def household_member_add_view(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_case_for_user(request, pk, "case.edit")
    form = HouseholdMemberForm(request.POST, case=case)
    if form.is_valid():
        try:
            member = household_member_add(
                case=case, by=request.user, **form.service_kwargs()
            )
        except AlreadyMember as exc:
            form.add_error("person_choice", str(exc))
        else:
            log_access(
                request,
                action=AccessAction.CHANGE,
                person_ids=[member.person_id],
                obj=case,
                purpose="lid van het huishouden toegevoegd",
            )
            messages.success(request, f"{member.person} is toegevoegd.")
            return redirect("cases:case_detail", pk=case.pk)
    return _render_case(request, case, member_form=form, status=400)
