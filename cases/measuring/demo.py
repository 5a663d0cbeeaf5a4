"""Demo metingen: ZRM histories that improve over time, treden on the
participatieladder and one moreel beraad, on the demo casussen of the first team.
Idempotent: a casus that already has ZRM assessments is left alone."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from cases.intake.constants import ZrmDomain as Z
from cases.measuring.services import (
    ladder_measurement_record,
    moral_deliberation_record,
    zrm_assessment_record,
)
from cases.models import Case, HouseholdMember
from wijkteam.models import team_workers

# household -> (days ago, {domain: score}) per assessment of the main contact,
# then the ladder treden (days ago, trede).
HISTORIES = {
    "Huishouden Pinas": (
        [
            (38, {Z.FINANCIEN: 1, Z.HUISVESTING: 3, Z.HUISELIJKE_RELATIES: 2,
                  Z.GEESTELIJKE_GEZONDHEID: 2, Z.SOCIAAL_NETWERK: 2,
                  Z.WERK_OPLEIDING: 2}),
            (20, {Z.FINANCIEN: 2, Z.HUISVESTING: 3, Z.HUISELIJKE_RELATIES: 2,
                  Z.GEESTELIJKE_GEZONDHEID: 3, Z.SOCIAAL_NETWERK: 2,
                  Z.WERK_OPLEIDING: 2}),
            (3, {Z.FINANCIEN: 3, Z.HUISVESTING: 4, Z.HUISELIJKE_RELATIES: 3,
                 Z.GEESTELIJKE_GEZONDHEID: 3, Z.SOCIAAL_NETWERK: 3,
                 Z.WERK_OPLEIDING: 2}),
        ],
        [(38, 2), (3, 3)],
    ),
    "Huishouden de Jong": (
        [
            (65, {Z.SOCIAAL_NETWERK: 1, Z.TIJDSBESTEDING: 1, Z.BASALE_ADL: 3,
                  Z.INSTRUMENTELE_ADL: 2, Z.LICHAMELIJKE_GEZONDHEID: 2}),
            (30, {Z.SOCIAAL_NETWERK: 2, Z.TIJDSBESTEDING: 2, Z.BASALE_ADL: 3,
                  Z.INSTRUMENTELE_ADL: 3, Z.LICHAMELIJKE_GEZONDHEID: 2}),
            (5, {Z.SOCIAAL_NETWERK: 3, Z.TIJDSBESTEDING: 3, Z.BASALE_ADL: 4,
                 Z.INSTRUMENTELE_ADL: 3, Z.LICHAMELIJKE_GEZONDHEID: 3}),
        ],
        [(65, 1), (30, 2), (5, 3)],
    ),
    "Huishouden Tjon": (
        [
            (110, {Z.FINANCIEN: 2, Z.WERK_OPLEIDING: 1, Z.HUISVESTING: 2,
                   Z.SOCIAAL_NETWERK: 2}),
            (60, {Z.FINANCIEN: 3, Z.WERK_OPLEIDING: 2, Z.HUISVESTING: 3,
                  Z.SOCIAAL_NETWERK: 3}),
            (14, {Z.FINANCIEN: 4, Z.WERK_OPLEIDING: 3, Z.HUISVESTING: 4,
                  Z.SOCIAAL_NETWERK: 4}),
        ],
        [(110, 2), (60, 4), (14, 5)],
    ),
    "Huishouden Koster": (
        [
            (190, {Z.FINANCIEN: 1, Z.INSTRUMENTELE_ADL: 2, Z.SOCIAAL_NETWERK: 3}),
            (35, {Z.FINANCIEN: 4, Z.INSTRUMENTELE_ADL: 4, Z.SOCIAAL_NETWERK: 4}),
        ],
        [(190, 2), (35, 3)],
    ),
}  # fmt: skip


def load_measuring(context) -> None:
    team = context.team
    today = timezone.localdate()
    for name, (assessments, ladder) in HISTORIES.items():
        case = (
            Case.objects.filter(team=team, household__name=name)
            .select_related("regievoerder")
            .first()
        )
        if case is None or case.zrm_assessments.exists():
            continue
        by = case.regievoerder or context.user("teamleider")
        main = HouseholdMember.objects.filter(
            household_id=case.household_id, is_main_contact=True
        ).first()
        if main is None:
            continue
        for days_ago, scores in assessments:
            zrm_assessment_record(
                case=case, person=main.person, by=by,
                assessed_on=today - dt.timedelta(days=days_ago),
                scores={d.value: s for d, s in scores.items()},
            )  # fmt: skip
        for days_ago, step in ladder:
            ladder_measurement_record(
                case=case, person=main.person, by=by, step=step,
                measured_on=today - dt.timedelta(days=days_ago),
            )  # fmt: skip
        if name == "Huishouden Pinas":
            moral_deliberation_record(
                case=case, by=by, held_on=today - dt.timedelta(days=18),
                dilemma=(
                    "Dario (17) verzuimt veel. Moeder wil niet dat we de school of "
                    "leerplicht inschakelen: zij vreest dat het vertrouwen weg is. "
                    "Doen we het toch?"
                ),
                perspectives=(
                    "Eigen regie van moeder en het vertrouwen dat net is opgebouwd; "
                    "het recht van Dario op onderwijs; de zorgplicht van de school; "
                    "Dario zelf wil vooral geen 'gedoe' thuis."
                ),
                decision=(
                    "Eerst samen met moeder en Dario een gesprek met de mentor; "
                    "lukt dat niet binnen twee weken, dan melden wij het zelf, "
                    "en dat zeggen we moeder vooraf."
                ),
                participants=list(team_workers(team)[:3]),
                other_participants="Gedragswetenschapper van het wijkteam",
            )  # fmt: skip
