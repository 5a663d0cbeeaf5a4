"""Writes of the network and the achterdeur: network entries, zorgaanbieders with
products and waiting times, verwijzingen and toekenningen.

Status changes go through one function per entity that checks the transitions
table, locks the row and appends a history row. Every write is one transaction.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from cases.measuring.constants import CorrectionAction, CorrectionKind
from cases.measuring.services import (
    NOTHING_CHANGED,
    change,
    correction_record,
    day,
    lock_open_case,
)
from cases.models import (
    Allocation,
    AllocationStatusChange,
    Case,
    NetworkEntry,
    Provider,
    ProviderProduct,
    Referral,
    ReferralStatusChange,
    WaitingTime,
)
from cases.network.constants import (
    ALLOCATION_START_STATUSES,
    ALLOCATION_TRANSITIONS,
    REFERRAL_TRANSITIONS,
    AllocationStatus,
    ReferralStatus,
)
from cases.network.models import due_date
from wijkteam.models import Team, User
from wijkteam.workflow import transition

# How many overdue verwijzingen the werkbak lists (the count is on top).
SIGNAL_LIMIT = 25


class NetworkError(ValueError):
    """A write that does not fit the data (message in Dutch, for the user)."""


# --- network ------------------------------------------------------------------


def network_entry_add(*, case: Case, by: User, **fields) -> NetworkEntry:
    with transaction.atomic():
        return NetworkEntry.objects.create(case=case, created_by=by, **fields)


def network_entry_end(
    *, entry: NetworkEntry, by: User, until: dt.date | None = None
) -> NetworkEntry:
    """No longer betrokken from `until` (today by default); the row stays."""
    until = until or timezone.localdate()
    with transaction.atomic():
        locked = NetworkEntry.objects.select_for_update().get(pk=entry.pk)
        if until < locked.since:
            raise NetworkError("De einddatum ligt vóór 'betrokken sinds'.")
        locked.until = until
        locked.save(update_fields=["until"])
    return locked


# --- zorgaanbieders -----------------------------------------------------------


def provider_create(*, team: Team, by: User, **fields) -> Provider:
    if Provider.objects.filter(team=team, name__iexact=fields["name"]).exists():
        raise NetworkError("Deze zorgaanbieder staat al in de lijst.")
    with transaction.atomic():
        return Provider.objects.create(team=team, **fields)


def provider_update(*, provider: Provider, by: User, **fields) -> Provider:
    clash = Provider.objects.filter(
        team_id=provider.team_id, name__iexact=fields.get("name", provider.name)
    ).exclude(pk=provider.pk)
    if clash.exists():
        raise NetworkError("Deze zorgaanbieder staat al in de lijst.")
    with transaction.atomic():
        for name, value in fields.items():
            setattr(provider, name, value)
        provider.save(update_fields=list(fields))
    return provider


def product_add(
    *,
    provider: Provider,
    by: User,
    name: str,
    norm_weeks: int,
    wait_weeks: int | None = None,
) -> ProviderProduct:
    if provider.products.filter(name__iexact=name).exists():
        raise NetworkError("Deze zorgaanbieder heeft dit product al.")
    with transaction.atomic():
        product = ProviderProduct.objects.create(
            provider=provider, name=name, norm_weeks=norm_weeks
        )
        if wait_weeks is not None:
            product = waiting_time_set(product=product, by=by, weeks=wait_weeks)
    return product


def product_update(
    *, product: ProviderProduct, by: User, norm_weeks: int, is_active: bool
) -> ProviderProduct:
    """Changes the norm for new verwijzingen; running ones keep theirs."""
    with transaction.atomic():
        locked = ProviderProduct.objects.select_for_update().get(pk=product.pk)
        locked.norm_weeks, locked.is_active = norm_weeks, is_active
        locked.save(update_fields=["norm_weeks", "is_active"])
    return locked


def waiting_time_set(
    *,
    product: ProviderProduct,
    by: User,
    weeks: int,
    valid_from: dt.date | None = None,
    note: str = "",
) -> ProviderProduct:
    """Append a waiting time to the history; it becomes the current one unless a
    newer one is already known (a late entry of an old figure)."""
    valid_from = valid_from or timezone.localdate()
    if valid_from > timezone.localdate():
        raise NetworkError("Een wachttijd geldt vanaf vandaag of eerder.")
    with transaction.atomic():
        locked = ProviderProduct.objects.select_for_update().get(pk=product.pk)
        WaitingTime.objects.create(
            product=locked, weeks=weeks, valid_from=valid_from, by=by, note=note
        )
        if locked.current_wait_since is None or valid_from >= (
            locked.current_wait_since
        ):
            locked.current_wait_weeks = weeks
            locked.current_wait_since = valid_from
            locked.save(update_fields=["current_wait_weeks", "current_wait_since"])
    return locked


# --- verwijzingen -------------------------------------------------------------


def referral_create(
    *,
    case: Case,
    by: User,
    product: ProviderProduct,
    reason: str,
    asked_on: dt.date,
) -> Referral:
    """Refer the casus to a product of one of the team's zorgaanbieders; the norm
    and the provider's current waiting time are kept as they are now."""
    if product.provider.team_id != case.team_id or not product.is_active:
        raise NetworkError("Kies een product van een zorgaanbieder van dit team.")
    if asked_on > timezone.localdate():
        raise NetworkError("De aanvraagdatum ligt in de toekomst.")
    with transaction.atomic():
        referral = Referral.objects.create(
            case=case,
            product=product,
            reason=reason,
            asked_on=asked_on,
            norm_weeks=product.norm_weeks,
            due_on=due_date(asked_on, product.norm_weeks),
            quoted_wait_weeks=product.current_wait_weeks,
            created_by=by,
        )
        ReferralStatusChange.objects.create(
            referral=referral, to_status=ReferralStatus.GEVRAAGD, by=by
        )
    return referral


