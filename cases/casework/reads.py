"""The werkbak's reads: filters, the counts on top and the workload per member.

The workload per member comes from the counter table `OpenCaseCount` (kept by a
database trigger); summed, it gives the open and unassigned counts on top, so no
COUNT runs over all open casussen. With a buurt filter one grouped query over
the buurt's open casussen (partial index `case_open_workload`) does the same.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Q
from django.utils import timezone

from cases.casework.constants import INTENSIVE_CASE_STATUSES, CaseStatus
from cases.models import (
    Case,
    CaseAssignment,
    CaseSettings,
    HouseholdMember,
    OpenCaseCount,
    Question,
)
from cases.network.services import referral_signals
from cases.persons.validators import search_key
from cases.plan.services import overdue_cases, overdue_count
from wijkteam.constants import Role
from wijkteam.models import Membership, team_workers

# Filter values of "signaal" (the werkbak's filter form).
SIGNAL_UNASSIGNED = "zonder_regievoerder"
SIGNAL_WAITING = "wacht_te_lang"
SIGNAL_NO_CONTACT = "geen_contact"
SIGNAL_OVERDUE = "acties_over_datum"
SIGNAL_OVER_NORM = "boven_wachttijdnorm"  # verwijzingen
NOBODY = "geen"


@dataclass
class WerkbakFilter:
    signal: str = ""
    regievoerder: object = None  # a User, NOBODY or None (everyone)
    buurt: object = None  # an Area or None

    @property
    def active(self) -> bool:
        return bool(self.signal or self.regievoerder or self.buurt)

    def shows_unassigned(self) -> bool:
        return self.signal in ("", SIGNAL_UNASSIGNED, SIGNAL_WAITING) and (
            self.regievoerder in (None, NOBODY)
        )

    def shows_no_contact(self) -> bool:
        return self.signal in ("", SIGNAL_NO_CONTACT)

    def shows_overdue(self) -> bool:
        return self.signal in ("", SIGNAL_OVERDUE)

    def shows_over_norm(self) -> bool:
        return self.signal in ("", SIGNAL_OVER_NORM)

    @property
    def narrows_cases(self) -> bool:
        """Whether the regievoerder or buurt filter narrows the team's casussen."""
        return self.regievoerder is not None or self.buurt is not None


@dataclass
class Workload:
    rows: list = field(default_factory=list)  # team workers, annotated
    per_member: dict = field(default_factory=dict)  # regievoerder id -> counts

    def open_count(self, flt: WerkbakFilter) -> int:
        """Open casussen within the filter's regievoerder (all when none)."""
        if flt.regievoerder is None:
            return sum(row["open_cases"] for row in self.per_member.values())
        key = None if flt.regievoerder == NOBODY else flt.regievoerder.pk
        return self.per_member.get(key, {}).get("open_cases", 0)

    def unassigned_count(self, flt: WerkbakFilter) -> int:
        if flt.regievoerder not in (None, NOBODY):
            return 0
        return self.per_member.get(None, {}).get("open_cases", 0)


def filtered_cases(team, flt: WerkbakFilter, *, by_regievoerder: bool = True):
    """The team's casussen narrowed by buurt and (unless told not to) by
    regievoerder; the signal filter is applied per list."""
    cases = Case.objects.of_team(team)
    if by_regievoerder and flt.regievoerder == NOBODY:
        cases = cases.filter(regievoerder__isnull=True)
    elif by_regievoerder and flt.regievoerder is not None:
        cases = cases.filter(regievoerder=flt.regievoerder)
    if flt.buurt is not None:
        # Any member of the household lives in the buurt (as on the casus list).
        cases = cases.filter(
            Exists(
                HouseholdMember.objects.filter(
                    household_id=OuterRef("household_id"), person__buurt=flt.buurt
                )
            )
        )
    return cases


def unassigned_cases(cases, flt: WerkbakFilter, waiting_days: int):
    unassigned = cases.open().filter(regievoerder__isnull=True)
    if flt.signal == SIGNAL_WAITING:
        limit = timezone.now() - dt.timedelta(days=waiting_days)
        unassigned = unassigned.filter(opened_at__lt=limit)
    return unassigned


def member_hours(team) -> dict:
    """Contract hours per team worker (user id -> hours; absent: not known)."""
    hours = {}
    for user_id, value in Membership.objects.filter(
        team=team,
        is_active=True,
        role__in=[Role.WIJKTEAMLID, Role.TEAMLEIDER],
        contract_hours__isnull=False,
    ).values_list("user_id", "contract_hours"):
        hours[user_id] = max(value, hours.get(user_id, Decimal(0)))
    return hours


