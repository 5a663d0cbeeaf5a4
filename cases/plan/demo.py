"""Demo plans: several casussen of the first team with goals in several
leefgebieden, actions (some past their date), and for some a vastgesteld version
followed by a new concept. Idempotent: a casus that has a plan is left alone."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from cases.models import Case, HouseholdMember, Plan, PlanVersion
from cases.plan.services import (
    action_add,
    action_mark_done,
    goal_add,
    goal_change_status,
    plan_vaststellen,
)

# household: [(domain, goal in the resident's words, owner, status,
#              [(what, who, due in days (negative: past), done)])],
# then "vaststellen" (days ago, agreed) or None, then changes after it.
PLANS = {
    "Huishouden Pinas": (
        [
            (
                "financien",
                "Ik wil dat de deurwaarder stopt met komen.",
                "inwoner",
                "bezig",
                [
                    ("Alle brieven verzamelen in één map", "inwoner", -20, True),
                    ("Aanmelden bij schuldhulpverlening", "teamlid", -10, True),
                    (
                        "Bewindvoering aanvragen bij de rechtbank",
                        "extern:Sociaal raadslieden",
                        -3,
                        False,
                    ),  # noqa: E501
                    ("Vaste lasten op een rij zetten", "inwoner", 14, False),
                ],
            ),
            (
                "werk_opleiding",
                "Dario gaat weer elke dag naar school.",
                "netwerk:Tante Gerda",  # noqa: E501
                "bezig",
                [
                    ("Gesprek met de mentor van Dario", "teamlid", -5, False),
                    ("Dario 's ochtends ophalen", "netwerk:Tante Gerda", 7, False),
                ],
            ),
            (
                "geestelijke_gezondheid",
                "Ik wil weer kunnen slapen zonder zorgen.",
                "inwoner",  # noqa: E501
                "open",
                [
                    ("Afspraak bij de huisarts maken", "inwoner", 10, False),
                ],
            ),
        ],
        (30, True),
        [
            (
                "huiselijke_relaties",
                "Minder ruzie thuis over geld.",
                "inwoner",
                "open",
                [("Samen een weekbudget maken", "inwoner", 21, False)],
            )
        ],
    ),
    "Huishouden de Jong": (
        [
            (
                "sociaal_netwerk",
                "Ik wil weer eens per week iemand spreken.",
                "inwoner",
                "bezig",
                [
                    (
                        "Kennismaken bij de koffieochtend in het Huis van de Wijk",
                        "teamlid",
                        -8,
                        False,
                    ),  # noqa: E501
                    ("Dochter belt elke zondag", "netwerk:Dochter Annelies", -1, True),
                ],
            ),
            (
                "lichamelijke_gezondheid",
                "Veilig de trap op en af kunnen.",
                "professional:Ergotherapeut (Laurens Zorg)",  # noqa: E501
                "open",
                [
                    (
                        "Huisbezoek ergotherapeut",
                        "extern:Ergotherapeut (Laurens Zorg)",
                        -12,
                        False,
                    ),  # noqa: E501
                    ("Trapleuning laten plaatsen", "extern:Woonstad", 30, False),
                ],
            ),
            (
                "tijdsbesteding",
                "Weer naar de biljartclub.",
                "inwoner",
                "open",
                [
                    ("Buurman vraagt of hij mee kan", "netwerk:Buurman Kees", 5, False),
                ],
            ),
        ],
        None,
        [],
    ),
    "Huishouden Öztürk": (
        [
            (
                "huisvesting",
                "Een huis zonder schimmel.",
                "inwoner",
                "bezig",
                [
                    ("Schimmel melden bij de corporatie", "inwoner", -20, True),
                    ("Inspectie door de corporatie", "extern:Woonstad", -2, False),
                ],
            ),
            (
                "financien",
                "Geen achterstand meer bij de energie.",
                "inwoner",
                "open",
                [
                    ("Betalingsregeling afspreken", "teamlid", 12, False),
                ],
            ),
        ],
        (12, True),
        [],
    ),
    "Huishouden Tjon": (
        [
            (
                "basale_adl",
                "Levi gaat naar de opvang, zodat ik kan werken.",
                "inwoner",
                "behaald",
                [
                    ("Inschrijven bij de kinderopvang", "inwoner", -90, True),
                    ("Kinderopvangtoeslag aanvragen", "teamlid", -80, True),
                ],
            ),
            (
                "werk_opleiding",
                "Ik wil mijn mbo-diploma halen.",
                "inwoner",
                "bezig",
                [
                    ("Inschrijven voor de avondopleiding", "inwoner", 20, False),
                ],
            ),
        ],
        (60, False),
        [],
    ),
}


def _who(case, lead, spec: str) -> dict:
    kind, _, name = spec.partition(":")
    if kind == "inwoner":
        member = HouseholdMember.objects.filter(household=case.household).first()
        return {"who_kind": "huishouden", "who_member": member}
    if kind == "teamlid":
        return {"who_kind": "teamlid", "who_user": lead}
    return {"who_kind": "netwerk" if kind == "netwerk" else "extern", "who_name": name}


def _owner(case, spec: str) -> dict:
    kind, _, name = spec.partition(":")
    if kind == "inwoner":
        member = HouseholdMember.objects.filter(household=case.household).first()
        return {"owner_kind": "inwoner", "owner_member": member}
    return {"owner_kind": kind, "owner_name": name}


def _add_goals(case, lead, goals, today) -> None:
    for domain, text, owner, status, actions in goals:
        goal = goal_add(
            case=case, by=lead, domain=domain, text=text,
            start_on=today - dt.timedelta(days=35),
            target_on=today + dt.timedelta(days=90), **_owner(case, owner),
        )  # fmt: skip
        for what, who, due, done in actions:
            action = action_add(
                goal=goal, by=lead, what=what,
                due_on=today + dt.timedelta(days=due), **_who(case, lead, who),
            )  # fmt: skip
            if done:
                action_mark_done(
                    action=action, by=lead, done_on=today + dt.timedelta(days=due)
                )
        if status in ("bezig", "behaald"):
            goal = goal_change_status(goal=goal, to="bezig", by=lead)
        if status == "behaald":
            goal_change_status(
                goal=goal, to="behaald", by=lead, on=today - dt.timedelta(days=70)
            )


def load_plans(context) -> None:
    team = context.team
    today = timezone.localdate()
    for name, (goals, vaststellen, later) in PLANS.items():
        case = Case.objects.filter(team=team, household__name=name).first()
        if case is None or Plan.objects.filter(case=case).exists():
            continue
        lead = case.regievoerder or context.user("wijkteamlid")
        _add_goals(case, lead, goals, today)
        if vaststellen:
            days_ago, agreed = vaststellen
            version = plan_vaststellen(
                case=case, by=lead, agreed_with_resident=agreed,
                note="Samen aan de keukentafel besproken." if agreed else "",
            )  # fmt: skip
            PlanVersion.objects.filter(pk=version.pk).update(
                vastgesteld_at=timezone.now() - dt.timedelta(days=days_ago)
            )
        _add_goals(case, lead, later, today)