def referral_change_status(
    *,
    referral: Referral,
    by: User,
    to: str,
    on: dt.date | None = None,
    note: str = "",
) -> Referral:
    """gevraagd → gestart (on = start of care: the actual waiting time follows) or
    geannuleerd; gestart → afgerond (on = end of care)."""
    on = on or timezone.localdate()
    if on > timezone.localdate():
        raise NetworkError("De datum ligt in de toekomst.")
    with transition(
        referral,
        to=to,
        by=by,
        note=note,
        transitions=REFERRAL_TRANSITIONS,
        history=ReferralStatusChange,
    ) as move:
        locked = move.row
        if to == ReferralStatus.GESTART:
            if on < locked.asked_on:
                raise NetworkError("De zorg kan niet vóór de aanvraag starten.")
            locked.started_on = on
            move.fields.append("started_on")
        elif to == ReferralStatus.AFGEROND:
            if on < locked.started_on:
                raise NetworkError("De zorg kan niet vóór de start afgerond zijn.")
            locked.ended_on = on
            move.fields.append("ended_on")
    return move.row


def referral_signals(
    team: Team, today: dt.date | None = None, *, cases=None
) -> tuple[list, int]:
    """The team's verwijzingen that wait longer than their norm, longest first
    (at most SIGNAL_LIMIT), and how many there are: two queries. `cases` (a
    queryset of casus ids) narrows them, as the werkbak's filter does."""
    overdue = Referral.objects.filter(case__team=team).waiting_over_norm(today)
    if cases is not None:
        overdue = overdue.filter(case__in=cases)
    rows = list(
        overdue.select_related("case__household", "product__provider").order_by(
            "due_on", "id"
        )[:SIGNAL_LIMIT]
    )
    return rows, overdue.count()


# --- toekenningen -------------------------------------------------------------


def _check_dates(start_on, end_on) -> None:
    if start_on and end_on and end_on < start_on:
        raise NetworkError("De einddatum ligt vóór de ingangsdatum.")