def workload(team, flt: WerkbakFilter, workers=None) -> Workload:
    """Open and intensive casussen per team worker with their contract hours.

    Without a buurt filter from the counter table (a few rows per member, kept by
    a trigger); with one, one grouped query over the buurt's open casussen. Not
    narrowed by regievoerder, so every member's row is filled. Three queries, two
    when the caller passes the team's `workers` (it has read them for the filter).
    """
    if flt.buurt is None:
        per_member = {}
        for key, status, count in OpenCaseCount.objects.filter(
            team=team, count__gt=0
        ).values_list("regievoerder_key", "status", "count"):
            row = per_member.setdefault(key or None, {"open_cases": 0, "intensive": 0})
            row["open_cases"] += count
            if status in INTENSIVE_CASE_STATUSES:
                row["intensive"] += count
    else:
        per_member = {
            row["regievoerder"]: row
            for row in filtered_cases(team, flt, by_regievoerder=False)
            .open()
            .values("regievoerder")
            .annotate(
                open_cases=Count("status"),
                intensive=Count("status", filter=Q(status__in=INTENSIVE_CASE_STATUSES)),
            )
            .order_by()
        }
    hours = member_hours(team)
    if workers is None:
        workers = team_workers(team).order_by("first_name", "last_name")
    workers = list(workers)
    for worker in workers:
        row = per_member.get(worker.pk, {})
        worker.open_cases = row.get("open_cases", 0)
        worker.intensive = row.get("intensive", 0)
        worker.contract_hours = hours.get(worker.pk)
        worker.per_10_hours = (
            round(worker.open_cases * 10 / worker.contract_hours, 1)
            if worker.contract_hours
            else None
        )
    return Workload(
        rows=sorted(workers, key=lambda w: -w.open_cases), per_member=per_member
    )


WERKBAK_LIMIT = 25


def case_settings(team) -> CaseSettings:
    """The team's signal settings, or the defaults when it has none yet."""
    return CaseSettings.objects.filter(team=team).first() or CaseSettings(team=team)


def _days_ago(days: int):
    return timezone.now() - dt.timedelta(days=days)


def _count(shown: list, qs) -> int:
    """The list's total: its length when shown whole, else a COUNT."""
    return len(shown) if len(shown) < WERKBAK_LIMIT else qs.count()


@dataclass
class WerkbakPage:
    """What the werkbak shows: the signal lists (at most WERKBAK_LIMIT each), the
    workload per member and the counts on top."""

    settings: CaseSettings
    unassigned: list
    stale_unassigned: set
    no_contact: list
    overdue: list
    over_norm: list  # verwijzingen boven de wachttijdnorm
    workload: Workload
    counts: dict

    @property
    def shown(self) -> list:
        """Every casus on the page: their households' members go in the log."""
        return [
            *self.unassigned,
            *self.no_contact,
            *self.overdue,
            *(r.case for r in self.over_norm),
        ]


def werkbak_page(team, flt: WerkbakFilter, workers, *, newest_first: bool):
    signal_settings = case_settings(team)
    team_cases = filtered_cases(team, flt)
    order = "-opened_at" if newest_first else "opened_at"
    unassigned_qs = unassigned_cases(team_cases, flt, signal_settings.unassigned_days)
    unassigned = []
    if flt.shows_unassigned():
        unassigned = list(unassigned_qs.for_lists().order_by(order)[:WERKBAK_LIMIT])
    waited = _days_ago(signal_settings.unassigned_days)
    no_contact_qs = team_cases.without_contact_for(signal_settings.no_contact_weeks)
    no_contact = []
    if flt.shows_no_contact():
        no_contact = list(
            no_contact_qs.for_lists().order_by("last_contact_on", "opened_at")[
                :WERKBAK_LIMIT
            ]
        )
    # Actions past their date and verwijzingen waiting past their norm, narrowed
    # to the filter's regievoerder/buurt only when one is chosen.
    narrowed = team_cases.values("pk") if flt.narrows_cases else None
    overdue_qs = overdue_cases(team)
    if narrowed is not None:
        overdue_qs = overdue_qs.filter(pk__in=narrowed)
    overdue = []
    if flt.shows_overdue():
        overdue = list(overdue_qs.for_lists()[:WERKBAK_LIMIT])
    over_norm, over_norm_count = [], None
    if flt.shows_over_norm():
        over_norm, over_norm_count = referral_signals(team, cases=narrowed)
    load = workload(team, flt, workers)
    # Open and unassigned come from the workload's grouped query; a list shown
    # whole needs no COUNT.
    counts = {
        "open": load.open_count(flt),
        "unassigned": load.unassigned_count(flt)
        if flt.signal != SIGNAL_WAITING
        else _count(unassigned, unassigned_qs),
        "no_contact": _count(no_contact, no_contact_qs)
        if flt.shows_no_contact()
        else no_contact_qs.count(),
    }
    if flt.shows_overdue():
        counts["overdue"] = _count(overdue, overdue_qs)
    if flt.shows_over_norm():
        counts["over_norm"] = over_norm_count
    return WerkbakPage(
        settings=signal_settings,
        unassigned=unassigned,
        stale_unassigned={c.pk for c in unassigned if c.opened_at < waited},
        no_contact=no_contact,
        overdue=overdue,
        over_norm=over_norm,
        workload=load,
        counts=counts,
    )


