"""Werkbak, casus list and casus page at 100k casussen and 1M journal rows.

    python bench/casework.py [--cases 100000] [--journal-per-case 10] [--keep]
    (DATABASE_URL set)

Fills a benchmark team once with SQL (generate_series): households with one member
each, casussen in every status spread over 20 members (1% without regievoerder) and
journal rows, then ANALYZE. Times the three pages through Django's test client
(full request: middleware, access check, access log, template) as the teamleider,
100 runs each (`--runs`) after a warm-up, and prints median and p95 server time and
the number of queries of one request. (30 runs, as before the third session, put
the p95 on the second-slowest request: one pause of the machine decided it.)
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wijkteam.settings")
os.environ.setdefault("DEBUG", "true")
# The teamleider signs in without a second factor here (force_login; the
# 2FA middleware then lets the request through; its check is not measured).
os.environ.setdefault("OTP_ENFORCED", "false")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from bench.harness import page_timings as timed  # noqa: E402
from cases.models import Case, Household, JournalEntry, Person  # noqa: E402
from wijkteam.constants import Role  # noqa: E402
from wijkteam.models import Membership, Team, User  # noqa: E402

TEAM_NAME = "Benchmark casussen"
MEMBERS = 20

FILL_SQL = """
CREATE TEMP TABLE bench_household ON COMMIT DROP AS
WITH h AS (
    INSERT INTO cases_household (team_id, name, created_at)
    SELECT %(team)s, 'Huishouden bench ' || g, now() - (g %% 900) * interval '1 day'
    FROM generate_series(1, %(n)s) g
    RETURNING id
)
SELECT id FROM h;

WITH p AS (
    INSERT INTO cases_person (team_id, first_name, prefix, last_name, bsn, street,
        house_number, postcode, city, phone, email, search_name, created_at)
    SELECT %(team)s, 'Inwoner', '', 'Bench ' || h.id, '', '', '', '', 'Rotterdam',
        '', '', 'inwoner bench ' || h.id, now()
    FROM bench_household h
    RETURNING id, last_name
)
INSERT INTO cases_householdmember (household_id, person_id, relation,
    is_main_contact)
SELECT substr(p.last_name, 7)::bigint, p.id, 'hoofdbewoner', true FROM p;

INSERT INTO cases_case (team_id, household_id, regievoerder_id, status, opened_at,
    opened_by_id, closed_at, close_reason, evaluation, last_contact_on, legal_framework)
SELECT %(team)s, h.id,
    CASE WHEN h.id %% 100 = 0 THEN NULL
         ELSE (%(members)s::bigint[])[1 + h.id %% %(m)s] END,
    CASE WHEN h.id %% 100 = 0 THEN 'aangemeld'
         WHEN h.id %% 10 < 4 THEN 'afgesloten'
         WHEN h.id %% 10 < 8 THEN 'in_behandeling'
         ELSE 'monitoring' END,
    now() - (h.id %% 900) * interval '1 day', %(by)s,
    CASE WHEN h.id %% 100 <> 0 AND h.id %% 10 < 4 THEN now() END,
    CASE WHEN h.id %% 100 <> 0 AND h.id %% 10 < 4 THEN 'doel_bereikt' ELSE '' END,
    '', current_date - (h.id %% 60)::int, ''
FROM bench_household h;

INSERT INTO cases_journalentry (case_id, contact_on, kind, present, initiated_by,
    note, author_id, created_at)
SELECT c.id, current_date - ((c.id + g) %% 400)::int, 'huisbezoek', '', 'wijkteam',
    'Contactmoment ' || g || ' met het huishouden.', %(by)s,
    now() - ((c.id + g) %% 400) * interval '1 day'
FROM cases_case c CROSS JOIN generate_series(1, %(per)s) g
WHERE c.team_id = %(team)s;
"""


def setup(cases: int, per_case: int):
    team, _ = Team.objects.get_or_create(name=TEAM_NAME, defaults={"gemeente": "Bench"})
    leader, _ = User.objects.get_or_create(username="bench-teamleider")
    Membership.objects.get_or_create(user=leader, team=team, role=Role.TEAMLEIDER)
    members = []
    for i in range(MEMBERS):
        user, _ = User.objects.get_or_create(
            username=f"bench-lid-{i}", defaults={"first_name": f"Lid {i}"}
        )
        Membership.objects.get_or_create(user=user, team=team, role=Role.WIJKTEAMLID)
        members.append(user.pk)
    if Case.objects.filter(team=team).exists():
        return team, leader, members, 0.0
    started = time.perf_counter()
    with transaction.atomic(), connection.cursor() as cursor:
        params = {"team": team.pk, "n": cases, "members": members, "m": MEMBERS,
                  "by": leader.pk, "per": per_case}  # fmt: skip
        for statement in FILL_SQL.split(";\n"):
            if statement.strip():
                cursor.execute(statement, params)
    with connection.cursor() as cursor:
        for table in ("cases_case", "cases_journalentry", "cases_person",
                      "cases_household", "cases_householdmember"):  # fmt: skip
            cursor.execute(f"VACUUM ANALYZE {table}")
    return team, leader, members, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=100_000)
    parser.add_argument("--journal-per-case", type=int, default=10)
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--runs", type=int, default=100)
    args = parser.parse_args()
    team, leader, members, seconds = setup(args.cases, args.journal_per_case)
    n_cases = Case.objects.filter(team=team).count()
    n_journal = JournalEntry.objects.filter(case__team=team).count()
    print(f"{n_cases} casussen, {n_journal} journaalregels (vullen: {seconds:.1f} s)")
    client = Client(HTTP_HOST="localhost")
    client.force_login(leader)
    session = client.session
    session["wijkteam_team_id"] = team.pk
    session.save()
    sample = Case.objects.filter(team=team, regievoerder_id=members[0]).first()
    pages = [
        ("werkbak", reverse("cases:werkbak"), None),
        ("casussen (team)", reverse("cases:case_list"), {"scope": "team"}),
        ("casussen (zoeken)", reverse("cases:case_list"),
         {"scope": "team", "q": "bench 4711"}),
        ("casuspagina (10 journaalregels)",
         reverse("cases:case_detail", kwargs={"pk": sample.pk}), None),
    ]  # fmt: skip
    print(f"{'pagina':35} {'mediaan ms':>11} {'p95 ms':>8} {'queries':>8}")
    for label, url, params in pages:
        median, p95, queries = timed(client, url, params, args.runs)
        print(f"{label:35} {median:>11.1f} {p95:>8.1f} {queries:>8}")
    if not args.keep:
        with transaction.atomic(), connection.cursor() as cursor:
            # Questions of bench/team_figures.py --keep would block the persons.
            cursor.execute("DELETE FROM cases_question WHERE team_id = %s", [team.pk])
            cursor.execute(
                "DELETE FROM cases_journalentry WHERE case_id IN "
                "(SELECT id FROM cases_case WHERE team_id = %s)",
                [team.pk],
            )
            Case.objects.filter(team=team).delete()
            Household.objects.filter(team=team).delete()
            Person.objects.filter(team=team).delete()
        print("Benchmarkgegevens verwijderd (het toegangslog blijft: append-only).")


if __name__ == "__main__":
    main()
