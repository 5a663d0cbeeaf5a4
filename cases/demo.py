"""Demo data: a morning at the desk of the first team, and a little in the second.

Idempotent: persons are found by BSN or name and birth date, questions by a fixed
idempotency key, and a vraagverheldering is only recorded on a question that still
waits for one.
"""

from __future__ import annotations

import datetime as dt
import uuid

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from cases.casework.demo import load_cases
from cases.intake.constants import (
    Channel,
    ClarificationDecision,
    IntakeOutcome,
    PresentParty,
    QuestionStatus,
    Urgency,
    ZrmDomain,
)
from cases.intake.services import question_register, vraagverheldering_record
from cases.measuring.demo import load_measuring
from cases.models import Person, Question, Voorziening
from cases.network.demo import load_network
from cases.persons.services import person_create
from cases.persons.validators import BSN_WEIGHTS
from cases.plan.demo import load_plans
from gebiedsanalyse.models import Area

DEMO_NAMESPACE = uuid.UUID("5c1d2f1e-8f3a-4c55-9d6e-6b1f0a2d7c01")

VOORZIENINGEN = [
    ("Vraagwijzer Feijenoord", "Informatie en advies over zorg, werk en geld."),
    ("Voedselbank Rotterdam", "Voedselpakketten na een intake."),
    ("Thuisadministratie (Humanitas)", "Vrijwilligers helpen met post en papieren."),
    ("Sociaal raadslieden", "Hulp bij brieven, toeslagen en bezwaar."),
    ("Huis van de Wijk", "Activiteiten en ontmoeting in de buurt."),
    ("Jongerenloket", "Jongeren tot 27 zonder werk, school of inkomen."),
]

# first, prefix, last, birth date, postcode, house number, street, phone
RESIDENTS = [
    ("Fatima", "", "Bouzian", "1984-03-12", "3072 AB", "14", "Putselaan", "0612345601"),
    ("Henk", "van der", "Berg", "1951-07-30", "3071 KL", "8b", "Oranjeboomstraat", ""),
    ("Gülsen", "", "Kaya", "1990-11-02", "3073 DE", "233", "Hillevliet", "0612345603"),
    ("Marco", "de", "Wit", "1978-01-19", "3074 GH", "5", "Groene Hilledijk", ""),
    ("Priscilla", "", "Martina", "1999-05-25", "3072 CD", "41", "Afrikaanderplein", ""),
    ("Jan", "", "Kok", "1946-09-08", "3071 MN", "2", "Rosestraat", "0101234567"),
]
SECOND_TEAM_RESIDENTS = [
    ("Said", "", "Amrani", "1972-02-14", "3026 AB", "17", "Schiedamseweg", ""),
]


def demo_bsn(seed: int) -> str:
    """A BSN that passes the 11-proef, made from an 8-digit seed (skips seeds that
    cannot be completed)."""
    while True:
        head = f"{seed:08d}"
        total = sum(int(d) * w for d, w in zip(head, BSN_WEIGHTS[:8], strict=True))
        check = total % 11
        if check < 10 and head[0] != "0":
            return head + str(check)
        seed += 1


def _person(team, by, row, bsn) -> Person:
    first, prefix, last, born, postcode, number, street, phone = row
    birth_date = dt.date.fromisoformat(born)
    existing = Person.objects.filter(
        team=team, first_name=first, last_name=last, birth_date=birth_date
    ).first()
    if existing is not None:
        return existing
    return person_create(
        team=team,
        by=by,
        first_name=first,
        prefix=prefix,
        last_name=last,
        birth_date=birth_date,
        bsn=bsn,
        postcode=postcode,
        house_number=number,
        street=street,
        city="Rotterdam",
        phone=phone,
    )


def _at(hour: int, minute: int, days_ago: int = 0) -> dt.datetime:
    day = timezone.localdate() - dt.timedelta(days=days_ago)
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def _register(team, by, key: str, when: dt.datetime, **fields) -> Question:
    question, created = question_register(
        team=team,
        by=by,
        idempotency_key=uuid.uuid5(DEMO_NAMESPACE, f"{team.name}:{key}"),
        **fields,
    )
    if created:
        Question.objects.filter(pk=question.pk).update(registered_at=when)
        question.status_changes.update(at=when)
        question.registered_at = when
    return question


def _beheer_can_keep_voorzieningen() -> None:
    group = Group.objects.filter(name="Functioneel beheer").first()
    if group is not None:
        group.permissions.add(
            *Permission.objects.filter(
                content_type__app_label="cases", codename__endswith="_voorziening"
            )
        )


