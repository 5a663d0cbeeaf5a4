"""Casus-regie writes: regievoerder assignment, bulk reassignment, journal.

The assignment service locks the casus row and compares the regievoerder the
teamleider saw with the one in the database: of two teamleiders assigning at the
same moment, the second gets AssignmentConflict with the current state.
Status changes of a casus go through `cases.casework.services.case_change_status`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from cases.casework.constants import (
    CASE_TRANSITIONS,
    OPEN_CASE_STATUSES,
    CaseStatus,
    CloseReason,
    LegalFramework,
)
from cases.models import (
    Case,
    CaseAssignment,
    CaseSettings,
    CaseStatusChange,
    Household,
    HouseholdMember,
    JournalEntry,
    OpenCaseCount,
    Person,
    Question,
)
from cases.persons.services import person_create
from cases.tasks import notify_regievoerder
from wijkteam.constants import Role
from wijkteam.models import Membership, Team, User, team_workers
from wijkteam.workflow import transition

UNSET = object()


class AssignmentConflict(Exception):
    """Someone else assigned this casus in the meantime."""

    def __init__(self, case: Case):
        self.case = case
        who = case.regievoerder or "niemand"
        super().__init__(
            f"Iemand anders heeft deze casus net toegewezen. Regievoerder is nu: {who}."
        )


class AssignmentError(Exception):
    """The assignment itself is not allowed (reason missing, not a team worker)."""


class JournalLocked(Exception):
    pass


def case_assign(
    *,
    case: Case,
    to: User,
    by: User,
    reason: str = "",
    expected=UNSET,
) -> Case:
    """Make `to` the regievoerder. `expected` is the regievoerder id the caller saw
    (None for none); when the casus has changed since, nothing is written."""
    if not team_workers(case.team_id).filter(pk=to.pk).exists():
        raise AssignmentError(
            "Alleen wijkteamleden en teamleiders van dit team kunnen regievoerder zijn."
        )
    with transaction.atomic():
        locked = (
            Case.objects.select_for_update(of=("self",))
            .select_related("regievoerder", "team")
            .get(pk=case.pk)
        )
        if expected is not UNSET and locked.regievoerder_id != expected:
            raise AssignmentConflict(locked)
        if locked.regievoerder_id == to.pk:
            return locked
        if locked.regievoerder_id and not reason.strip():
            raise AssignmentError("Geef een reden voor het wisselen van regievoerder.")
        assignment = CaseAssignment.objects.create(
            case=locked,
            from_user_id=locked.regievoerder_id,
            to_user=to,
            by=by,
            reason=reason.strip()[:300],
        )
        locked.regievoerder = to
        locked.save(update_fields=["regievoerder"])
        transaction.on_commit(lambda: notify_regievoerder.delay(assignment.pk))
    return locked


@dataclass
class Move:
    case: Case
    to: User


def caseload_preview(
    *, team: Team, from_user: User, to_users: list[User]
) -> list[Move]:
    """Spread the member's open casussen over `to_users`, least loaded first."""
    load = dict(
        Case.objects.filter(
            team=team, status__in=OPEN_CASE_STATUSES, regievoerder__in=to_users
        )
        .values_list("regievoerder")
        .annotate(n=Count("id"))
    )
    counts = {u.pk: load.get(u.pk, 0) for u in to_users}
    by_pk = {u.pk: u for u in to_users}
    moves = []
    cases = (
        Case.objects.filter(
            team=team, status__in=OPEN_CASE_STATUSES, regievoerder=from_user
        )
        .select_related("household")
        .order_by("opened_at", "id")
    )
    for case in cases:
        target = min(counts, key=lambda pk: (counts[pk], by_pk[pk].get_full_name()))
        counts[target] += 1
        moves.append(Move(case, by_pk[target]))
    return moves