def allocation_create(
    *,
    case: Case,
    by: User,
    status: str = AllocationStatus.AANGEVRAAGD,
    provider: Provider | None = None,
    **fields,
) -> Allocation:
    if status not in ALLOCATION_START_STATUSES:
        raise NetworkError("Een toekenning begint als aangevraagd of toegekend.")
    if status == AllocationStatus.TOEGEKEND and not fields.get("decided_on"):
        raise NetworkError("Een toegekende voorziening heeft een besluitdatum.")
    if provider is not None and provider.team_id != case.team_id:
        raise NetworkError("Kies een zorgaanbieder van dit team.")
    _check_dates(fields.get("start_on"), fields.get("end_on"))
    with transaction.atomic():
        allocation = Allocation.objects.create(
            case=case, created_by=by, status=status, provider=provider, **fields
        )
        AllocationStatusChange.objects.create(
            allocation=allocation, to_status=status, by=by
        )
    return allocation


def allocation_change_status(
    *,
    allocation: Allocation,
    by: User,
    to: str,
    on: dt.date | None = None,
    note: str = "",
) -> Allocation:
    """aangevraagd → toegekend/afgewezen (on = besluitdatum); toegekend →
    beëindigd (on = einddatum, when earlier than the one set)."""
    on = on or timezone.localdate()
    with transition(
        allocation,
        to=to,
        by=by,
        note=note,
        transitions=ALLOCATION_TRANSITIONS,
        history=AllocationStatusChange,
    ) as move:
        locked = move.row
        if to in (AllocationStatus.TOEGEKEND, AllocationStatus.AFGEWEZEN):
            locked.decided_on = on
            move.fields.append("decided_on")
        elif to == AllocationStatus.BEEINDIGD:
            if locked.start_on and on < locked.start_on:
                raise NetworkError("De einddatum ligt vóór de ingangsdatum.")
            if locked.end_on is None or on < locked.end_on:
                locked.end_on = on
                move.fields.append("end_on")
    return move.row


# --- corrections after saving ----------------------------------------

# The fields of a network entry that may change, with their label in a summary.
NETWORK_EDITABLE = {
    "name": "naam",
    "relation": "relatie of rol",
    "organisation": "organisatie",
    "moederorganisatie": "moederorganisatie",
    "contact": "contact",
    "since": "betrokken sinds",
    "note": "toelichting",
}


def network_entry_update(*, entry: NetworkEntry, by: User, **fields) -> NetworkEntry:
    """Contact details change: no reason asked, but the change is recorded. The
    summary names the fields that changed (dates with their values), never a
    third party's old or new details."""
    unknown = set(fields) - set(NETWORK_EDITABLE)
    if unknown:
        raise ValueError(f"Not editable: {sorted(unknown)}")
    if fields.get("since") and fields["since"] > timezone.localdate():
        raise NetworkError("'Betrokken sinds' kan niet in de toekomst liggen.")
    with transaction.atomic():
        case = lock_open_case(entry.case, NetworkError)
        locked = NetworkEntry.objects.select_for_update().get(pk=entry.pk, case=case)
        changed = [n for n, v in fields.items() if getattr(locked, n) != v]
        if not changed:
            raise NetworkError(NOTHING_CHANGED)
        if "since" in changed and locked.until and fields["since"] > locked.until:
            raise NetworkError("'Betrokken sinds' ligt na 'betrokken tot'.")
        parts = [NETWORK_EDITABLE[n] for n in changed if n != "since"]
        summary = f"{', '.join(parts)} gewijzigd" if parts else ""
        if "since" in changed:
            since = change("betrokken sinds", day(locked.since), day(fields["since"]))
            summary = "; ".join(filter(None, [summary, since]))
        for name in changed:
            setattr(locked, name, fields[name])
        locked.save(update_fields=changed)
        correction_record(
            case=case, kind=CorrectionKind.NETWERK,
            action=CorrectionAction.GEWIJZIGD, object_id=locked.pk, by=by,
            summary=summary,
        )  # fmt: skip
    return locked
