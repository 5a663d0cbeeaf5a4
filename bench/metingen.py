"""Metingen tab (12 ZRM assessments) and the team figures' average ZRM per buurt.

    python bench/metingen.py [--persons 20000] [--keep]   (DATABASE_URL set)

Part 1: one casus with a household of 4, 12 ZRM assessments of all 13 domains,
12 ladder treden and 3 moreel beraden; times the metingen and moreel beraad tabs.
Part 2: a team with `--persons` assessed persons (each in a casus, 3 assessments
of 13 domains: 39 score rows per person) over 10 buurten, filled with SQL
generate_series; times `zrm_by_buurt` (one GROUP BY) and the teamcijfers page.
Full requests through Django's test client, 30 runs after a warm-up.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkteam.settings")
os.environ.setdefault("DEBUG", "true")
# The bench times pages, not the second factor (the client has no OTP device).
os.environ.setdefault("OTP_ENFORCED", "false")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.harness import timings as timed  # noqa: E402
from cases.figures import reads as teamfigures  # noqa: E402
from cases.intake.constants import ZrmDomain  # noqa: E402
from cases.measuring.services import (  # noqa: E402
    ladder_measurement_record,
    moral_deliberation_record,
    zrm_assessment_record,
)
from cases.models import Case, Household, HouseholdMember, Person  # noqa: E402
from gebiedsanalyse.models import Area  # noqa: E402
from wijkteam.constants import Role  # noqa: E402
from wijkteam.models import Membership, Team, User  # noqa: E402

TEAM_NAME = "Benchmark metingen"
BUURTEN = 10

FILL_SQL = """
CREATE TEMP TABLE bench_h ON COMMIT DROP AS
WITH h AS (
    INSERT INTO cases_household (team_id, name, created_at)
    SELECT %(team)s, 'Huishouden meting ' || g, now()
    FROM generate_series(1, %(n)s) g RETURNING id
) SELECT id FROM h;

CREATE TEMP TABLE bench_p ON COMMIT DROP AS
WITH p AS (
    INSERT INTO cases_person (team_id, first_name, prefix, last_name, bsn, street,
        house_number, postcode, city, phone, email, search_name, created_at,
        buurt_id)
    SELECT %(team)s, 'Inwoner', '', 'Meting ' || h.id, '', '', '', '', 'Rotterdam',
        '', '', 'inwoner meting ' || h.id, now(),
        CASE WHEN h.id %% 20 = 0 THEN NULL
             ELSE (%(buurten)s::bigint[])[1 + h.id %% %(nb)s] END
    FROM bench_h h RETURNING id, last_name
) SELECT id, substr(last_name, 8)::bigint AS household_id FROM p;

INSERT INTO cases_householdmember (household_id, person_id, relation, is_main_contact)
SELECT household_id, id, 'hoofdbewoner', true FROM bench_p;

INSERT INTO cases_case (team_id, household_id, status, opened_at, opened_by_id,
    close_reason, evaluation, legal_framework)
SELECT %(team)s, id, 'in_behandeling', now() - interval '200 days', %(by)s, '', '', ''
FROM bench_h;

CREATE TEMP TABLE bench_a ON COMMIT DROP AS
WITH a AS (
    INSERT INTO cases_zrmassessment (case_id, person_id, assessed_on, assessed_by_id,
        recorded_at, note)
    SELECT c.id, p.id, current_date - (g * 60 + p.id %% 30)::int, %(by)s, now(), ''
    FROM bench_p p JOIN cases_case c ON c.household_id = p.household_id
    CROSS JOIN generate_series(0, 2) g
    RETURNING id, person_id
) SELECT id, person_id FROM a;