def caseload_reassign(
    *, team: Team, from_user: User, to_users: list[User], by: User, reason: str
) -> int:
    """Move the whole open caseload at once: all or nothing."""
    if not reason.strip():
        raise AssignmentError("Geef een reden voor het overdragen.")
    if from_user in to_users or not to_users:
        raise AssignmentError("Kies collega's anders dan de huidige regievoerder.")
    keys = [from_user.pk, *(u.pk for u in to_users)]
    _ensure_counters(team, keys)
    with transaction.atomic():
        _lock_for_transfer(team, from_user, keys)
        moves = caseload_preview(team=team, from_user=from_user, to_users=to_users)
        for move in moves:
            case_assign(
                case=move.case, to=move.to, by=by, reason=reason, expected=from_user.pk
            )
    return len(moves)


def _ensure_counters(team: Team, keys: list[int]) -> None:
    """Counter rows (count 0 where new) for every member and open status involved,
    committed before the transfer starts, so the transfer only locks existing
    rows and never inserts one while holding others."""
    OpenCaseCount.objects.bulk_create(
        [
            OpenCaseCount(team=team, regievoerder_key=key, status=status, count=0)
            for key in sorted(set(keys))
            for status in sorted(OPEN_CASE_STATUSES)
        ],
        ignore_conflicts=True,
    )


