"""Team figures (the gebiedsanalyse dashboard /gebieden/teamcijfers/) at 100k
casussen and 100k questions.

    python bench/team_figures.py [--cases 100000] [--keep]   (DATABASE_URL set)

Uses the benchmark team of bench/casework.py (filled once with SQL when absent:
100,000 casussen, their households, members and journal), spreads its residents
over 20 benchmark buurten (5% without buurt) and adds one question per resident,
registered over the last two years with one or two leefgebieden and a channel;
gives `--zrm-persons` of those residents (25,000 by default) 3 ZRM assessments of
all 13 domains in their casus, dated 0 to 389 days back (975,000 score rows; the
triggers of cases migration 0011 keep the latest score per person and domain);
then ANALYZE. Times the page as the teamleider through Django's test client (the
whole server side), 30 runs after a warm-up: the default period (last 12 months,
all buurten) and one buurt. Prints median and p95 server time.
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
os.environ.setdefault("OTP_ENFORCED", "false")  # as in bench/casework.py

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402
from django.utils import timezone  # noqa: E402

from bench.casework import setup, timed  # noqa: E402  (sets up Django)
from bench.harness import timings as timed_call  # noqa: E402
from cases.figures import reads as teamfigures  # noqa: E402
from cases.intake.constants import ZrmDomain  # noqa: E402
from cases.models import (  # noqa: E402
    Case,
    Household,
    Person,
    Question,
    ZrmAssessment,
    ZrmDomainScore,
)
from gebiedsanalyse.models import Area  # noqa: E402

BUURTEN = 20
CODE_PREFIX = "BU9999"

FILL_SQL = """
UPDATE cases_person SET buurt_id = CASE WHEN id %% 20 = 0 THEN NULL
    ELSE (%(buurten)s::bigint[])[1 + id %% %(b)s] END
WHERE team_id = %(team)s;

INSERT INTO cases_question (team_id, channel, signaller_name, signaller_organisation,
    person_id, anonymous_label, text, domains, urgency, outcome, outcome_note,
    voorziening_text, status, registered_at, idempotency_key, registered_by_id)
SELECT %(team)s,
    (ARRAY['inloop','telefoon','afspraak','email','signaal'])[1 + p.id %% 5],
    '', '', p.id, '', 'Vraag van de benchmark.',
    CASE WHEN p.id %% 3 = 0
        THEN ARRAY[(%(domains)s::text[])[1 + p.id %% 10],
                   (%(domains)s::text[])[1 + (p.id / 10) %% 10]]
        ELSE ARRAY[(%(domains)s::text[])[1 + p.id %% 10]] END,
    'normaal', 'vraagverheldering', '', '', 'casus',
    now() - (p.id %% 730) * interval '1 day', gen_random_uuid(), %(by)s
FROM cases_person p WHERE p.team_id = %(team)s;
"""


# Like bench/metingen.py: 3 assessments x 13 domains per person, in the casus of
# the household the person is main contact of.
ZRM_SQL = """
CREATE TEMP TABLE bench_zrm_a ON COMMIT DROP AS
WITH a AS (
    INSERT INTO cases_zrmassessment (case_id, person_id, assessed_on, assessed_by_id,
        recorded_at, note)
    SELECT c.id, p.id, current_date - (g * 150 + p.id %% 90)::int, %(by)s, now(), ''
    FROM (SELECT id FROM cases_person WHERE team_id = %(team)s
          ORDER BY id LIMIT %(n)s) p
    JOIN cases_householdmember m ON m.person_id = p.id AND m.is_main_contact
    JOIN cases_case c ON c.household_id = m.household_id
    CROSS JOIN generate_series(0, 2) g
    RETURNING id, person_id
) SELECT id, person_id FROM a;

