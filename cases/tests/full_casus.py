"""One casus with everything casus-regie hangs on it (plan, metingen, netwerk),
at a chosen size, built through the
services (as the screens do). Used by `test_casus_tabs_queries.py` and by
`bench/casus_full.py`, so the benchmark measures what the test keeps constant.

The issue's realistic size: 10 goals, 40 actions, 12 ZRM assessments and 30 network
entries; `FULL` adds the ladder, referrals, toekenningen, moreel beraad and journal
that go with such a casus.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from cases.casework.constants import ContactKind
from cases.casework.services import journal_add
from cases.intake.constants import ZrmDomain
from cases.measuring.services import (
    ladder_measurement_record,
    moral_deliberation_record,
    zrm_assessment_record,
)
from cases.models import (
    Case,
    Household,
    HouseholdMember,
    Person,
    Provider,
    ProviderProduct,
)
from cases.network.constants import AllocationKind, LegalBasis, NetworkKind
from cases.network.services import allocation_create, network_entry_add, referral_create
from cases.plan.constants import ActionWho, GoalOwner
from cases.plan.services import action_add, goal_add, goal_edit, plan_vaststellen


@dataclass(frozen=True)
class Size:
    members: int = 4
    goals: int = 10
    actions_per_goal: int = 4
    zrm: int = 12
    ladder: int = 12
    network: int = 30
    referrals: int = 6
    allocations: int = 4
    beraden: int = 3
    journal: int = 40


FULL = Size()
SMALL = Size(
    members=1, goals=1, actions_per_goal=1, zrm=1, ladder=1, network=1,
    referrals=1, allocations=1, beraden=1, journal=1,
)  # fmt: skip


def new_casus(team, regievoerder, size: Size = FULL) -> Case:
    """A household of `size.members` (first one the main contact) and its open casus."""
    household = Household.objects.create(team=team, name="Huishouden Volledig")
    case = Case.objects.create(
        team=team, household=household, opened_by=regievoerder,
        regievoerder=regievoerder, status="in_behandeling",
    )  # fmt: skip
    _members(case, size.members)
    return case


def _members(case: Case, count: int) -> list[Person]:
    """The household's persons, first adding members until there are `count`."""
    members = HouseholdMember.objects.filter(household=case.household)
    for n in range(members.count(), count):
        person = Person.objects.create(
            team=case.team, first_name=f"Lid{n}", last_name="Volledig",
            search_name="lid",
        )  # fmt: skip
        HouseholdMember.objects.create(
            household=case.household, person=person,
            relation="kind" if n else "ouder", is_main_contact=n == 0,
        )  # fmt: skip
    return [m.person for m in members.select_related("person").order_by("pk")]


def grow(case: Case, by, size: Size = FULL, *, start: int = 0) -> None:
    """Add `size` worth of plan, metingen, netwerk and journal to `case`. `start`
    shifts the numbering so a second call adds new goals in other leefgebieden."""
    today = timezone.localdate()
    people = _members(case, size.members)
    domains = ZrmDomain.values
    goals = []
    for g in range(start, start + size.goals):
        goal = goal_add(
            case=case, by=by, domain=domains[g % len(domains)],
            owner_kind=GoalOwner.NETWERK, owner_name="Zus",
            text=f"Doel {g} in de eigen woorden van de inwoner.",
        )  # fmt: skip
        goals.append(goal)
        for n in range(size.actions_per_goal):
            action_add(
                goal=goal, by=by, what=f"Actie {n} bij doel {g}",
                who_kind=ActionWho.EXTERN, who_name="Schuldhulp",
                due_on=today + dt.timedelta(days=n * 7 - 7),
            )  # fmt: skip
    if goals and not case.plan.versions.exists():
        plan_vaststellen(case=case, by=by, agreed_with_resident=True)
        goal = goals[0]
        goal_edit(goal=goal, by=by, domain=goal.domain, text="Nieuw",
                  owner_kind=GoalOwner.NETWERK, owner_name="Zus")  # fmt: skip
    for i in range(start, start + size.zrm):
        zrm_assessment_record(
            case=case, person=people[i % len(people)], by=by,
            assessed_on=today - dt.timedelta(days=30 * i),
            scores={d: 1 + (i + n) % 5 for n, d in enumerate(domains)},
        )  # fmt: skip
    for i in range(start, start + size.ladder):
        ladder_measurement_record(
            case=case, person=people[i % len(people)], step=1 + i % 6, by=by,
            measured_on=today - dt.timedelta(days=30 * i),
        )  # fmt: skip
    kinds = NetworkKind.values
    for i in range(start, start + size.network):
        professional = kinds[i % len(kinds)] == NetworkKind.PROFESSIONAL
        network_entry_add(
            case=case, by=by, kind=kinds[i % len(kinds)], name=f"Betrokkene {i}",
            organisation="Vraagwijzer" if professional else "",
            since=today - dt.timedelta(days=i),
        )  # fmt: skip
    provider, _ = Provider.objects.get_or_create(team=case.team, name="Zorg Volledig")
    for i in range(start, start + size.referrals):
        product, _ = ProviderProduct.objects.get_or_create(
            provider=provider, name=f"Product {i}",
            defaults={"norm_weeks": 4, "current_wait_weeks": i % 9},
        )  # fmt: skip
        referral_create(
            case=case, by=by, product=product, reason="Meer hulp nodig",
            asked_on=today - dt.timedelta(days=20 * i),
        )  # fmt: skip
    allocation_kinds = AllocationKind.values
    for i in range(start, start + size.allocations):
        allocation_create(
            case=case, by=by, status="toegekend", provider=provider,
            kind=allocation_kinds[i % len(allocation_kinds)],
            legal_basis=LegalBasis.WMO, decided_on=today, start_on=today,
        )  # fmt: skip
    for i in range(start, start + size.beraden):
        moral_deliberation_record(
            case=case, by=by, held_on=today - dt.timedelta(days=i),
            dilemma=f"Dilemma {i}", perspectives="Twee kanten", decision="Besluit",
            participants=[by],
        )  # fmt: skip
    for i in range(start, start + size.journal):
        journal_add(
            case=case, by=by, contact_on=today - dt.timedelta(days=i),
            kind=ContactKind.HUISBEZOEK, note=f"Gesprek {i} met het huishouden.",
        )  # fmt: skip