CASE_LIST_PAGE = 50


@dataclass
class CaseListPage:
    cases: list
    scope: str  # "mine" or "team"
    number: int
    has_next: bool


def _filtered(cases, team, user, filters: dict):
    if (filters.get("scope") or "mine") == "mine":
        cases = cases.filter(regievoerder=user)
    if filters.get("status"):
        cases = cases.filter(status=filters["status"])
    else:
        cases = cases.open()
    if filters.get("regievoerder"):
        cases = cases.filter(regievoerder=filters["regievoerder"])
    if filters.get("leefgebied"):
        cases = cases.filter(
            Exists(
                Question.objects.filter(
                    case=OuterRef("pk"), domains__contains=[filters["leefgebied"]]
                )
            )
        )
    if filters.get("buurt"):
        # Any member of the household lives in the buurt; Exists: no duplicates.
        cases = cases.filter(
            Exists(
                HouseholdMember.objects.filter(
                    household_id=OuterRef("household_id"),
                    person__buurt=filters["buurt"],
                )
            )
        )
    if filters.get("q"):
        # Names of the household's members, through the persons' trigram index.
        members = HouseholdMember.objects.filter(person__team=team)
        for word in search_key(filters["q"]).split():
            members = members.filter(person__search_name__contains=word)
        cases = cases.filter(household_id__in=members.values("household_id"))
    return cases


def case_list_page(team, user, filters: dict, *, number: int) -> CaseListPage:
    """One page of the team's casussen (the user's own by default), newest first,
    with "Nieuw voor u" on those assigned to the user and not yet seen."""
    cases = _filtered(Case.objects.of_team(team).for_lists(), team, user, filters)
    unseen = CaseAssignment.objects.filter(
        case=OuterRef("pk"), to_user=user, seen_at__isnull=True
    )
    start = (number - 1) * CASE_LIST_PAGE
    rows = list(
        cases.annotate(is_new=Exists(unseen)).order_by("-opened_at", "-id")[
            start : start + CASE_LIST_PAGE + 1
        ]
    )
    return CaseListPage(
        cases=rows[:CASE_LIST_PAGE],
        scope=filters.get("scope") or "mine",
        number=number,
        has_next=len(rows) > CASE_LIST_PAGE,
    )


def _timeline(case, journal) -> list[dict]:
    items = [
        {"at": h.at, "what": f"Status: {h.get_to_status_display()}", "who": h.by,
         "note": h.note}
        for h in case.status_changes.select_related("by")
    ]  # fmt: skip
    items += [
        {"at": a.at, "what": f"Regievoerder: {a.to_user}", "who": a.by,
         "note": a.reason}
        for a in case.assignments.select_related("by", "to_user")
    ]  # fmt: skip
    items += [
        {"at": e.created_at, "what": f"Journaal: {e.get_kind_display()}",
         "who": e.author, "note": e.note[:120]}
        for e in journal
    ]  # fmt: skip
    return sorted(items, key=lambda i: i["at"], reverse=True)


@dataclass
class CasePage:
    """The casus page: its questions, journal and timeline, and its signals."""

    settings: CaseSettings
    questions: list
    journal: list
    timeline: list
    no_contact: bool
    over_norm: int  # verwijzingen boven de wachttijdnorm (details on the netwerk tab)
    overdue_actions: int


def case_page(case) -> CasePage:
    questions = list(case.questions.select_related("person", "vraagverheldering"))
    journal = list(case.journal.select_related("author", "corrects"))
    timeline = _timeline(case, journal)
    signal_settings = case_settings(case.team)
    no_contact = (
        case.status != CaseStatus.AFGESLOTEN
        and Case.objects.filter(pk=case.pk)
        .without_contact_for(signal_settings.no_contact_weeks)
        .exists()
    )
    return CasePage(
        settings=signal_settings,
        questions=questions,
        journal=journal,
        timeline=timeline,
        no_contact=no_contact,
        over_norm=case.referrals.breaching().count(),
        overdue_actions=overdue_count(case),
    )