def _lock_for_transfer(team: Team, from_user: User, keys: list[int]) -> None:
    """Lock what a bulk transfer will change before changing any of it: first the
    member's open casussen (by id), then the counter rows of everyone involved in
    key order, the order the counter trigger uses (cases 0014). A single
    assignment running at the same moment then waits, instead of deadlocking."""
    list(
        Case.objects.select_for_update()
        .filter(team=team, status__in=OPEN_CASE_STATUSES, regievoerder=from_user)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    list(
        OpenCaseCount.objects.select_for_update()
        .filter(team=team, regievoerder_key__in=keys)
        .order_by("regievoerder_key", "status")
        .values_list("pk", flat=True)
    )


def assignments_mark_seen(*, case: Case, user: User) -> int:
    return CaseAssignment.objects.filter(
        case=case, to_user=user, seen_at__isnull=True
    ).update(seen_at=timezone.now())


def journal_add(
    *,
    case: Case,
    by: User,
    contact_on: dt.date,
    kind: str,
    note: str,
    present: str = "",
    initiated_by: str = "wijkteam",
    corrects: JournalEntry | None = None,
) -> JournalEntry:
    with transaction.atomic():
        entry = JournalEntry.objects.create(
            case=case,
            author=by,
            contact_on=contact_on,
            kind=kind,
            note=note,
            present=present,
            initiated_by=initiated_by,
            corrects=corrects,
        )
        Case.objects.filter(pk=case.pk).filter(
            Q(last_contact_on__isnull=True) | Q(last_contact_on__lt=contact_on)
        ).update(last_contact_on=contact_on)
    return entry


def journal_edit(*, entry: JournalEntry, by: User, **fields) -> JournalEntry:
    """Only the author, only within the edit window; afterwards: a correction."""
    with transaction.atomic():
        locked = JournalEntry.objects.select_for_update().get(pk=entry.pk)
        if not locked.editable_by(by):
            raise JournalLocked(
                "Deze notitie is definitief. Voeg een correctie toe als nieuwe regel."
            )
        for name, value in fields.items():
            setattr(locked, name, value)
        locked.edited_at = timezone.now()
        locked.save(update_fields=[*fields, "edited_at"])
        Case.objects.filter(pk=locked.case_id).filter(
            Q(last_contact_on__isnull=True) | Q(last_contact_on__lt=locked.contact_on)
        ).update(last_contact_on=locked.contact_on)
    return locked


class AlreadyMember(Exception):
    message = "Deze persoon hoort al bij het huishouden."


def household_member_add(
    *,
    case: Case,
    by: User,
    relation: str,
    person: Person | None = None,
    new_person: dict | None = None,
) -> HouseholdMember:
    """Add a known resident (from the person search) or a new one to the casus's
    household, all or nothing."""
    if person is not None and person.team_id != case.team_id:
        raise ValueError("De persoon hoort niet bij dit team.")
    try:
        with transaction.atomic():
            if person is None:
                person = person_create(team=case.team, by=by, **(new_person or {}))
            return HouseholdMember.objects.create(
                household=case.household, person=person, relation=relation
            )
    except IntegrityError as exc:
        raise AlreadyMember(AlreadyMember.message) from exc


# Werkbak writes: the team members' contract hours (for the workload table).


@transaction.atomic
def contract_hours_set(*, team: Team, hours_by_user: dict[int, Decimal | None]) -> int:
    """Set the contract hours of each given team worker (None: not known) on
    their active worker memberships in this team. Returns the rows changed."""
    changed = 0
    memberships = Membership.objects.select_for_update().filter(
        team=team,
        is_active=True,
        role__in=[Role.WIJKTEAMLID, Role.TEAMLEIDER],
        user_id__in=list(hours_by_user),
    )
    for membership in memberships:
        hours = hours_by_user[membership.user_id]
        if membership.contract_hours != hours:
            membership.contract_hours = hours
            membership.save(update_fields=["contract_hours"])
            changed += 1
    return changed


class CaseAlreadyOpen(Exception):
    message = "Er is al een open casus voor dit huishouden in dit team."

    def __init__(self, case: Case | None = None):
        self.case = case
        super().__init__(self.message)


def case_open(
    *, team: Team, household: Household, by: User, question: Question | None = None
) -> Case:
    """Open a casus for the household; one open casus per household per team."""
    open_case = (
        Case.objects.filter(team=team, household=household)
        .exclude(status=CaseStatus.AFGESLOTEN)
        .first()
    )
    if open_case is not None:
        raise CaseAlreadyOpen(open_case)
    try:
        with transaction.atomic():
            # The conversation that opens the casus is its first contact.
            case = Case.objects.create(
                team=team,
                household=household,
                opened_by=by,
                last_contact_on=timezone.localdate(),
            )
            CaseStatusChange.objects.create(
                case=case,
                to_status=case.status,
                by=by,
                note=f"geopend vanuit vraag {question.pk}" if question else "geopend",
            )
    except IntegrityError as exc:
        raise CaseAlreadyOpen() from exc
    return case


def case_change_status(
    *,
    case: Case,
    to: str,
    by: User,
    note: str = "",
    close_reason: str = "",
    evaluation: str = "",
    legal_framework: str | None = None,
) -> Case:
    """Move a casus along CASE_TRANSITIONS. Closing needs a reason; reopening
    clears it (the closure stays in the history). Closing may also set the
    wettelijk kader (blank: derived from the ages at closure, see
    cases/privacy/retention.py); None leaves it as it is, and so does every other
    status."""
    if to == CaseStatus.AFGESLOTEN and not close_reason:
        raise ValueError("Afsluiten vraagt een reden.")
    if legal_framework:
        LegalFramework(legal_framework)  # ValueError for an unknown kader
    try:
        with transition(
            case,
            to=to,
            by=by,
            note=note,
            transitions=CASE_TRANSITIONS,
            history=CaseStatusChange,
        ) as move:
            locked = move.row
            if to == CaseStatus.AFGESLOTEN:
                locked.closed_at = timezone.now()
                locked.close_reason, locked.evaluation = close_reason, evaluation
                label = CloseReason(close_reason).label.lower()
                if legal_framework is not None:
                    locked.legal_framework = legal_framework
                if locked.legal_framework:
                    kader = LegalFramework(locked.legal_framework).label
                    label = f"{label} (wettelijk kader: {kader})"
                move.note = f"{label}: {evaluation}" if evaluation else label
            elif move.previous == CaseStatus.AFGESLOTEN:
                locked.closed_at, locked.close_reason, locked.evaluation = None, "", ""
                move.note = f"heropend: {note}" if note else "heropend"
            move.fields += [
                "closed_at",
                "close_reason",
                "evaluation",
                "legal_framework",
            ]
    except IntegrityError as exc:
        # The unique "one open casus per household" index refused the reopening.
        raise CaseAlreadyOpen() from exc
    return move.row


def signal_settings_update(
    *, team: Team, no_contact_weeks: int, unassigned_days: int
) -> CaseSettings:
    """The team's werkbak thresholds; the row is made on first save."""
    settings, _ = CaseSettings.objects.update_or_create(
        team=team,
        defaults={
            "no_contact_weeks": no_contact_weeks,
            "unassigned_days": unassigned_days,
        },
    )
    return settings