def load(context) -> None:
    _beheer_can_keep_voorzieningen()
    voorzieningen = {}
    for name, description in VOORZIENINGEN:
        voorzieningen[name], _ = Voorziening.objects.get_or_create(
            name=name, defaults={"description": description}
        )
    team = context.team
    balie = context.user("balie")
    lid = context.user("wijkteamlid")
    lid_b = context.user("wijkteamlid_b")
    people = [
        _person(team, balie, row, demo_bsn(12345670 + 1000 * i) if i % 3 else "")
        for i, row in enumerate(RESIDENTS)
    ]
    fatima, henk, gulsen, marco, priscilla, jan = people

    Z = ZrmDomain
    _register(
        team,
        balie,
        "morning-1",
        _at(8, 52),
        channel=Channel.INLOOP,
        person=henk,
        text="Ik krijg een brief van de gemeente die ik niet "
        "begrijp, over mijn huurtoeslag.",
        domains=[Z.FINANCIEN],
        outcome=IntakeOutcome.BEANTWOORD,
        outcome_note="Brief samen gelezen en uitgelegd.",
    )
    _register(
        team,
        balie,
        "morning-2",
        _at(9, 5),
        channel=Channel.TELEFOON,
        anonymous_label="Mevrouw, belt voor haar moeder",
        text="Waar kan mijn moeder koffie drinken met buurtgenoten?",
        domains=[Z.SOCIAAL_NETWERK, Z.TIJDSBESTEDING],
        outcome=IntakeOutcome.ADVIES,
        outcome_note="Inloopochtend Huis van de Wijk genoemd.",
    )
    _register(
        team,
        balie,
        "morning-3",
        _at(9, 18),
        channel=Channel.INLOOP,
        person=fatima,
        text="Ik heb deze maand geen geld meer voor boodschappen.",
        domains=[Z.FINANCIEN],
        urgency=Urgency.URGENT,
        outcome=IntakeOutcome.DOORVERWEZEN,
        voorziening=voorzieningen["Voedselbank Rotterdam"],
    )
    _register(
        team,
        balie,
        "morning-4",
        _at(9, 31),
        channel=Channel.INLOOP,
        person=jan,
        text="Mijn post stapelt zich op, ik zie het niet meer.",
        domains=[Z.FINANCIEN, Z.INSTRUMENTELE_ADL],
        outcome=IntakeOutcome.DOORVERWEZEN,
        voorziening_text="Schuldhulpmaatje Feijenoord",
    )
    _register(
        team,
        balie,
        "morning-5",
        _at(9, 44),
        channel=Channel.AFSPRAAK,
        person=gulsen,
        text="Mijn zoon gaat niet meer naar school en ik "
        "maak me zorgen. Ook thuis is het onrustig.",
        domains=[Z.WERK_OPLEIDING, Z.HUISELIJKE_RELATIES],
        outcome=IntakeOutcome.VRAAGVERHELDERING,
        assigned_to=lid,
        appointment_at=_at(14, 0),
    )
    _register(
        team,
        balie,
        "morning-6",
        _at(10, 2),
        channel=Channel.SIGNAAL,
        signaller_name="Wijkagent R. Dijkstra",
        signaller_organisation="Politie Rotterdam",
        person=marco,
        text="Buren melden geluidsoverlast en een vervuilde woning.",
        domains=[Z.HUISVESTING, Z.GEESTELIJKE_GEZONDHEID],
        urgency=Urgency.URGENT,
        outcome=IntakeOutcome.VRAAGVERHELDERING,
    )
    _register(
        team,
        balie,
        "morning-7",
        _at(10, 15),
        channel=Channel.EMAIL,
        person=priscilla,
        text="Ik zoek werk en weet niet waar ik moet beginnen.",
        domains=[Z.WERK_OPLEIDING],
        outcome=IntakeOutcome.DOORVERWEZEN,
        voorziening=voorzieningen["Jongerenloket"],
    )
    _register(
        team,
        balie,
        "morning-8",
        _at(10, 40),
        channel=Channel.INLOOP,
        anonymous_label="Jongeman, ca. 30 jaar",
        text="Kan ik hier hulp krijgen bij het invullen van een formulier voor de Wmo?",
        domains=[Z.BASALE_ADL],
        outcome=IntakeOutcome.BEANTWOORD,
    )
    _register(
        team,
        balie,
        "morning-9",
        _at(10, 58),
        channel=Channel.TELEFOON,
        person=henk,
        text="Ik val steeds vaker en durf niet meer alleen te douchen.",
        domains=[Z.LICHAMELIJKE_GEZONDHEID, Z.BASALE_ADL],
        urgency=Urgency.URGENT,
        outcome=IntakeOutcome.VRAAGVERHELDERING,
        assigned_to=lid_b,
        appointment_at=_at(11, 30),
    )
    _register(
        team,
        balie,
        "morning-10",
        _at(11, 20),
        channel=Channel.INLOOP,
        person=fatima,
        text="Mijn ex staat steeds voor de deur en ik ben bang.",
        domains=[Z.HUISELIJKE_RELATIES, Z.JUSTITIE],
        urgency=Urgency.CRISIS,
        outcome=IntakeOutcome.VRAAGVERHELDERING,
        assigned_to=lid,
        appointment_at=_at(11, 30),
        outcome_note="Crisisinstructie gevolgd, teamleider gebeld.",
    )
    # Earlier days: conversations held, with each decision.
    earlier = [
        ("week-1", gulsen, ClarificationDecision.CASUS_OPENEN, 6),
        ("week-2", jan, ClarificationDecision.AFSLUITEN, 5),
        ("week-3", priscilla, ClarificationDecision.LICHTE_ONDERSTEUNING, 4),
    ]
    for key, person, decision, days_ago in earlier:
        question = _register(
            team,
            balie,
            key,
            _at(9, 30, days_ago),
            channel=Channel.INLOOP,
            person=person,
            text="Het lukt thuis allemaal niet meer.",
            domains=[Z.FINANCIEN, Z.HUISELIJKE_RELATIES],
            outcome=IntakeOutcome.VRAAGVERHELDERING,
            assigned_to=lid,
            appointment_at=_at(13, 0, days_ago),
        )
        if question.status in (QuestionStatus.WACHTRIJ, QuestionStatus.GEPLAND):
            vraagverheldering_record(
                question=question,
                by=lid,
                held_on=timezone.localdate(question.appointment_at),
                present=[PresentParty.INWONER, PresentParty.HUISHOUDEN],
                real_question="Schulden en spanningen thuis hangen samen; de "
                "inwoner wil rust en overzicht.",
                zrm_scores={Z.FINANCIEN: 2, Z.HUISELIJKE_RELATIES: 3},
                decision=decision,
                decision_note="Geen hulpvraag meer: opgelost met de buurvrouw."
                if decision == ClarificationDecision.AFSLUITEN
                else "Twee gesprekken om de post op orde te krijgen.",
            )
    _register(
        team,
        balie,
        "week-4",
        _at(10, 0, 3),
        channel=Channel.TELEFOON,
        person=marco,
        text="Ik wil graag iemand spreken over mijn schulden.",
        domains=[Z.FINANCIEN],
        outcome=IntakeOutcome.VRAAGVERHELDERING,
    )

    if len(context.teams) > 1:
        second = context.teams[1]
        balie2 = context.user("balie2")
        said = _person(second, balie2, SECOND_TEAM_RESIDENTS[0], demo_bsn(23456780))
        _register(
            second,
            balie2,
            "morning-1",
            _at(9, 10),
            channel=Channel.INLOOP,
            person=said,
            text="Ik ben mijn baan kwijt en kan de huur niet betalen.",
            domains=[Z.FINANCIEN, Z.HUISVESTING],
            urgency=Urgency.URGENT,
            outcome=IntakeOutcome.VRAAGVERHELDERING,
        )
        _register(
            second,
            balie2,
            "morning-2",
            _at(9, 40),
            channel=Channel.TELEFOON,
            anonymous_label="Buurman",
            text="Waar is het buurthuis?",
            outcome=IntakeOutcome.BEANTWOORD,
        )

    load_cases(context)
    load_measuring(context)  # metingen and moreel beraad
    load_network(context)  # netwerk, verwijzingen, toekenningen
    load_plans(context)
    assign_buurten(context)


def assign_buurten(context) -> None:
    """Give each team's demo residents one of the buurten the team serves, in turn.

    Only residents without a buurt; the gebiedsanalyse demo (loaded first) links
    the teams to their buurten. Idempotent: a second run finds nothing to fill.
    """
    for team in context.teams:
        buurten = list(Area.objects.buurten_of_team(team))
        if not buurten:
            continue
        empty = Person.objects.filter(team=team, buurt__isnull=True).order_by("pk")
        for i, person in enumerate(empty):
            person.buurt = buurten[(person.pk + i) % len(buurten)]
            person.save(update_fields=["buurt"])