INSERT INTO cases_zrmdomainscore (assessment_id, domain, score)
SELECT a.id, d.domain, 1 + (a.id + a.person_id + d.n) %% 5
FROM bench_zrm_a a CROSS JOIN unnest(%(domains)s::text[]) WITH ORDINALITY d(domain, n);
"""


def add_zrm_data(team, leader, persons: int) -> float:
    """ZRM assessments for `persons` residents, once; returns the seconds taken."""
    if ZrmAssessment.objects.filter(case__team=team).exists():
        return 0.0
    started = time.perf_counter()
    params = {"team": team.pk, "n": persons, "by": leader.pk,
              "domains": list(ZrmDomain.values)}  # fmt: skip
    with transaction.atomic(), connection.cursor() as cursor:
        for statement in ZRM_SQL.split(";\n"):
            if statement.strip():
                cursor.execute(statement, params)
    with connection.cursor() as cursor:
        for table in ("cases_zrmassessment", "cases_zrmdomainscore",
                      "cases_zrmlatestscore"):  # fmt: skip
            cursor.execute(f"VACUUM ANALYZE {table}")
    return time.perf_counter() - started


def add_figures_data(team, leader) -> list[Area]:
    buurten = []
    for i in range(BUURTEN):
        area, _ = Area.objects.get_or_create(
            code=f"{CODE_PREFIX}{i:04d}",
            defaults={"name": f"Benchbuurt {i:02d}", "level": "buurt"},
        )
        area.teams.add(team)
        buurten.append(area)
    if not Question.objects.filter(team=team).exists():
        params = {
            "team": team.pk,
            "buurten": [a.pk for a in buurten],
            "b": BUURTEN,
            "domains": [d.value for d in ZrmDomain],
            "by": leader.pk,
        }
        with transaction.atomic(), connection.cursor() as cursor:
            for statement in FILL_SQL.split(";\n"):
                if statement.strip():
                    cursor.execute(statement, params)
        with connection.cursor() as cursor:
            for table in ("cases_question", "cases_person"):
                cursor.execute(f"VACUUM ANALYZE {table}")
    return buurten


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--zrm-persons", type=int, default=25_000)
    parser.add_argument("--keep", action="store_true")
    args, _ = parser.parse_known_args()
    team, leader, _, _ = setup(args.cases, 10)
    buurten = add_figures_data(team, leader)
    seconds = add_zrm_data(team, leader, args.zrm_persons)
    assessed = ZrmAssessment.objects.filter(case__team=team)
    print(
        f"{Case.objects.filter(team=team).count()} casussen, "
        f"{Question.objects.filter(team=team).count()} vragen, {len(buurten)} buurten, "
        f"{assessed.values('person').distinct().count()} inwoners met ZRM, "
        f"{ZrmDomainScore.objects.filter(assessment__case__team=team).count()} "
        f"ZRM-scores (vullen: {seconds:.1f} s)"
    )
    client = Client(HTTP_HOST="localhost")
    client.force_login(leader)
    session = client.session
    session["wijkteam_team_id"] = team.pk
    session.save()
    url = reverse("gebiedsanalyse:team_figures")
    print(f"{'pagina':40} {'mediaan ms':>11} {'p95 ms':>8}")
    today = timezone.localdate()
    past = {  # ends yesterday: zrm_by_buurt takes the anti-join
        "van": (today - dt.timedelta(days=365)).strftime("%d-%m-%Y"),
        "tot": (today - dt.timedelta(days=1)).strftime("%d-%m-%Y"),
    }
    for label, params in [
        ("teamcijfers (12 maanden, alle buurten)", None),
        ("teamcijfers (één buurt)", {"buurt": buurten[3].code}),
        ("teamcijfers (periode tot gisteren)", past),
    ]:
        median, p95, _queries = timed(client, url, params, runs=30)
        print(f"{label:40} {median:>11.1f} {p95:>8.1f}")
    # zrm_by_buurt alone, both ways (the page's default and a past period).
    period = teamfigures.Period.last_12_months()
    ended = teamfigures.Period(start=period.start, end=today - dt.timedelta(days=1))
    for label, p in [("zrm_by_buurt (12 mnd, tabel)", period),
                     ("zrm_by_buurt (tot gisteren, anti-join)", ended)]:  # fmt: skip
        median, p95 = timed_call(
            lambda p=p: teamfigures.zrm_by_buurt(team=team, period=p, buurten=buurten)
        )
        print(f"{label:40} {median:>11.1f} {p95:>8.1f}")
    if not args.keep:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM cases_question WHERE team_id = %s", [team.pk])
            cursor.execute(
                "DELETE FROM cases_zrmdomainscore WHERE assessment_id IN (SELECT a.id "
                "FROM cases_zrmassessment a JOIN cases_case c ON c.id = a.case_id "
                "WHERE c.team_id = %s)",
                [team.pk],
            )
            cursor.execute(
                "DELETE FROM cases_journalentry WHERE case_id IN "
                "(SELECT id FROM cases_case WHERE team_id = %s)",
                [team.pk],
            )
            Case.objects.filter(team=team).delete()
            Household.objects.filter(team=team).delete()
            Person.objects.filter(team=team).delete()
            Area.objects.filter(code__startswith=CODE_PREFIX).delete()
        print("Benchmarkgegevens verwijderd (het toegangslog blijft: append-only).")


if __name__ == "__main__":
    main()
