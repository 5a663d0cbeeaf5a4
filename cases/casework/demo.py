"""Demo casussen of the first team: every status, spread over the members, with
journal history and one of each werkbak signal. Idempotent: a household that
already has a casus is left alone."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from cases.casework.constants import CaseStatus, ContactInitiator, ContactKind
from cases.casework.services import (
    case_assign,
    case_change_status,
    case_open,
    journal_add,
)
from cases.intake.constants import Relation
from cases.models import Case, Household, HouseholdMember
from cases.persons.services import person_create

# household name, members (first, last, born, relation), regievoerder, status,
# days since opening, journal (days ago, kind, note)
FAMILIES = [
    (
        "Huishouden El Idrissi",
        [
            ("Karim", "El Idrissi", "1980-04-02", Relation.OUDER),
            ("Hanan", "El Idrissi", "1983-09-15", Relation.PARTNER),
            ("Yasmina", "El Idrissi", "2011-06-30", Relation.KIND),
        ],
        None,
        CaseStatus.AANGEMELD,
        9,
        [],
    ),
    (
        "Huishouden Vermeer",
        [("Bianca", "Vermeer", "1992-12-01", Relation.OUDER)],
        None,
        CaseStatus.AANGEMELD,
        1,
        [],
    ),
    (
        "Huishouden Pinas",
        [
            ("Rowena", "Pinas", "1975-03-21", Relation.OUDER),
            ("Dario", "Pinas", "2008-01-11", Relation.KIND),
        ],
        "wijkteamlid",
        CaseStatus.IN_BEHANDELING,
        40,
        [
            (
                38,
                ContactKind.HUISBEZOEK,
                "Kennismaking thuis; schulden en school besproken.",
            ),
            (20, ContactKind.OVERLEG, "Overleg met school en schuldhulp."),
            (3, ContactKind.TELEFOON, "Afspraak bewindvoering bevestigd."),
        ],
    ),
    (
        "Huishouden de Jong",
        [("Wim", "de Jong", "1948-08-08", Relation.HOOFDBEWONER)],
        "wijkteamlid",
        CaseStatus.IN_BEHANDELING,
        70,
        [
            (65, ContactKind.HUISBEZOEK, "Meneer vereenzaamt; dochter woont ver weg."),
            (45, ContactKind.TELEFOON, "Dagbesteding aangevraagd."),
        ],
    ),
    (
        "Huishouden Öztürk",
        [
            ("Serkan", "Öztürk", "1969-05-17", Relation.HOOFDBEWONER),
            ("Derya", "Öztürk", "1971-10-04", Relation.PARTNER),
        ],
        "wijkteamlid_b",
        CaseStatus.IN_BEHANDELING,
        25,
        [
            (24, ContactKind.GESPREK_OP_LOCATIE, "Gesprek op het informatiepunt."),
            (10, ContactKind.HUISBEZOEK, "Woning bekeken met de corporatie."),
        ],
    ),
    (
        "Huishouden Tjon",
        [
            ("Melissa", "Tjon", "1995-02-27", Relation.OUDER),
            ("Levi", "Tjon", "2019-07-19", Relation.KIND),
        ],
        "wijkteamlid_c",
        CaseStatus.MONITORING,
        120,
        [
            (110, ContactKind.HUISBEZOEK, "Plan gemaakt met Melissa en haar moeder."),
            (14, ContactKind.TELEFOON, "Het gaat goed; maandelijks bellen."),
        ],
    ),
    (
        "Huishouden Koster",
        [("Ria", "Koster", "1957-11-23", Relation.HOOFDBEWONER)],
        "wijkteamlid_b",
        CaseStatus.AFGESLOTEN,
        200,
        [
            (190, ContactKind.HUISBEZOEK, "Hulp bij administratie gestart."),
            (30, ContactKind.GESPREK_OP_LOCATIE, "Eindgesprek: doel bereikt."),
        ],
    ),
]


def _household(team, by, name, members) -> tuple[Household, bool]:
    household = Household.objects.filter(team=team, name=name).first()
    if household is not None:
        return household, False
    household = Household.objects.create(team=team, name=name)
    for index, (first, last, born, relation) in enumerate(members):
        prefix, _, last_name = last.rpartition(" ")
        person = person_create(
            team=team, by=by, first_name=first, prefix=prefix, last_name=last_name,
            birth_date=dt.date.fromisoformat(born), city="Rotterdam",
        )  # fmt: skip
        HouseholdMember.objects.create(
            household=household, person=person, relation=relation,
            is_main_contact=index == 0,
        )  # fmt: skip
    return household, True


def load_cases(context) -> None:
    team = context.team
    leader = context.user("teamleider")
    for name, members, lead, status, days, journal in FAMILIES:
        household, created = _household(team, leader, name, members)
        if not created and Case.objects.filter(household=household).exists():
            continue
        case = case_open(team=team, household=household, by=leader)
        opened = timezone.now() - dt.timedelta(days=days)
        Case.objects.filter(pk=case.pk).update(
            opened_at=opened, last_contact_on=timezone.localdate(opened)
        )
        case.status_changes.update(at=opened)
        if lead:
            regievoerder = context.user(lead)
            case = case_assign(case=case, to=regievoerder, by=leader)
            assigned = opened + dt.timedelta(days=1)
            case.assignments.update(at=assigned, seen_at=assigned, notified_at=assigned)
        for days_ago, kind, note in journal:
            contact_on = timezone.localdate() - dt.timedelta(days=days_ago)
            entry = journal_add(
                case=case, by=case.regievoerder or leader, contact_on=contact_on,
                kind=kind, note=note, initiated_by=ContactInitiator.WIJKTEAM,
            )  # fmt: skip
            written = timezone.make_aware(dt.datetime.combine(contact_on, dt.time(16)))
            type(entry).objects.filter(pk=entry.pk).update(created_at=written)
        if status in (CaseStatus.IN_BEHANDELING, CaseStatus.MONITORING,
                      CaseStatus.AFGESLOTEN):  # fmt: skip
            case = case_change_status(
                case=case, to=CaseStatus.IN_BEHANDELING, by=leader
            )
        if status == CaseStatus.MONITORING:
            case_change_status(case=case, to=CaseStatus.MONITORING, by=leader)
        if status == CaseStatus.AFGESLOTEN:
            case_change_status(
                case=case, to=CaseStatus.AFGESLOTEN, by=leader,
                close_reason="doel_bereikt",
                evaluation="Administratie op orde; Ria redt het zelf met haar buurman.",
            )  # fmt: skip
    _contract_hours(context)


# Contract hours per week of the demo team's workers (the werkbak's workload).
DEMO_HOURS = {"wijkteamlid": 32, "wijkteamlid2": 24, "teamleider": 36}


def _contract_hours(context) -> None:
    """Set once: hours a teamleider changed in the demo stay as they are."""
    from wijkteam.models import Membership

    for username, hours in DEMO_HOURS.items():
        Membership.objects.filter(
            team=context.team,
            user=context.user(username),
            contract_hours__isnull=True,
            role__in=["wijkteamlid", "teamleider"],
        ).update(contract_hours=hours)
