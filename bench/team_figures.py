"""Team figures (the gebiedsanalyse dashboard /gebieden/teamcijfers/) at 100k
casussen and 100k questions.

    python bench/team_figures.py [--cases 100000] [--keep]   (DATABASE_URL set)

Uses the benchmark team of bench/casework.py (filled once with SQL when absent:
100,000 casussen, their households, members and journal), spreads its residents
over 20 benchmark buurten (5% without buurt) and adds one question per resident,
registered over the last two years with one or two leefgebieden and a channel;
then ANALYZE. Times the page as the teamleider through Django's test client (the
whole server side), 30 runs after a warm-up: the default period (last 12 months,
all buurten) and one buurt. Prints median and p95 server time.
"""

from __future__ import annotations

import argparse
import os
import sys
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

from bench.casework import setup, timed  # noqa: E402  (sets up Django)
from cases.models import Case, Household, Person, Question  # noqa: E402
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
        from cases.constants import ZrmDomain

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
    parser.add_argument("--keep", action="store_true")
    args, _ = parser.parse_known_args()
    team, leader, _, _ = setup(args.cases, 10)
    buurten = add_figures_data(team, leader)
    print(
        f"{Case.objects.filter(team=team).count()} casussen, "
        f"{Question.objects.filter(team=team).count()} vragen, {len(buurten)} buurten"
    )
    client = Client(HTTP_HOST="localhost")
    client.force_login(leader)
    session = client.session
    session["wijkteam_team_id"] = team.pk
    session.save()
    url = reverse("gebiedsanalyse:team_figures")
    print(f"{'pagina':40} {'mediaan ms':>11} {'p95 ms':>8}")
    for label, params in [
        ("teamcijfers (12 maanden, alle buurten)", None),
        ("teamcijfers (één buurt)", {"buurt": buurten[3].code}),
    ]:
        median, p95 = timed(client, url, params)
        print(f"{label:40} {median:>11.1f} {p95:>8.1f}")
    if not args.keep:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("DELETE FROM cases_question WHERE team_id = %s", [team.pk])
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
