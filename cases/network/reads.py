"""What the netwerk tab shows: the network (current and past), the verwijzingen
and toekenningen with the statuses each may move to, and the recorded changes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils import timezone

from cases.measuring.constants import CorrectionKind
from cases.models import Allocation, AllocationStatusChange, ReferralStatusChange
from cases.network.constants import (
    ALLOCATION_FILTER_ALL,
    ALLOCATION_FILTER_RUNNING,
    ALLOCATION_TRANSITIONS,
    REFERRAL_TRANSITIONS,
    AllocationStatus,
    ReferralStatus,
)
from wijkteam.workflow import next_statuses


def _network_changes(case, entries) -> list:
    """Betrokkene gewijzigd: the recorded changes, each with the entry's name."""
    names = {e.pk: e.name for e in entries}
    changes = list(
        case.corrections.filter(kind=CorrectionKind.NETWERK).select_related("by")
    )
    for c in changes:
        c.entry_name = names.get(c.object_id, "")
    return changes


@dataclass
class NetworkPage:
    today: dt.date
    entries: list
    current: list  # involved today: the ecogram
    referrals: list
    allocations: list
    network_changes: list

    @property
    def professionals(self) -> list:
        return [e for e in self.entries if not e.is_informal]

    @property
    def informal(self) -> list:
        return [e for e in self.entries if e.is_informal]

    @property
    def breaches(self) -> list:
        return [r for r in self.referrals if r.breach]


def _with_history(queryset, history):
    return queryset.prefetch_related(
        Prefetch("status_changes", queryset=history.objects.select_related("by"))
    )


def network_page(case) -> NetworkPage:
    today = timezone.localdate()
    entries = list(case.network.select_related("created_by"))
    referrals = list(
        _with_history(
            case.referrals.select_related("product__provider"), ReferralStatusChange
        )
    )
    for r in referrals:
        r.next_statuses = next_statuses(
            REFERRAL_TRANSITIONS, r.status, ReferralStatus.choices
        )
    allocations = list(
        _with_history(
            case.allocations.select_related("provider"), AllocationStatusChange
        )
    )
    for a in allocations:
        a.next_statuses = next_statuses(
            ALLOCATION_TRANSITIONS, a.status, AllocationStatus.choices
        )
    return NetworkPage(
        today=today,
        entries=entries,
        current=[e for e in entries if e.is_current(today)],
        referrals=referrals,
        allocations=allocations,
        network_changes=_network_changes(case, entries),
    )


ALLOCATION_PAGE = 50


@dataclass
class AllocationListPage:
    rows: list
    status: str  # the filter's status: running (default), all, or one status
    number: int
    has_next: bool


def allocation_list_page(team, filters: dict, *, number: int) -> AllocationListPage:
    """Welke toekenningen lopen er: the team's toekenningen, running by default,
    by end date, a page of ALLOCATION_PAGE."""
    rows = Allocation.objects.filter(case__team=team)
    status = filters.get("status") or ALLOCATION_FILTER_RUNNING
    if status == ALLOCATION_FILTER_RUNNING:
        rows = rows.running()
    elif status != ALLOCATION_FILTER_ALL:
        rows = rows.filter(status=status)
    if filters.get("kind"):
        rows = rows.filter(kind=filters["kind"])
    if filters.get("legal_basis"):
        rows = rows.filter(legal_basis=filters["legal_basis"])
    start = (number - 1) * ALLOCATION_PAGE
    rows = list(
        rows.select_related("case__household", "provider").order_by(
            "end_on", "-start_on", "id"
        )[start : start + ALLOCATION_PAGE + 1]
    )
    return AllocationListPage(
        rows=rows[:ALLOCATION_PAGE],
        status=status,
        number=number,
        has_next=len(rows) > ALLOCATION_PAGE,
    )
