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

from cases.casework.constants import INTENSIVE_CASE_STATUSES
from cases.models import Case, HouseholdMember, OpenCaseCount
from wijkteam.constants import Role
from wijkteam.models import Membership, team_workers

# Filter values of "signaal" (the werkbak's filter form).
SIGNAL_UNASSIGNED = "zonder_regievoerder"
SIGNAL_WAITING = "wacht_te_lang"
SIGNAL_NO_CONTACT = "geen_contact"
SIGNAL_OVERDUE = "acties_over_datum"  # plan (issue 5)
SIGNAL_OVER_NORM = "boven_wachttijdnorm"  # verwijzingen (issue 5)
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