INSERT INTO cases_zrmdomainscore (assessment_id, domain, score)
SELECT a.id, d.domain, 1 + (a.id + a.person_id + d.n) %% 5
FROM bench_a a CROSS JOIN unnest(%(domains)s::text[]) WITH ORDINALITY d(domain, n);
"""


def page(client: Client, url: str, params=None):
    def get():
        response = client.get(url, params)
        assert response.status_code == 200, (
            response.status_code,
            response.get("Location"),
        )

    return get


def setup_team():
    team, _ = Team.objects.get_or_create(name=TEAM_NAME, defaults={"gemeente": "Bench"})
    lid, _ = User.objects.get_or_create(username="bench-metingen-lid")
    Membership.objects.get_or_create(user=lid, team=team, role=Role.TEAMLEIDER)
    buurten = []
    for i in range(BUURTEN):
        area, _ = Area.objects.get_or_create(
            code=f"BU9999{i:04d}",
            defaults={"name": f"Benchbuurt {i}", "level": "buurt"},
        )
        area.teams.add(team)
        buurten.append(area.pk)
    return team, lid, buurten


def one_case(team, lid) -> Case:
    household = Household.objects.create(team=team, name="Huishouden twaalf metingen")
    people = []
    for i in range(4):
        person = Person.objects.create(team=team, first_name=f"Lid{i}", last_name="X")
        HouseholdMember.objects.create(
            household=household, person=person, is_main_contact=i == 0
        )
        people.append(person)
    case = Case.objects.create(team=team, household=household, opened_by=lid)
    today = timezone.localdate()
    for i in range(12):
        day = today - dt.timedelta(days=30 * i)
        zrm_assessment_record(
            case=case, person=people[i % 4], assessed_on=day, by=lid,
            scores={d: 1 + (i + n) % 5 for n, d in enumerate(ZrmDomain.values)},
        )  # fmt: skip
        ladder_measurement_record(
            case=case, person=people[i % 4], measured_on=day, step=1 + i % 6, by=lid
        )
    for _ in range(3):
        moral_deliberation_record(
            case=case, by=lid, held_on=today, dilemma="x", perspectives="y",
            decision="z", participants=[lid],
        )  # fmt: skip
    return case


def fill(team, lid, buurten, persons: int) -> float:
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        params = {"team": team.pk, "n": persons, "by": lid.pk, "buurten": buurten,
                  "nb": len(buurten), "domains": list(ZrmDomain.values)}  # fmt: skip
        for statement in FILL_SQL.split(";\n"):
            if statement.strip():
                cursor.execute(statement, params)
    with connection.cursor() as cursor:
        for table in ("cases_zrmassessment", "cases_zrmdomainscore", "cases_person",
                      "cases_case", "cases_householdmember"):  # fmt: skip
            cursor.execute(f"VACUUM ANALYZE {table}")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--persons", type=int, default=20_000)
    parser.add_argument("--keep", action="store_true")
    args = parser.parse_args()
    team, lid, buurten = setup_team()
    seconds = 0.0
    if not Case.objects.filter(team=team).exists():
        seconds = fill(team, lid, buurten, args.persons)
    case = Case.objects.filter(
        team=team, household__name="Huishouden twaalf metingen"
    ).first() or one_case(team, lid)
    client = Client(HTTP_HOST="localhost")
    client.force_login(lid)
    session = client.session
    session["wijkteam_team_id"] = team.pk
    session.save()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM cases_zrmdomainscore")
        rows = cursor.fetchone()[0]
    print(f"{rows} ZRM-scores in de database (vullen: {seconds:.1f} s)")
    period = teamfigures.Period.last_12_months()
    areas = list(Area.objects.filter(pk__in=buurten))
    figures = [
        ("tab metingen (12 ZRM-metingen, 4 leden)",
         page(client, reverse("cases:metingen", kwargs={"pk": case.pk}))),
        ("tab moreel beraad (3)",
         page(client, reverse("cases:moreel_beraad", kwargs={"pk": case.pk}))),
        ("zrm_by_buurt (alleen de query)",
         lambda: teamfigures.zrm_by_buurt(team=team, period=period, buurten=areas)),
        ("pagina teamcijfers (4 tabellen)",
         page(client, reverse("gebiedsanalyse:team_figures"))),
    ]  # fmt: skip
    print(f"{'meting':42} {'mediaan ms':>11} {'p95 ms':>8}")
    for label, func in figures:
        median, p95 = timed(func)
        print(f"{label:42} {median:>11.1f} {p95:>8.1f}")
    if not args.keep:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "DELETE FROM cases_zrmdomainscore WHERE assessment_id IN (SELECT a.id "
                "FROM cases_zrmassessment a JOIN cases_case c ON c.id = a.case_id "
                "WHERE c.team_id = %s)",
                [team.pk],
            )
            Case.objects.filter(team=team).delete()
            HouseholdMember.objects.filter(household__team=team).delete()
            Household.objects.filter(team=team).delete()
            Person.objects.filter(team=team).delete()
        print("Benchmarkgegevens verwijderd (het toegangslog blijft: append-only).")


if __name__ == "__main__":
    main()
