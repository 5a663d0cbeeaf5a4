"""Functioneel beheer: the access log viewer (NEN 7513) and the report of unusual
access. Reading the log is itself logged."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from wijkteam.access import team_permission_required
from wijkteam.accesslog import log_access, log_access_of_query
from wijkteam.accesslog_review import unusual_access
from wijkteam.constants import AccessAction
from wijkteam.models import AccessLogEntry, Membership, Team
from wijkteam.security_forms import AccessLogFilterForm
from wijkteam.tabular import csv_response

PAGE_SIZE = 50
CSV_CHUNK = 2000  # rows per query of the CSV export
UNUSUAL_DAYS = 30
CSV_COLUMNS = [
    ("at", "tijdstip"),
    ("username", "gebruiker"),
    ("role", "rol"),
    ("team", "team"),
    ("action", "actie"),
    ("person_id", "persoon"),
    ("object_type", "soort gegeven"),
    ("object_id", "gegeven"),
    ("purpose", "doel"),
    ("path", "adres"),
    ("ip_address", "IP-adres"),
    ("result", "resultaat"),
]


def team_log(team: Team) -> QuerySet[AccessLogEntry]:
    """Rows of this team, plus the team-less rows (failed logins) that name one of
    its members. Never another team's rows."""
    members = Membership.objects.filter(team=team).values("user__username")
    return AccessLogEntry.objects.filter(
        Q(team=team) | Q(team__isnull=True, username__in=members)
    )


def _day_start(day) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def filtered(queryset: QuerySet, data: dict) -> QuerySet:
    if data.get("person"):
        queryset = queryset.filter(person_id=data["person"])
    if data.get("user"):
        queryset = queryset.filter(username__iexact=data["user"])
    if data.get("date_from"):
        queryset = queryset.filter(at__gte=_day_start(data["date_from"]))
    if data.get("date_to"):
        next_day = data["date_to"] + timedelta(days=1)
        queryset = queryset.filter(at__lt=_day_start(next_day))
    if data.get("action"):
        queryset = queryset.filter(action=data["action"])
    return queryset


def _filters(request: HttpRequest) -> tuple[AccessLogFilterForm, QuerySet]:
    form = AccessLogFilterForm(request.GET or None)
    rows = team_log(request.team).select_related("team")
    if form.is_bound:
        rows = filtered(rows, form.cleaned_data) if form.is_valid() else rows.none()
    return form, rows


def _purpose(form: AccessLogFilterForm) -> str:
    if not form.is_bound or not form.is_valid():
        return "toegangslog: zonder filter"
    used = [f"{k}={v}" for k, v in form.cleaned_data.items() if v]
    return "toegangslog: " + (", ".join(used) or "zonder filter")


@team_permission_required("accesslog.view")
@require_GET
def accesslog_list(request: HttpRequest) -> HttpResponse:
    form, rows = _filters(request)
    page = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("pagina"))
    entries = list(page.object_list)
    persons = [e.person_id for e in entries if e.person_id is not None] or [None]
    log_access(
        request, action=AccessAction.VIEW, person_ids=persons, purpose=_purpose(form)
    )
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "wijkteam/beheer/accesslog_list.html",
        {"form": form, "page": page, "entries": entries, "query": query.urlencode()},
    )


@team_permission_required("accesslog.view")
@require_GET
def accesslog_csv(request: HttpRequest) -> HttpResponse:
    form, rows = _filters(request)
    # The export shows the log as it is now, not the rows this export writes.
    last = AccessLogEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
    rows = rows.filter(pk__lte=last or 0)
    log_access_of_query(
        request,
        action=AccessAction.EXPORT,
        person_ids=rows.exclude(person_id__isnull=True).values_list(
            "person_id", flat=True
        ),
        purpose=_purpose(form).replace("toegangslog", "toegangslog CSV", 1),
    )

    def lines():
        yield [label for _, label in CSV_COLUMNS]
        for entry in _in_chunks(rows):
            yield _csv_row(entry)

    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    return csv_response(lines(), filename=f"toegangslog-{stamp}.csv")


def _in_chunks(rows: QuerySet):
    """The rows newest first (the log's order: -at, -id), one query per `size`
    rows that starts after the last row of the one before (keyset), so neither a
    long-lived cursor nor the whole log is held in memory."""
    size = CSV_CHUNK
    rows = rows.order_by("-at", "-id")
    after = None
    while True:
        chunk = list(
            rows.filter(Q(at__lt=after.at) | Q(at=after.at, id__lt=after.id))[:size]
            if after is not None
            else rows[:size]
        )
        yield from chunk
        if len(chunk) < size:
            return
        after = chunk[-1]


def _csv_row(entry: AccessLogEntry) -> list:
    """The row's values; wijkteam.tabular neutralises formulas in the text."""
    values = []
    for field, _ in CSV_COLUMNS:
        value = getattr(entry, field)
        if field == "at":
            value = timezone.localtime(value).strftime("%d-%m-%Y %H:%M:%S")
        elif field == "team":
            value = value.name if value else ""
        values.append(value)
    return values


@team_permission_required("accesslog.view")
@require_GET
def accesslog_unusual(request: HttpRequest) -> HttpResponse:
    threshold = settings.ACCESSLOG_UNUSUAL_PERSONS_PER_DAY
    outside_threshold = settings.ACCESSLOG_UNUSUAL_OUTSIDE_PER_DAY
    since = _day_start(timezone.localdate() - timedelta(days=UNUSUAL_DAYS))
    rows = unusual_access(
        request.team,
        since=since,
        threshold=threshold,
        outside_threshold=outside_threshold,
    )
    log_access(request, action=AccessAction.VIEW, purpose="toegangslog: opvallend")
    return render(
        request,
        "wijkteam/beheer/accesslog_unusual.html",
        {
            "rows": rows,
            "threshold": threshold,
            "outside_threshold": outside_threshold,
            "days": UNUSUAL_DAYS,
        },
    )
